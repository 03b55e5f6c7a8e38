package id.pantau.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import javax.sql.DataSource;

import id.pantau.PantauApplication;
import id.pantau.crossings.domain.CrossingImports;
import id.pantau.crossings.domain.CrossingSettings;
import id.pantau.crossings.domain.ImportResult;
import id.pantau.crossings.importing.CrossingRow;
import id.pantau.crossings.importing.CrossingRows;
import id.pantau.crossings.importing.WrittenValues;
import id.pantau.demodata.CrossingFile;
import id.pantau.platform.tables.Csv;
import id.pantau.platform.tables.DelimitedRows;
import id.pantau.reference.PortOfEntry;
import id.pantau.reference.ReferenceData;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast {@link CrossingImports#importFile} takes in a large crossing file, against PostgreSQL's own COPY of the same
 * file into a plain table, and how much heap it needs. Not a test: it prints figures and never fails on time. Run with
 * {@code bench/import} (see {@code bench/README.md}), which gives the JVM {@code -Xmx512m}; options as system
 * properties: {@code -Drows=1000000 -Dseed=2026 -Dbreakdown=true}.
 * <p>
 * It starts the application without a web server on a throw-away embedded PostgreSQL, writes a crossing file of
 * {@code rows} rows ({@link CrossingFile}) and a second one that shares half of its rows, then times: a plain COPY of
 * the file into an unindexed table of eleven text columns (logged, as the yardstick, and unlogged), the import into
 * the empty {@code crossing} table (with the heap sampled every 50 ms), the same file again, and the overlapping file.
 * The breakdown then times each stage of the import on its own: the SHA-256, reading the CSV, normalising the rows,
 * COPY into {@code crossing_staging}, and the insert into {@code crossing}, also without some of its indexes and
 * foreign keys (each in a transaction that is rolled back).
 */
public final class ImportBenchmark {

	private static final PrintStream out = System.out;
	private static final String PLAIN_COLUMNS = "arah text, waktu text, tpi text, nomor_dokumen text, "
			+ "kewarganegaraan text, nama text, tanggal_lahir text, jenis_kelamin text, jenis_izin text, "
			+ "izin_berlaku_sampai text, alat_angkut text";

	/** One import, timed, with what the heap and the collectors did meanwhile. */
	record Run(ImportResult result, double seconds, long peakHeapUsed, long peakHeapAfterGc, Map<String, long[]> gc,
			double loadBefore, double loadAfter, long walBytes, long checkpoints) {
	}

	private ImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = Integer.getInteger("rows", 1_000_000);
		long seed = Long.getLong("seed", 2026);
		boolean breakdown = Boolean.parseBoolean(System.getProperty("breakdown", "true"));

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PantauApplication.class)
				.web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.properties("pantau.db.embedded.ephemeral=true", "pantau.command=bench", "logging.level.root=WARN",
						"pantau.demo=false", "logging.level.id.pantau.crossings.domain.CrossingImports=DEBUG")
				.run(args)) {
			DataSource dataSource = context.getBean(DataSource.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			CrossingImports imports = context.getBean(CrossingImports.class);
			counters = jdbc;

			out.printf("Pantau crossing-import benchmark, %s%n", ZonedDateTime.now(ZoneOffset.UTC)
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
			out.printf("machine: %d cores, Java %s, %s, heap max %d MB, collector %s%n",
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					jdbc.sql("select 'PostgreSQL ' || current_setting('server_version')").query(String.class).single(),
					Runtime.getRuntime().maxMemory() >> 20, String.join(" + ", ManagementFactory
							.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList()));
			out.printf("server settings: %s%n", String.join(", ", jdbc.sql("""
					select name || '=' || setting || coalesce(unit, '') from pg_settings
					where name in ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'synchronous_commit', 'fsync',
					  'wal_level', 'max_wal_size', 'checkpoint_timeout', 'gin_pending_list_limit', 'lc_collate') order by name""")
					.query(String.class).list()));

			Path folder = Files.createTempDirectory("pantau-import-bench-");
			Path first = folder.resolve("perlintasan-1.csv");
			Path second = folder.resolve("perlintasan-2.csv");
			CrossingFile generator = new CrossingFile(seed, Math.max(1, rows / 5));
			long started = System.nanoTime();
			generator.write(first, 0, rows);
			generator.write(second, rows / 2, rows / 2 + rows);
			out.printf("%nfiles: %,d rows each, %.1f MB and %.1f MB, written in %.1f s; the second shares rows %,d to"
					+ " %,d of the first (%,d rows)%n", rows, Files.size(first) / 1e6, Files.size(second) / 1e6,
					seconds(started), rows / 2 + 1, rows, rows - rows / 2);

			// (a) the yardstick: PostgreSQL's COPY of the same file into plain tables of text columns
			double copyLogged = plainCopy(dataSource, first, false);
			double copyUnlogged = plainCopy(dataSource, first, true);
			out.printf("plain COPY, logged table:   %6.2f s  %,9.0f rows/s%n", copyLogged, rows / copyLogged);
			out.printf("plain COPY, unlogged table: %6.2f s  %,9.0f rows/s%n", copyUnlogged, rows / copyUnlogged);

			// (b) the import into an empty crossing table, (c) the same file again, (d) the overlapping file
			Run firstRun = timedImport(imports, first);
			print("import, empty table", firstRun, rows);
			Run again = timedImport(imports, first);
			print("same file again", again, rows);
			// -Doverlap=false skips it: after the first import, matching of that batch runs in this JVM meanwhile
			Run overlapping = Boolean.parseBoolean(System.getProperty("overlap", "true"))
					? timedImport(imports, second) : null;
			if (overlapping != null) {
				print("file sharing half", overlapping, rows);
			}

			double ratio = copyLogged / firstRun.seconds();
			out.println();
			out.println("| rows | file MB | plain COPY s | COPY rows/s | import s | import rows/s | ratio | added | known"
					+ " | refused | peak heap MB | same file again s |");
			out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
			out.printf(Locale.ROOT, "| %,d | %.0f | %.2f | %,.0f | %.2f | %,.0f | %.2f | %,d | %,d | %,d | %.0f | %.3f |%n",
					rows, Files.size(first) / 1e6, copyLogged, rows / copyLogged, firstRun.seconds(),
					rows / firstRun.seconds(), ratio, firstRun.result().added(), firstRun.result().known(),
					firstRun.result().refused(), firstRun.peakHeapUsed() / 1048576.0, again.seconds());
			if (overlapping != null) {
				out.printf(Locale.ROOT, "| %,d (half known) | %.0f | | | %.2f | %,.0f | %.2f | %,d | %,d | %,d | %.0f | |%n",
						rows, Files.size(second) / 1e6, overlapping.seconds(), rows / overlapping.seconds(),
						copyLogged / overlapping.seconds(), overlapping.result().added(), overlapping.result().known(),
						overlapping.result().refused(), overlapping.peakHeapUsed() / 1048576.0);
			}
			out.printf("ratio = plain COPY seconds / import seconds (import rows/s over COPY rows/s); goal >= 0.50:"
					+ " %s. Peak heap goal <= 512 MB: %s.%n", ratio >= 0.5 ? "met" : "NOT met",
					firstRun.peakHeapUsed() <= (512L << 20) ? "met" : "NOT met");
			BenchFigures.of("import").put("rows", rows).put("file_mb", Files.size(first) / 1e6)
					.put("copy_seconds", copyLogged).put("copy_rows_per_s", rows / copyLogged)
					.put("import_seconds", firstRun.seconds()).put("import_rows_per_s", rows / firstRun.seconds())
					.put("ratio", ratio).put("added", firstRun.result().added())
					.put("refused", firstRun.result().refused())
					.put("peak_heap_mb", firstRun.peakHeapUsed() / 1048576.0)
					.put("again_seconds", again.seconds())
					.put("half_known_seconds", overlapping == null ? -1 : overlapping.seconds())
					.put("load_average_start", firstRun.loadBefore()).write();
			out.printf("crossing table after the imports: %s (table %s, indexes %s)%n",
					size(jdbc, "pg_total_relation_size('crossing')"), size(jdbc, "pg_relation_size('crossing')"),
					size(jdbc, "pg_indexes_size('crossing')"));

			if (breakdown) {
				breakdown(context, dataSource, first, rows, firstRun);
			}
			Files.deleteIfExists(first);
			Files.deleteIfExists(second);
			Files.deleteIfExists(folder);
		}
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static String size(JdbcClient jdbc, String expression) {
		return jdbc.sql("select pg_size_pretty(" + expression + ")").query(String.class).single();
	}

	/** COPY of the file as it is, through pgjdbc, into a new table without indexes; commit included. */
	private static double plainCopy(DataSource dataSource, Path file, boolean unlogged) throws SQLException,
			IOException {
		String table = unlogged ? "bench_plain_copy_unlogged" : "bench_plain_copy";
		try (Connection connection = dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table if exists " + table);
				statement.execute("create " + (unlogged ? "unlogged " : "") + "table " + table + " (" + PLAIN_COLUMNS
						+ ")");
			}
			connection.setAutoCommit(false);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			long started = System.nanoTime();
			long copied;
			try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
				copied = copy.copyIn("copy " + table + " from stdin with (format csv, header true)", in, 1 << 16);
			}
			connection.commit();
			double seconds = seconds(started);
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table " + table);
			}
			if (copied <= 0) {
				throw new IllegalStateException("COPY copied nothing");
			}
			return seconds;
		}
	}

	private static Run timedImport(CrossingImports imports, Path file) throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
				.filter(p -> p.getType() == MemoryType.HEAP).toList();
		System.gc();
		Map<String, long[]> gcBefore = gcCounts();
		long[] peak = new long[2];
		Runnable sample = () -> {
			peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
			long afterGc = 0;
			for (MemoryPoolMXBean pool : heapPools) {
				var usage = pool.getCollectionUsage();
				afterGc += usage == null ? 0 : usage.getUsed();
			}
			peak[1] = Math.max(peak[1], afterGc);
		};
		java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors
				.newSingleThreadScheduledExecutor(r -> {
					Thread thread = new Thread(r, "heap-sampler");
					thread.setDaemon(true);
					return thread;
				});
		double loadBefore = loadAverage();
		long[] before = serverCounters();
		sampler.scheduleAtFixedRate(sample, 0, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
		long started = System.nanoTime();
		ImportResult result = imports.importFile(file, new CrossingImports.Provenance("bench",
				file.getFileName().toString(), "bench: generated data", "bench"), null, p -> {
				});
		double seconds = seconds(started);
		sampler.shutdownNow();
		sampler.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
		sample.run();
		Map<String, long[]> gc = gcCounts();
		gc.replaceAll((name, after) -> new long[] { after[0] - gcBefore.get(name)[0], after[1] - gcBefore.get(name)[1] });
		long[] after = serverCounters();
		return new Run(result, seconds, peak[0], peak[1], gc, loadBefore, loadAverage(), after[0] - before[0],
				after[1] - before[1]);
	}

	/** Collections and milliseconds spent in them, per collector. */
	private static Map<String, long[]> gcCounts() {
		Map<String, long[]> counts = new LinkedHashMap<>();
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			counts.put(collector.getName(), new long[] { collector.getCollectionCount(), collector.getCollectionTime() });
		}
		return counts;
	}

	private static void print(String label, Run run, int rows) {
		ImportResult result = run.result();
		List<String> collections = new ArrayList<>();
		run.gc().forEach((name, counts) -> collections.add(String.format("%s %d in %d ms", name, counts[0], counts[1])));
		out.printf("%-20s %6.2f s  %,9.0f rows/s  read %,d added %,d known %,d refused %,d%s; heap peak %.0f MB"
				+ " (after GC %.0f MB); GC: %s; WAL %.0f MB, checkpoints %d; load %.2f / %.2f%n", label + ":",
				run.seconds(), rows / run.seconds(),
				result.read(), result.added(), result.known(), result.refused(),
				result.alreadyImported() ? " (recognised: batch " + result.batchId() + ")" : "",
				run.peakHeapUsed() / 1048576.0, run.peakHeapAfterGc() / 1048576.0, String.join(", ", collections),
				run.walBytes() / 1e6, run.checkpoints(), run.loadBefore(), run.loadAfter());
	}

	/**
	 * Each stage of the import on its own, over the first file. The staging text and the INSERT are copies of what
	 * {@link CrossingImports} does (as of V8); the INSERT runs in a transaction that first empties {@code crossing}
	 * (TRUNCATE, undone by the rollback), so it meets the same empty table as the first import did.
	 */
	private static void breakdown(ConfigurableApplicationContext context, DataSource dataSource, Path file, int rows,
			Run firstRun) throws Exception {
		ReferenceData reference = context.getBean(ReferenceData.class);
		CrossingSettings settings = context.getBean(CrossingSettings.class);
		out.println();
		out.printf("breakdown of the import of the first file (each stage alone; load %.2f):%n", loadAverage());
		Map<String, Stage> stages = new LinkedHashMap<>();

		stages.put("SHA-256 of the file", time(() -> CrossingImports.sha256(file)));
		stages.put("read CSV cells (DelimitedRows)", time(() -> {
			long n = 0;
			try (DelimitedRows source = DelimitedRows.open(file)) {
				while (source.next() != null) {
					n++;
				}
			}
			return n;
		}));
		stages.put("read + normalise (CrossingRows.read)", time(() -> {
			long n = 0;
			try (DelimitedRows source = DelimitedRows.open(file)) {
				CrossingRows reader = reader(reference, settings, source.next());
				List<String> cells;
				int rowNumber = 1;
				while ((cells = source.next()) != null) {
					if (reader.read(++rowNumber, cells).row() != null) {
						n++;
					}
				}
			}
			return n;
		}));
		stages.put("read + normalise + staging text", time(() -> {
			long n = 0;
			try (DelimitedRows source = DelimitedRows.open(file)) {
				CrossingRows reader = reader(reference, settings, source.next());
				StringBuilder buffer = new StringBuilder(1 << 17);
				List<String> cells;
				int rowNumber = 1;
				while ((cells = source.next()) != null) {
					CrossingRows.Result result = reader.read(++rowNumber, cells);
					if (result.row() != null) {
						staged(buffer, 1, result.row());
						if (buffer.length() > (1 << 16)) {
							n += buffer.toString().getBytes(StandardCharsets.UTF_8).length;
							buffer.setLength(0);
						}
					}
				}
			}
			return n;
		}));

		long batchId = firstRun.result().batchId();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				stages.put("... + COPY into crossing_staging", time(() -> stage(connection, reference, settings, file,
						batchId)));
				connection.commit();
				String insert = """
						insert into crossing (direction, crossed_at, port_code, document_number, document_key,
						  nationality, full_name, name_key, birth_date, birth_year, sex, permit_type, stay_until,
						  transport, batch_id, created_at)
						select direction, crossed_at, port_code, document_number, document_key, nationality, full_name,
						  name_key, birth_date, birth_year, sex, permit_type, stay_until, transport, batch_id, now()
						from crossing_staging where batch_id = %d
						on conflict (document_key, nationality, direction, crossed_at, port_code) do nothing"""
						.formatted(batchId);
				String secondary = "crossing_crossed_idx, crossing_person_idx, crossing_batch_idx, crossing_change_idx";
				// Each variant in a transaction of its own, which first empties crossing (TRUNCATE gives it new, empty
				// files) and is then rolled back.
				insertVariant(connection, stages, "INSERT into empty crossing (as the import)", insert);
				stages.put("... the same rows again, all known (on conflict)", time(() -> statement.executeUpdate(
						insert)));
				connection.rollback();
				insertVariant(connection, stages, "INSERT with work_mem 256MB", insert, "set local work_mem = '256MB'");
				connection.rollback();
				insertVariant(connection, stages, "INSERT ordered by the unique key", insert.replace("where batch_id = " + batchId, "where batch_id = " + batchId
								+ " order by document_key, nationality, direction, crossed_at, port_code"));
				connection.rollback();
				insertVariant(connection, stages, "INSERT with the key's text columns in collation C", insert,
						"alter table crossing alter column document_key type text collate \"C\","
								+ " alter column nationality type text collate \"C\","
								+ " alter column direction type text collate \"C\","
								+ " alter column port_code type text collate \"C\"");
				connection.rollback();
				insertVariant(connection, stages, "INSERT without the crossed_at index", insert,
						"drop index crossing_crossed_idx");
				connection.rollback();
				insertVariant(connection, stages, "INSERT without the batch_id and change-feed indexes", insert,
						"drop index crossing_batch_idx, crossing_change_idx");
				connection.rollback();
				insertVariant(connection, stages, "INSERT with only the primary key and unique index", insert,
						"drop index " + secondary);
				connection.rollback();
				// the floor for this schema: PostgreSQL's COPY of the normalised rows into crossing as it is
				Path normalised = Files.createTempFile("pantau-normalised-", ".csv");
				try {
					try (var writer = Files.newOutputStream(normalised)) {
						connection.unwrap(PGConnection.class).getCopyAPI().copyOut("""
								copy (select direction, crossed_at, port_code, document_number, document_key,
								  nationality, full_name, name_key, birth_date, birth_year, sex, permit_type, stay_until,
								  transport, batch_id, now() from crossing_staging where batch_id = %d
								  order by row_number) to stdout with (format csv)""".formatted(batchId), writer);
					}
					statement.execute("truncate crossing");
					stages.put("COPY of the normalised rows straight into crossing", time(() -> {
						try (InputStream in = new BufferedInputStream(Files.newInputStream(normalised), 1 << 16)) {
							return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
									copy crossing (direction, crossed_at, port_code, document_number, document_key,
									  nationality, full_name, name_key, birth_date, birth_year, sex, permit_type,
									  stay_until, transport, batch_id, created_at) from stdin with (format csv)""", in,
									1 << 16);
						}
					}));
					connection.rollback();
				}
				finally {
					Files.deleteIfExists(normalised);
				}
				stages.put("delete from crossing_staging", time(() -> statement.executeUpdate(
						"delete from crossing_staging where batch_id = " + batchId)));
				connection.commit();
			}
			finally {
				connection.rollback();
			}
		}
		out.printf("  %-58s %7s %11s %8s %5s%n", "stage", "s", "rows/s", "WAL MB", "ckpt");
		stages.forEach((stage, measured) -> out.printf("  %-58s %7.2f %,11.0f %8.0f %5d%n", stage,
				measured.seconds(), rows / measured.seconds(), measured.walBytes() / 1e6, measured.checkpoints()));
		out.printf("  %-58s %7.2f %,11.0f %8.0f %5d%n", "the import, all stages in one (measured above)",
				firstRun.seconds(), rows / firstRun.seconds(), firstRun.walBytes() / 1e6, firstRun.checkpoints());
	}

	/** In the transaction begun: crossing emptied, the settings applied, the INSERT timed. */
	private static void insertVariant(Connection connection, Map<String, Stage> stages, String label, String insert,
			String... settings) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.execute("truncate crossing");
			for (String setting : settings) {
				statement.execute(setting);
			}
			stages.put(label, time(() -> statement.executeUpdate(insert)));
		}
	}

	/** A stage's time, with the WAL written and the checkpoints begun meanwhile (by any session). */
	record Stage(double seconds, long walBytes, long checkpoints) {
	}

	/** Set once the application runs: reads the server's counters on a connection of its own. */
	private static JdbcClient counters;

	private static long[] serverCounters() {
		if (counters == null) {
			return new long[2];
		}
		return counters.sql("""
				select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint as wal,
				  (select checkpoints_timed + checkpoints_req from pg_stat_bgwriter) as checkpoints""")
				.query((rs, n) -> new long[] { rs.getLong("wal"), rs.getLong("checkpoints") }).single();
	}

	private static Stage time(Callable<?> stage) throws Exception {
		long[] before = serverCounters();
		long started = System.nanoTime();
		stage.call();
		double seconds = seconds(started);
		long[] after = serverCounters();
		return new Stage(seconds, after[0] - before[0], after[1] - before[1]);
	}

	/** As {@link CrossingImports} does it: read, normalise and COPY the accepted rows into crossing_staging. */
	private static long stage(Connection connection, ReferenceData reference, CrossingSettings settings, Path file,
			long batchId) throws IOException, SQLException {
		CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
				copy crossing_staging (batch_id, row_number, direction, crossed_at, port_code, document_number,
				  document_key, nationality, full_name, name_key, birth_date, birth_year, sex, permit_type,
				  stay_until, transport) from stdin with (format csv)""");
		try (DelimitedRows source = DelimitedRows.open(file)) {
			CrossingRows reader = reader(reference, settings, source.next());
			StringBuilder buffer = new StringBuilder(1 << 17);
			List<String> cells;
			int rowNumber = 1;
			while ((cells = source.next()) != null) {
				CrossingRows.Result result = reader.read(++rowNumber, cells);
				if (result.row() != null) {
					staged(buffer, batchId, result.row());
					if (buffer.length() > (1 << 16)) {
						byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
						in.writeToCopy(bytes, 0, bytes.length);
						buffer.setLength(0);
					}
				}
			}
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			in.writeToCopy(bytes, 0, bytes.length);
			return in.endCopy();
		}
		finally {
			if (in.isActive()) {
				in.cancelCopy();
			}
		}
	}

	private static CrossingRows reader(ReferenceData reference, CrossingSettings settings, List<String> header) {
		Map<String, String> memo = new HashMap<>();
		Function<String, String> nationalities = text -> memo.computeIfAbsent(text.strip().toUpperCase(Locale.ROOT),
				key -> Optional.ofNullable(reference.resolveNationality(text).alpha3()).orElse(""))
				.transform(code -> code.isEmpty() ? null : code);
		Map<String, String> ports = new HashMap<>();
		for (PortOfEntry port : reference.portsOfEntry()) {
			ports.put(WrittenValues.key(port.code()), port.code());
			ports.put(WrittenValues.key(port.name()), port.code());
		}
		Map<String, String> permits = new HashMap<>();
		reference.permitTypes().forEach(type -> permits.put(WrittenValues.key(type.code()), type.code()));
		return new CrossingRows(CrossingRows.columnsOf(header), nationalities, ports::get, permits::get,
				settings.localZone(), LocalDate.now(ZoneOffset.UTC));
	}

	/** A copy of CrossingImports.staged: one staging row in COPY's CSV format. */
	private static void staged(StringBuilder line, long batchId, CrossingRow row) {
		line.append(batchId).append(',').append(row.rowNumber()).append(',').append(row.direction().name()).append(',')
				.append(row.crossedAt()).append(',');
		Object[] rest = { row.portCode(), row.documentNumber(), row.documentKey(), row.nationality(), row.fullName(),
				row.nameKey(), row.birthDate(), row.birthYear(), row.sex(), row.permitType(), row.stayUntil(),
				row.transport() };
		for (int i = 0; i < rest.length; i++) {
			if (i > 0) {
				line.append(',');
			}
			Csv.field(line, rest[i]);
		}
		line.append('\n');
	}
}
