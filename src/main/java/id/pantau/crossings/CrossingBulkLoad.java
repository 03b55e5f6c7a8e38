package id.pantau.crossings;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

import id.pantau.platform.copy.CopyTables;
import id.pantau.platform.copy.CopyText;
import id.pantau.registry.names.DocumentNumbers;
import id.pantau.registry.names.NameNormalizer;

/**
 * The crossings' way in for generated data sets (benchmarks, load tests): an import batch, then its crossings
 * straight into {@code crossing} with PostgreSQL COPY, in chunks, on the caller's connection and transaction. The
 * caller gives the ids (from {@link #nextCrossingId}); this module makes the name and document keys as an import
 * makes them. Nothing is checked, audited or announced: trusted generators only.
 */
public final class CrossingBulkLoad {

	/** One crossing as generated; {@code personId} links it to a registry person. */
	public record Crossing(long id, Direction direction, Instant crossedAt, String portCode, String documentNumber,
			String nationality, String fullName, LocalDate birthDate, Integer birthYear, String sex, String permitType,
			LocalDate stayUntil, String transport, long batchId, Long personId, Instant created) {
	}

	private final CopyTables tables;
	private final CopyText crossings = new CopyText();

	private CrossingBulkLoad(CopyTables tables) {
		this.tables = tables;
	}

	/** A load into the tables of the connection of {@code tables}. */
	public static CrossingBulkLoad into(CopyTables tables) {
		return new CrossingBulkLoad(tables);
	}

	/** How many import batches someone other than {@code actors} created: what shows the tables in real use. */
	public long batchesNotCreatedBy(Collection<String> actors) throws SQLException {
		return tables.number("select count(*) from import_batch where created_by <> all (?)", actors);
	}

	/** Opens an import batch of crossings, counted by {@link #finish}; its id. */
	public long importBatch(String fileName, String legalBasis, String origin, Instant created, String actor)
			throws SQLException {
		return tables.number("""
				insert into import_batch (kind, file_name, sha256, legal_basis, origin, header, rows_read, rows_added,
				  rows_known, rows_refused, created_at, created_by)
				values ('CROSSINGS', ?, null, ?, ?, null, 0, 0, 0, 0, ?, ?) returning id""", fileName, legalBasis, origin,
				Timestamp.from(created), actor);
	}

	/** The id the next crossing gets: one after the highest stored. */
	public long nextCrossingId() throws SQLException {
		return tables.number("select coalesce(max(id), 0) + 1 from crossing");
	}

	public void crossing(Crossing c) {
		crossings.row(c.id(), c.direction().name(), c.crossedAt(), c.portCode(), c.documentNumber(),
				DocumentNumbers.searchKey(c.documentNumber()), c.nationality(), c.fullName(),
				NameNormalizer.normalize(c.fullName()).sortedKey(), c.birthDate(), c.birthYear(), c.sex(),
				c.permitType(), c.stayUntil(), c.transport(), c.batchId(), c.personId(), c.created());
	}

	/** COPYs the crossings so far and empties them. */
	public void flush() throws SQLException, IOException {
		tables.copy("crossing", "id, direction, crossed_at, port_code, document_number, document_key,"
				+ " nationality, full_name, name_key, birth_date, birth_year, sex, permit_type, stay_until,"
				+ " transport, batch_id, person_id, created_at", crossings);
	}

	/**
	 * After the last flush, counts the crossings written as the batch's rows read and added, and moves the crossing id sequence past
	 * the ids given (COPY overrides GENERATED ALWAYS).
	 */
	public void finish(long batch) throws SQLException {
		tables.execute("update import_batch set rows_read = ?, rows_added = ? where id = ?", tables.rows("crossing"),
				tables.rows("crossing"), batch);
		tables.execute("select setval(pg_get_serial_sequence('crossing', 'id'), (select coalesce(max(id), 0) + 1"
				+ " from crossing), false)");
	}
}
