package id.pantau.crossings.domain;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.crossings.CrossingsImported;
import id.pantau.crossings.Direction;
import id.pantau.crossings.importing.CrossingColumn;
import id.pantau.crossings.importing.CrossingRow;
import id.pantau.crossings.importing.CrossingRows;
import id.pantau.platform.tables.Csv;
import id.pantau.crossings.importing.RowProblem;
import id.pantau.platform.DisplayTime;
import id.pantau.reference.ReferenceData;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The way in for crossing records that both the file import and the API take, within the caller's transaction: a
 * batch with its provenance, rows normalised by {@link CrossingRows} and staged with PostgreSQL COPY, one set-based
 * insert of the staged rows whose natural key (document, nationality, direction, time, port) is new, the refused rows
 * kept with their reasons, and the batch's counts, audit entry and event.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CrossingStore {

	static final String KIND = "CROSSINGS";

	private static final String INSERT_STAGED = """
			insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
			  full_name, name_key, birth_date, birth_year, sex, permit_type, stay_until, transport, batch_id,
			  created_at, port_written, permit_written)
			select direction, crossed_at, port_code, document_number, document_key, nationality, full_name,
			  name_key, birth_date, birth_year, sex, permit_type, stay_until, transport, batch_id, :now,
			  port_written, permit_written
			from crossing_staging where batch_id = :batch
			on conflict (document_key, nationality, direction, crossed_at, port_code) do nothing""";

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final ReferenceData reference;
	private final ValueMappings values;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final CrossingSettings settings;
	private final Clock clock;

	/** The natural key of a crossing: a record with the same key is the same crossing. */
	record NaturalKey(String documentKey, String nationality, Direction direction, Instant crossedAt, String portCode) {

		/** The key as the database stores it: PostgreSQL rounds a time to the microsecond. */
		static NaturalKey of(CrossingRow row) {
			Instant at = row.crossedAt();
			Instant micros = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
			if (at.getNano() % 1000 >= 500) {
				micros = micros.plusNanos(1000);
			}
			return new NaturalKey(row.documentKey(), row.nationality(), row.direction(), micros, row.portCode());
		}
	}

	/** Counts of a batch: rows read (blank ones aside), added, already known, refused. */
	record Counts(int read, int added, int known, int refused) {
	}

	/**
	 * A reader for rows laid out in these columns, with the reference data's nationalities, and its ports and permit
	 * types together with those the origin's values are mapped to.
	 */
	CrossingRows reader(Map<CrossingColumn, Integer> columns, String origin) {
		ValueMappings.Resolvers resolvers = values.resolvers(origin);
		return new CrossingRows(columns, nationalities(), resolvers.ports(), resolvers.permits(),
				settings.localZone(), LocalDate.now(clock.withZone(DisplayTime.ZONE)));
	}

	Optional<Long> batchOf(String sha256) {
		return jdbc.sql("select id from import_batch where kind = :kind and sha256 = :sha").param("kind", KIND)
				.param("sha", sha256).query(Long.class).optional();
	}

	long openBatch(String sha256, CrossingImports.Provenance provenance, String header) {
		return jdbc.sql("""
				insert into import_batch (kind, file_name, sha256, legal_basis, origin, header, rows_read, rows_added,
				  rows_known, rows_refused, created_at, created_by)
				values (:kind, :file, :sha, :basis, :origin, :header, 0, 0, 0, 0, :now, :actor) returning id""")
				.param("header", header)
				.param("kind", KIND).param("file", provenance.fileName()).param("sha", sha256)
				.param("basis", provenance.legalBasis().strip()).param("origin", provenance.origin().strip())
				.param("now", Timestamp.from(clock.instant())).param("actor", provenance.actor())
				.query(Long.class).single();
	}

	/**
	 * Runs {@code work} with the COPY interface of the transaction's connection. COPY is in PostgreSQL's JDBC driver
	 * only, and one COPY at a time per connection.
	 */
	<T> T withCopy(CopyWork<T> work) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return work.run(connection.unwrap(PGConnection.class).getCopyAPI());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY failed", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	@FunctionalInterface
	interface CopyWork<T> {

		T run(CopyManager copy) throws IOException, SQLException;
	}

	CopyIn startStaging(CopyManager copy) throws SQLException {
		return copy.copyIn("""
				copy crossing_staging (batch_id, row_number, direction, crossed_at, port_code, document_number,
				  document_key, nationality, full_name, name_key, birth_date, birth_year, sex, permit_type,
				  stay_until, transport, port_written, permit_written) from stdin with (format csv)""");
	}

	static void flush(CopyIn in, StringBuilder buffer) throws SQLException {
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		in.writeToCopy(bytes, 0, bytes.length);
		buffer.setLength(0);
	}

	/** Adds the staged rows whose natural key is new and empties the staging table of the batch. */
	int addStaged(long batchId) {
		int added = jdbc.sql(INSERT_STAGED).param("batch", batchId).param("now", Timestamp.from(clock.instant()))
				.update();
		clearStaged(batchId);
		return added;
	}

	/** Like {@link #addStaged(long)}, telling which keys were added (for a request small enough to answer per record). */
	List<NaturalKey> addStagedTelling(long batchId) {
		List<NaturalKey> added = jdbc.sql(INSERT_STAGED
				+ "\nreturning document_key, nationality, direction, crossed_at, port_code")
				.param("batch", batchId).param("now", Timestamp.from(clock.instant()))
				.query((rs, n) -> new NaturalKey(rs.getString("document_key"), rs.getString("nationality"),
						Direction.valueOf(rs.getString("direction")), rs.getTimestamp("crossed_at").toInstant(),
						rs.getString("port_code")))
				.list();
		clearStaged(batchId);
		return added;
	}

	private void clearStaged(long batchId) {
		jdbc.sql("delete from crossing_staging where batch_id = :batch").param("batch", batchId).update();
	}

	/** Keeps the refused rows, given as lines of {@link #refusedLine}, for the batch's page and download. */
	static void storeRefused(CopyManager copy, Reader lines) throws SQLException, IOException {
		copy.copyIn("copy import_row_error (batch_id, row_number, reason_key, reason_arg, raw) from stdin with (format csv)",
				lines);
	}

	static String refusedLine(long batchId, RowProblem problem) {
		return Csv.line(List.of(batchId, problem.rowNumber(), problem.reasonKey(),
				problem.argument() == null ? "" : problem.argument(), problem.raw())) + "\n";
	}

	/** Writes the batch's counts, audits the import and tells the other modules, all in the caller's transaction. */
	void finish(long batchId, CrossingImports.Provenance provenance, Counts counts) {
		jdbc.sql("""
				update import_batch set rows_read = :read, rows_added = :added, rows_known = :known,
				  rows_refused = :refused where id = :batch""").param("read", counts.read())
				.param("added", counts.added()).param("known", counts.known()).param("refused", counts.refused())
				.param("batch", batchId).update();
		audit.recordAs(provenance.actor(), AuditEntry.of("CROSSINGS_IMPORTED").subject("IMPORT_BATCH", batchId)
				.text("file", provenance.fileName()).detail("basis", provenance.legalBasis())
				.detail("origin", provenance.origin()).detail("read", counts.read()).detail("added", counts.added())
				.detail("known", counts.known()).detail("refused", counts.refused()));
		events.publishEvent(new CrossingsImported(batchId, counts.added()));
	}

	/** The staging line of a normalised row, in the column order of {@link #startStaging}. */
	static void staged(StringBuilder line, long batchId, CrossingRow row) {
		line.append(batchId).append(',').append(row.rowNumber()).append(',').append(row.direction().name()).append(',')
				.append(row.crossedAt()).append(',');
		Csv.field(line, row.portCode());
		line.append(',');
		Csv.field(line, row.documentNumber());
		line.append(',');
		Csv.field(line, row.documentKey());
		line.append(',').append(row.nationality()).append(',');
		Csv.field(line, row.fullName());
		line.append(',');
		Csv.field(line, row.nameKey());
		line.append(',');
		Csv.field(line, row.birthDate());
		line.append(',');
		Csv.field(line, row.birthYear());
		line.append(',');
		Csv.field(line, row.sex());
		line.append(',');
		Csv.field(line, row.permitType());
		line.append(',');
		Csv.field(line, row.stayUntil());
		line.append(',');
		Csv.field(line, row.transport());
		line.append(',');
		Csv.field(line, row.portWritten());
		line.append(',');
		Csv.field(line, row.permitWritten());
		line.append('\n');
	}

	/**
	 * The reference data builds its table of nationality names with a query the first time it resolves one. During
	 * an import's COPY the connection can run no other statement (pgjdbc makes the query wait for the COPY, which waits
	 * for the rows: the import would hang for good), so one nationality is resolved here, before any COPY begins, and
	 * the rows then resolve from memory.
	 */
	private Function<String, String> nationalities() {
		reference.resolveNationality("IDN");
		Map<String, String> memo = new HashMap<>();
		return text -> memo.computeIfAbsent(text.strip().toUpperCase(Locale.ROOT),
				key -> Optional.ofNullable(reference.resolveNationality(text).alpha3()).orElse(""))
				.transform(code -> code.isEmpty() ? null : code);
	}
}
