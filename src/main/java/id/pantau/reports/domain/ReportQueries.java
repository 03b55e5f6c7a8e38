package id.pantau.reports.domain;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.Scope;
import id.pantau.reports.ReportState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Lists of reports within a scope: a village's own, an agency's inbox, with those waiting too long flagged. */
@Service
public class ReportQueries {

	public static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;
	private final ReportSettings settings;
	private final Clock clock;
	private final AuditTrail audit;

	ReportQueries(JdbcClient jdbc, ReportSettings settings, Clock clock, AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @param resubmitted whether the report waits at BPMPD again after the village fixed what BPMPD returned it for
	 */
	public record Row(long id, String number, String villageCode, String villageName, ReportState state,
			String namesAsHeard, String nationality, Instant stateSince, boolean waitingTooLong, int views,
			boolean resubmitted) {
	}

	/**
	 * The reports within the scope the user may see, newest first. A draft is the village's own until it is
	 * submitted: an officer sees only the drafts it made itself on a village's behalf.
	 */
	public List<Row> list(PantauUser viewer, Scope scope, List<ReportState> states, int page) {
		return list(viewer, scope, states, null, page);
	}

	/**
	 * The reports a list, an inbox or the API showed, audited with their ids (names as heard are on every row), so
	 * the breach query can say whose reports a user saw. Gives the rows back.
	 */
	public List<Row> shown(List<Row> rows, Scope scope, String via) {
		audit.record(AuditEntry.of("REPORTS_LISTED").region(scope.regionCode()).detail("via", via)
				.detail("rows", rows.size()).shown("REPORT", rows.stream().map(Row::id).toList()));
		return rows;
	}

	/** Forwarded reports within the scope on which the agency has not given its view yet, oldest first. */
	public List<Row> awaitingViewOf(Scope scope, String agency) {
		return list(null, scope, List.of(ReportState.FORWARDED), agency, 0);
	}

	/** The SQL condition that hides other people's drafts from the viewer, with its parameters put in. */
	private static String drafts(PantauUser viewer, Map<String, Object> params) {
		if (viewer != null && viewer.role() == Role.OHOI) {
			return "";
		}
		params.put("viewer", viewer == null ? "" : viewer.getUsername());
		return " and (r.state <> 'DRAFT' or r.created_by = :viewer)";
	}

	private List<Row> list(PantauUser viewer, Scope scope, List<ReportState> states, String withoutViewOf, int page) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		String stateFilter = drafts(viewer, params);
		if (states != null && !states.isEmpty()) {
			stateFilter += " and r.state in (:states)";
			params.put("states", states.stream().map(Enum::name).toList());
		}
		if (withoutViewOf != null) {
			stateFilter += " and not exists (select 1 from report_agency_view w where w.village_report_id = r.id"
					+ " and w.agency = :agency)";
			params.put("agency", withoutViewOf);
		}
		params.put("limit", PAGE_SIZE);
		// a long: page 2147483647 is an empty page, not an overflow into a negative offset
		params.put("offset", (long) Math.max(0, page) * PAGE_SIZE);
		return jdbc.sql("""
				select r.id, r.number, r.village_code, v.name as village_name, r.state, r.names_as_heard,
				  coalesce(c.name_id, r.nationality_text) as nationality, r.state_since,
				  (select count(*) from report_agency_view w where w.village_report_id = r.id) as views,
				  r.state = 'SUBMITTED' and exists (select 1 from report_event e where e.village_report_id = r.id
				    and e.to_state = 'RETURNED') as resubmitted
				from village_report r
				join region_read v on v.code = r.village_code
				left join country_read c on c.alpha3 = r.nationality
				where %s%s
				order by r.state_since %s, r.id desc
				limit :limit offset :offset""".formatted(scope.sqlCondition("r.village_code"), stateFilter,
				withoutViewOf == null ? "desc" : "asc"))
				.params(params)
				.query((rs, n) -> {
					ReportState state = ReportState.valueOf(rs.getString("state"));
					Instant since = rs.getTimestamp("state_since").toInstant();
					return new Row(rs.getLong("id"), rs.getString("number"), rs.getString("village_code"),
							rs.getString("village_name"), state, rs.getString("names_as_heard"),
							rs.getString("nationality"), since, waiting(state, since), rs.getInt("views"),
							rs.getBoolean("resubmitted"));
				}).list();
	}

	public record Photo(long reportId, String number, String villageName, Instant createdAt) {
	}

	/** The photos villages took of a person, with their reports, within the scope (a village sees its own). */
	public List<Photo> photosOf(Scope scope, long personId) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		params.put("person", personId);
		return jdbc.sql("""
				select r.id, r.number, v.name as village_name, r.created_at from village_report r
				join region_read v on v.code = r.village_code
				where r.person_id = :person and r.photo_id is not null and %s
				order by r.created_at desc limit 12""".formatted(scope.sqlCondition("r.village_code")))
				.params(params).query((rs, n) -> new Photo(rs.getLong("id"), rs.getString("number"),
						rs.getString("village_name"), rs.getTimestamp("created_at").toInstant()))
				.list();
	}

	/** How many reports the user may see wait in each state, within the scope (drafts as {@link #list}). */
	public Map<ReportState, Long> counts(PantauUser viewer, Scope scope) {
		Map<ReportState, Long> counts = new java.util.EnumMap<>(ReportState.class);
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		String drafts = drafts(viewer, params);
		jdbc.sql("select state, count(*) as n from village_report r where " + scope.sqlCondition("r.village_code")
				+ drafts + " group by state").params(params)
				.query(rs -> {
					counts.put(ReportState.valueOf(rs.getString("state")), rs.getLong("n"));
				});
		return counts;
	}

	/** A report waiting in an inbox (submitted to BPMPD, forwarded to Kesbangpol) longer than the setting allows. */
	boolean waiting(ReportState state, Instant since) {
		if (state != ReportState.SUBMITTED && state != ReportState.FORWARDED) {
			return false;
		}
		return workingDaysBetween(LocalDate.ofInstant(since, DisplayTime.ZONE),
				LocalDate.ofInstant(clock.instant(), DisplayTime.ZONE)) > settings.waitingWorkingDays();
	}

	static int workingDaysBetween(LocalDate from, LocalDate to) {
		int days = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days++;
			}
		}
		return days;
	}
}
