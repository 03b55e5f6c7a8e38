package id.pantau.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Village reports as record linkage sees them: what the village wrote about the foreigner, and the registry person
 * the report is about. Callers check roles and scope (the report's village).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportRecords {

	/** A report's identifying fields, as the village wrote them. */
	public record ReportRecord(long id, String number, String villageCode, ReportState state, String namesAsHeard,
			String sex, String ageOrBirth, String nationality, String nationalityText, String documentNumbers,
			Instant createdAt, Long personId) {
	}

	private final JdbcClient jdbc;

	@Transactional(readOnly = true)
	public Optional<ReportRecord> find(long id) {
		return jdbc.sql("""
				select id, number, village_code, state, names_as_heard, sex, age_or_birth, nationality,
				  nationality_text, document_numbers, created_at, person_id
				from village_report where id = :id and state <> 'DRAFT'""").param("id", id)
				.query(ReportRecords::record).optional();
	}

	/** Reports on their way to validation (submitted, returned or forwarded), oldest first. */
	@Transactional(readOnly = true)
	public List<Long> awaitingValidation() {
		return jdbc.sql("select id from village_report where state in ('SUBMITTED', 'RETURNED', 'FORWARDED') order by id")
				.query(Long.class).list();
	}

	/**
	 * Sets the person the report is about while it is still being validated (a concluded report keeps the person its
	 * validation named). The validator sees it as the proposed person.
	 *
	 * @return whether the report took the person
	 */
	@Transactional
	public boolean proposePerson(long reportId, Long personId) {
		return jdbc.sql("""
				update village_report set person_id = :person
				where id = :id and state in ('SUBMITTED', 'FORWARDED', 'RETURNED')""")
				.param("person", personId).param("id", reportId).update() == 1;
	}

	private static ReportRecord record(ResultSet rs, int row) throws SQLException {
		return new ReportRecord(rs.getLong("id"), rs.getString("number"), rs.getString("village_code"),
				ReportState.valueOf(rs.getString("state")), rs.getString("names_as_heard"), rs.getString("sex"),
				rs.getString("age_or_birth"), rs.getString("nationality"), rs.getString("nationality_text"),
				rs.getString("document_numbers"), rs.getTimestamp("created_at").toInstant(),
				(Long) rs.getObject("person_id"));
	}
}
