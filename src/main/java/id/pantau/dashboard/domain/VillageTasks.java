package id.pantau.dashboard.domain;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.DisplayTime;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a village official has to do, for the top of its home page: reports BPMPD returned for fixing (with the
 * reason), drafts not sent yet, and whether the monthly report of the last complete month is still owed. Read with
 * plain SQL over the reports module's tables, as the dashboard's figures are (see the package description). The reports
 * it lists (names as heard) are a read of personal data, on the audit trail as the report list's are.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class VillageTasks {

	/** At most this many reports of each kind are listed; the count says how many there are. */
	public static final int LISTED = 10;

	/** A report returned to the village: the last reason BPMPD gave and since when it waits. Newest first. */
	public record Returned(long id, String number, String namesAsHeard, String reason, Instant since) {
	}

	/** A report the village started and has not sent. */
	public record Draft(long id, String number, String namesAsHeard, Instant updatedAt) {
	}

	/**
	 * @param monthDue the last complete month (in WIT), whose monthly report is due now
	 * @param monthlySent whether the village sent the monthly report of {@code monthDue}
	 */
	public record Tasks(long returnedCount, List<Returned> returned, long draftCount, List<Draft> drafts,
			YearMonth monthDue, boolean monthlySent) {

		public boolean monthlyMissing() {
			return !monthlySent;
		}
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	/** Not read-only: the listing is audited in the same transaction. */
	@Transactional
	public Tasks of(String villageCode) {
		List<Returned> returned = jdbc.sql("""
				select r.id, r.number, r.names_as_heard, r.state_since,
				  (select e.reason from report_event_read e
				   where e.village_report_id = r.id and e.to_state = 'RETURNED'
				   order by e.at desc limit 1) as reason
				from village_report_read r
				where r.village_code = :village and r.state = 'RETURNED'
				order by r.state_since desc, r.id desc limit :limit""").param("village", villageCode).param("limit", LISTED)
				.query((rs, n) -> new Returned(rs.getLong("id"), rs.getString("number"),
						rs.getString("names_as_heard"), rs.getString("reason"),
						rs.getTimestamp("state_since").toInstant()))
				.list();
		List<Draft> drafts = jdbc.sql("""
				select r.id, r.number, r.names_as_heard, r.updated_at
				from village_report_read r
				where r.village_code = :village and r.state = 'DRAFT'
				order by r.updated_at desc, r.id desc limit :limit""").param("village", villageCode)
				.param("limit", LISTED)
				.query((rs, n) -> new Draft(rs.getLong("id"), rs.getString("number"), rs.getString("names_as_heard"),
						rs.getTimestamp("updated_at").toInstant()))
				.list();
		long[] counts = jdbc.sql("""
				select count(*) filter (where state = 'RETURNED') as returned,
				  count(*) filter (where state = 'DRAFT') as drafts
				from village_report_read where village_code = :village and state in ('RETURNED', 'DRAFT')""")
				.param("village", villageCode)
				.query((rs, n) -> new long[] { rs.getLong("returned"), rs.getLong("drafts") }).single();
		YearMonth due = YearMonth.now(clock.withZone(DisplayTime.ZONE)).minusMonths(1);
		boolean sent = jdbc.sql("select exists (select 1 from periodic_report_read where village_code = :village"
				+ " and month = :month)").param("village", villageCode).param("month", Date.valueOf(due.atDay(1)))
				.query(Boolean.class).single();
		List<Long> shown = Stream.concat(returned.stream().map(Returned::id),
				drafts.stream().map(Draft::id)).toList();
		audit.record(AuditEntry.of("REPORTS_LISTED").region(villageCode).detail("via", "home")
				.detail("rows", shown.size()).shown("REPORT", shown));
		return new Tasks(counts[0], returned, counts[1], drafts, due, sent);
	}
}
