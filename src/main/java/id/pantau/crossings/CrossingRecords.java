package id.pantau.crossings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Crossings as record linkage sees them: read by batch or by id, and linked to (or unlinked from) a registry person.
 * Callers check roles and scope; crossings have no village, so only regency-wide users may be shown them.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CrossingRecords {

	/**
	 * A crossing's identifying fields, as Immigration recorded them.
	 *
	 * @param permitType the known permit type's code, or the type as written when it is neither known nor mapped
	 * @param permitWritten the permit type exactly as written (null for records stored before it was kept)
	 */
	public record CrossingRecord(long id, Direction direction, Instant crossedAt, String portCode, String fullName,
			String sex, LocalDate birthDate, Integer birthYear, String nationality, String documentNumber,
			String permitType, LocalDate stayUntil, Long personId, String permitWritten) {

		/** The permit type as the record wrote it. */
		public String permitAsWritten() {
			return permitWritten != null ? permitWritten : permitType;
		}
	}

	private static final String COLUMNS = """
			select id, direction, crossed_at, port_code, full_name, sex, birth_date, birth_year, nationality,
			  document_number, permit_type, stay_until, person_id, permit_written from crossing""";

	private final JdbcClient jdbc;

	/** A page of the batch's crossings, in id order after {@code afterId}: a large batch is read a page at a time. */
	@Transactional(readOnly = true)
	public List<CrossingRecord> ofBatch(long batchId, long afterId, int limit) {
		return jdbc.sql(COLUMNS + " where batch_id = :batch and id > :after order by id limit :limit")
				.param("batch", batchId).param("after", afterId).param("limit", limit)
				.query(CrossingRecords::record).list();
	}

	/** How many crossings the batch holds. */
	@Transactional(readOnly = true)
	public int countOfBatch(long batchId) {
		return jdbc.sql("select count(*) from crossing where batch_id = :batch").param("batch", batchId)
				.query(Integer.class).single();
	}

	/** A page of all stored crossings in id order after {@code afterId}, whatever their batch. */
	@Transactional(readOnly = true)
	public List<CrossingRecord> after(long afterId, int limit) {
		return jdbc.sql(COLUMNS + " where id > :after order by id limit :limit").param("after", afterId)
				.param("limit", limit).query(CrossingRecords::record).list();
	}

	/** The highest crossing id stored, 0 when there is none: changes when crossings are added. */
	@Transactional(readOnly = true)
	public long lastId() {
		return jdbc.sql("select coalesce(max(id), 0) from crossing").query(Long.class).single();
	}

	@Transactional(readOnly = true)
	public Optional<CrossingRecord> find(long id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(CrossingRecords::record).optional();
	}

	/** Every batch of crossings, oldest first: what matching catches up on when it starts. */
	@Transactional(readOnly = true)
	public List<Long> batchIds() {
		return jdbc.sql("select id from import_batch where kind = 'CROSSINGS' order by id").query(Long.class).list();
	}

	/** Links the crossing to a person, or unlinks it with {@code null}; the changes feed carries the change. */
	@Transactional
	public void link(long crossingId, Long personId) {
		jdbc.sql("update crossing set person_id = :person where id = :id and person_id is distinct from :person")
				.param("person", personId).param("id", crossingId).update();
	}

	/** The person's crossings, newest first. */
	@Transactional(readOnly = true)
	public List<CrossingRecord> ofPerson(long personId) {
		return jdbc.sql(COLUMNS + " where person_id = :person order by crossed_at desc").param("person", personId)
				.query(CrossingRecords::record).list();
	}

	private static CrossingRecord record(ResultSet rs, int row) throws SQLException {
		return new CrossingRecord(rs.getLong("id"), Direction.valueOf(rs.getString("direction")),
				rs.getTimestamp("crossed_at").toInstant(), rs.getString("port_code"), rs.getString("full_name"),
				rs.getString("sex"), rs.getObject("birth_date", LocalDate.class),
				(Integer) rs.getObject("birth_year"), rs.getString("nationality"), rs.getString("document_number"),
				rs.getString("permit_type"), rs.getObject("stay_until", LocalDate.class),
				(Long) rs.getObject("person_id"), rs.getString("permit_written"));
	}
}
