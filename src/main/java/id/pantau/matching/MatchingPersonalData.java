package id.pantau.matching;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import id.pantau.platform.SubjectRows;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What record linkage holds on a person, for the duties of UU 27/2022 that the privacy module carries out: the
 * data-subject export, the anonymisation of a person and of erased reports, and the match cases of deleted crossings.
 * All run in the caller's transaction; the caller audits them.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MatchingPersonalData {

	private static final int CHUNK = 1000;
	private static final SubjectRows PARTS = SubjectRows.of(
			"person_list_row", "select * from person_list_row where person_id = :person order by id",
			"match_case", "select * from match_case where person_id = :person order by id",
			"match_candidate", "select * from match_candidate where person_id = :person");

	private final JdbcClient jdbc;

	/** The person's rows in imported lists, match cases and candidacies: each part as a JSON array. */
	@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
	public Map<String, String> export(long personId) {
		return PARTS.rowsOf(jdbc, personId);
	}

	/**
	 * Empties the person's list rows (the row's id stays, so that importing the list again does not register the
	 * person anew), drops its candidacies and unlinks its match cases, whose record's name becomes {@code marker}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void anonymise(long personId, String marker) {
		jdbc.sql("""
				update person_list_row set full_name = null, sex = null, birth_date = null, birth_year = null,
				  nationality = null, document_number = null, village_code = null, permit_type = null,
				  permit_until = null, cells = null
				where person_id = :id""").param("id", personId).update();
		jdbc.sql("delete from match_candidate where person_id = :id").param("id", personId).update();
		jdbc.sql("update match_case set person_id = null, record_name = :anonymised where person_id = :id")
				.param("anonymised", marker).param("id", personId).update();
	}

	/** The match cases of erased reports keep the case, with {@code marker} for the record's name. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void anonymiseReports(Collection<Long> reportIds, String marker) {
		List<Long> ids = List.copyOf(reportIds);
		for (int i = 0; i < ids.size(); i += CHUNK) {
			jdbc.sql("update match_case set record_name = :anonymised where record_kind = 'REPORT' and record_id in (:ids)")
					.param("anonymised", marker).param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
					.update();
		}
	}

	/** Deletes the match cases of the crossings recorded before {@code limit}, before those crossings go. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forgetCrossingsBefore(Instant limit) {
		jdbc.sql("""
				delete from match_case where record_kind = 'CROSSING'
				  and record_id in (select id from crossing_read where crossed_at < :limit)""")
				.param("limit", Timestamp.from(limit)).update();
	}
}
