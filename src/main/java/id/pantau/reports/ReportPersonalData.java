package id.pantau.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.platform.SubjectRows;
import id.pantau.reports.domain.PhotoStore;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the village reports hold on a person, for the duties of UU 27/2022 that the privacy module carries out: the
 * data-subject export, the unlinking of an anonymised person and the retention of concluded reports. All run in the
 * caller's transaction; the caller audits them.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportPersonalData {

	private static final SubjectRows PARTS = SubjectRows.of(
			"village_report", "select * from village_report where person_id = :person order by id",
			"report_event", """
				select * from report_event where village_report_id in
				  (select id from village_report where person_id = :person) order by at""",
			"report_agency_view", """
				select * from report_agency_view where village_report_id in
				  (select id from village_report where person_id = :person)""");

	/** Reports concluded (validated or rejected) before {@code :limit} and not yet erased. */
	private static final String CONCLUDED = """
			state in ('VALIDATED', 'REJECTED') and state_since < :limit and names_as_heard <> :anonymised""";

	private final JdbcClient jdbc;
	private final PhotoStore photos;

	/** The reports linked to the person with their events and agencies' views: each part as a JSON array. */
	@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
	public Map<String, String> export(long personId) {
		return PARTS.rowsOf(jdbc, personId);
	}

	/** The person's reports stay, about no registered person. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void unlink(long personId) {
		jdbc.sql("update village_report set person_id = null where person_id = :id").param("id", personId).update();
	}

	/** The reports concluded before {@code limit} whose details {@link #eraseConcluded} would erase. */
	@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
	public List<Long> concludedBefore(Instant limit, String marker) {
		return jdbc.sql("select id from village_report where " + CONCLUDED + " order by id")
				.param("limit", Timestamp.from(limit)).param("anonymised", marker).query(Long.class).list();
	}

	/**
	 * Erases what was heard and seen in the reports concluded before {@code limit} (names, documents, address, note,
	 * photo, the reasons of their events and the agencies' views); the report's village, month, state and outcome stay
	 * for completeness figures. The photos' files are deleted once the transaction has committed.
	 *
	 * @return how many reports were erased
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int eraseConcluded(Instant limit, String marker) {
		Timestamp before = Timestamp.from(limit);
		List<UUID> photoIds = jdbc.sql("select photo_id::text from village_report where " + CONCLUDED
				+ " and photo_id is not null").param("limit", before).param("anonymised", marker)
				.query(String.class).list().stream().map(UUID::fromString).toList();
		jdbc.sql("update report_event set reason = null where village_report_id in (select id from village_report where "
				+ CONCLUDED + ")").param("anonymised", marker).param("limit", before).update();
		jdbc.sql("update report_agency_view set view_text = '' where village_report_id in"
				+ " (select id from village_report where " + CONCLUDED + ")").param("anonymised", marker)
				.param("limit", before).update();
		int erased = jdbc.sql("""
				update village_report set names_as_heard = :anonymised, age_or_birth = null, document_numbers = null,
				  staying_at = null, activity = null, employer_or_vessel = null, present_since = null, note = null,
				  nationality_text = null, photo_id = null, photo_type = null, person_id = null,
				  version = version + 1
				where\s""" + CONCLUDED).param("anonymised", marker).param("limit", before).update();
		if (!photoIds.isEmpty()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					photoIds.forEach(photos::delete);
				}
			});
		}
		return erased;
	}
}
