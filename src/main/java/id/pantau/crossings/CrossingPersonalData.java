package id.pantau.crossings;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.Map;

import id.pantau.platform.SubjectRows;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the crossings hold on a person, for the duties of UU 27/2022 that the privacy module carries out: the
 * data-subject export, the unlinking of an anonymised person and the retention of crossings and refused rows. All run
 * in the caller's transaction; the caller audits them.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CrossingPersonalData {

	private static final SubjectRows PARTS = SubjectRows.of(
			"crossing", "select * from crossing where person_id = :person order by crossed_at");

	private final JdbcClient jdbc;

	/** The crossings linked to the person, as a JSON array. */
	@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
	public Map<String, String> export(long personId) {
		return PARTS.rowsOf(jdbc, personId);
	}

	/** The person's crossings stay, linked to no one. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void unlink(long personId) {
		jdbc.sql("update crossing set person_id = null where person_id = :id").param("id", personId).update();
	}

	/**
	 * Deletes the crossings recorded before {@code limit}; the batches they came in stay.
	 *
	 * @return how many were deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int eraseBefore(Instant limit) {
		return jdbc.sql("delete from crossing where crossed_at < :limit").param("limit", Timestamp.from(limit))
				.update();
	}

	/**
	 * Deletes the refused rows (the raw lines) of the batches imported before {@code limit}; the batch row (file
	 * hash, legal basis, counts) stays.
	 *
	 * @return how many rows were deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int eraseRefusedRowsBefore(Instant limit) {
		return jdbc.sql("""
				delete from import_row_error
				where batch_id in (select id from import_batch where created_at < :limit)""")
				.param("limit", Timestamp.from(limit)).update();
	}
}
