package id.pantau.crossings.domain;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import id.pantau.crossings.importing.CrossingColumn;
import id.pantau.crossings.importing.CrossingRows;
import id.pantau.crossings.importing.RowProblem;
import id.pantau.platform.tables.Csv;
import id.pantau.platform.tables.RowSource;
import id.pantau.platform.tables.UnreadableFile;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a file of crossing records as one batch, all or nothing. The file is read as a stream: each row is
 * normalised (or refused, with the reason) and written with PostgreSQL COPY into a staging table; one set-based insert
 * then adds the records whose natural key (document, nationality, direction, time, port) is new. A file imported
 * before, recognised by its SHA-256, adds nothing. Refused rows are all counted; the first
 * {@link CrossingSettings#maxStoredRefusedRows()} are kept with their reason.
 */
@Service
public class CrossingImports {

	private final CrossingStore store;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final CrossingSettings settings;
	private final Clock clock;

	CrossingImports(CrossingStore store, JdbcClient jdbc, PlatformTransactionManager transactions,
			CrossingSettings settings, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = settings;
		this.clock = clock;
	}

	/** The basis on which the data was released and where it came from, recorded with the batch. */
	public record Provenance(String actor, String fileName, String legalBasis, String origin) {
	}

	public static String sha256(Path file) {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file),
				MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * @param mapping where each column is, when the user mapped an unfamiliar layout; null to read the header (or the
	 * layout saved for this origin)
	 */
	public ImportResult importFile(Path file, Provenance provenance, Map<CrossingColumn, Integer> mapping,
			DoubleConsumer progress) {
		if (provenance.legalBasis() == null || provenance.legalBasis().isBlank()) {
			throw new UnreadableFile("import.basisRequired", null);
		}
		try {
			if (Files.size(file) > settings.maxFileSize().toBytes()) {
				throw new UnreadableFile("import.tooLarge", settings.maxFileSize().toMegabytes() + " MB");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		String sha256 = sha256(file);
		Optional<Long> earlier = store.batchOf(sha256);
		if (earlier.isPresent()) {
			return earlierResult(earlier.get());
		}
		try (RowSource rows = RowSource.open(file, provenance.fileName())) {
			List<String> header = rows.next();
			if (header == null) {
				throw new UnreadableFile("import.empty", null);
			}
			Map<CrossingColumn, Integer> columns = mapping != null ? mapping
					: savedMapping(provenance.origin(), header).orElse(CrossingRows.columnsOf(header));
			List<String> missing = Arrays.stream(CrossingColumn.values())
					.filter(c -> c.required() && !columns.containsKey(c)).map(c -> c.headers().get(0)).toList();
			if (!missing.isEmpty()) {
				return new ImportResult(null, false, 0, 0, 0, 0, header, missing);
			}
			if (mapping != null) {
				saveMapping(provenance.origin(), header, mapping);
			}
			CrossingRows reader = store.reader(columns, provenance.origin());
			return transaction.execute(status -> load(rows, reader, sha256, provenance, Csv.line(header), progress));
		}
		catch (org.springframework.dao.DuplicateKeyException concurrent) {
			return store.batchOf(sha256).map(this::earlierResult).orElseThrow(() -> concurrent);
		}
		catch (IOException e) {
			throw new UnreadableFile("import.unreadable", e.getClass().getSimpleName());
		}
	}

	private ImportResult load(RowSource rows, CrossingRows reader, String sha256, Provenance provenance,
			String header, DoubleConsumer progress) {
		long batchId = store.openBatch(sha256, provenance, header);
		UnknownValues unknown = new UnknownValues();
		Path errors = null;
		try {
			errors = Files.createTempFile("pantau-refused-", ".csv");
			Path refusedFile = errors;
			CrossingStore.Counts counts = store.withCopy(copy -> {
				int read = 0;
				int refused = 0;
				try (BufferedWriter refusedRows = Files.newBufferedWriter(refusedFile, StandardCharsets.UTF_8)) {
					CopyIn in = store.startStaging(copy);
					try {
						StringBuilder buffer = new StringBuilder(1 << 17);
						List<String> cells;
						int rowNumber = 1;
						while ((cells = rows.next()) != null) {
							rowNumber++;
							if (cells.stream().allMatch(String::isBlank)) {
								continue;
							}
							read++;
							CrossingRows.Result result = reader.read(rowNumber, cells);
							if (result.problem() != null) {
								// all are counted, the first ones kept: a million bad rows must not fill the database
								if (++refused <= settings.maxStoredRefusedRows()) {
									refusedRows.write(CrossingStore.refusedLine(batchId, result.problem()));
								}
								continue;
							}
							CrossingStore.staged(buffer, batchId, result.row());
							unknown.note(result.row());
							if (buffer.length() > (1 << 16)) {
								CrossingStore.flush(in, buffer);
							}
							if ((read & 0x3FFF) == 0) {
								progress.accept(rows.progress());
							}
						}
						CrossingStore.flush(in, buffer);
						in.endCopy();
					}
					finally {
						if (in.isActive()) {
							in.cancelCopy();
						}
					}
				}
				int added = store.addStaged(batchId);
				try (var refusedCsv = Files.newBufferedReader(refusedFile, StandardCharsets.UTF_8)) {
					CrossingStore.storeRefused(copy, refusedCsv);
				}
				return new CrossingStore.Counts(read, added, read - refused - added, refused);
			});
			store.finish(batchId, provenance, counts);
			progress.accept(1.0);
			return new ImportResult(batchId, false, counts.read(), counts.added(), counts.known(), counts.refused(),
					List.of(), List.of(), unknown.list());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			if (errors != null) {
				try {
					Files.deleteIfExists(errors);
				}
				catch (IOException ignored) {
					// a temporary file; the operating system clears it
				}
			}
		}
	}


	private ImportResult earlierResult(long batchId) {
		return jdbc.sql("select rows_read, rows_added, rows_known, rows_refused from import_batch where id = :id")
				.param("id", batchId).query((rs, n) -> new ImportResult(batchId, true, rs.getInt("rows_read"),
						rs.getInt("rows_added"), rs.getInt("rows_known"), rs.getInt("rows_refused"), List.of(),
						List.of()))
				.single();
	}

	/** A layout saved for an origin applies only to a file with exactly the same header. */
	private Optional<Map<CrossingColumn, Integer>> savedMapping(String origin, List<String> header) {
		return jdbc.sql("select mapping from import_mapping where origin = :origin").param("origin", origin.strip())
				.query(String.class).optional().flatMap(text -> MappingText.parse(text, header));
	}

	private void saveMapping(String origin, List<String> header, Map<CrossingColumn, Integer> mapping) {
		jdbc.sql("""
				insert into import_mapping (origin, mapping, updated_at) values (:origin, :mapping, :now)
				on conflict (origin) do update set mapping = excluded.mapping, updated_at = excluded.updated_at""")
				.param("origin", origin.strip()).param("mapping", MappingText.write(header, mapping))
				.param("now", java.sql.Timestamp.from(clock.instant())).update();
	}

	/** A saved layout: the header it was made for, then each column's position. */
	static final class MappingText {

		private MappingText() {
		}

		static String write(List<String> header, Map<CrossingColumn, Integer> mapping) {
			StringBuilder text = new StringBuilder(Csv.line(header)).append('\n');
			mapping.forEach((column, index) -> text.append(column.name()).append('=').append(index).append('\n'));
			return text.toString();
		}

		static Optional<Map<CrossingColumn, Integer>> parse(String text, List<String> header) {
			String[] lines = text.split("\n");
			if (lines.length == 0 || !lines[0].equals(Csv.line(header))) {
				return Optional.empty();
			}
			Map<CrossingColumn, Integer> mapping = new EnumMap<>(CrossingColumn.class);
			for (int i = 1; i < lines.length; i++) {
				String[] pair = lines[i].split("=");
				if (pair.length == 2) {
					mapping.put(CrossingColumn.valueOf(pair[0]), Integer.parseInt(pair[1]));
				}
			}
			return Optional.of(mapping);
		}
	}

	/** How many refused rows of a batch are kept; beyond, they are only counted. */
	public int maxStoredRefusedRows() {
		return settings.maxStoredRefusedRows();
	}

	/** For a unit of work that needs the batch's refused rows. */
	public List<RowProblem> refusedRows(long batchId, int limit) {
		List<RowProblem> rows = new ArrayList<>();
		jdbc.sql("select row_number, reason_key, reason_arg, raw from import_row_error where batch_id = :batch "
				+ "order by row_number limit :limit").param("batch", batchId).param("limit", limit)
				.query(rs -> {
					rows.add(new RowProblem(rs.getInt("row_number"), rs.getString("reason_key"),
							rs.getString("reason_arg"), rs.getString("raw")));
				});
		return rows;
	}
}
