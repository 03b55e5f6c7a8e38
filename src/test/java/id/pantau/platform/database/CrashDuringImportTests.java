package id.pantau.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.PantauApplication;
import id.pantau.demodata.CrossingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pantau is killed with SIGKILL at random moments of a large crossing import, as a power cut or an out-of-memory
 * killer would: each round starts {@code java -cp <test classpath> PantauApplication import-crossings FILE} as its
 * own process on one persistent embedded data directory, waits until the import has begun, and kills the process at a
 * random moment within the time a whole import takes (fixed seed). Every second round also kills the PostgreSQL
 * server and its backends (crash recovery at the next start); the other rounds leave the server orphaned, as SIGKILL
 * of Java alone does. After the last round Pantau starts again ({@code verify-audit}) and every batch must be whole
 * (its crossings and refused rows are as many as it says) or absent, every import the command reported done must
 * still be there, and the audit chain must hold.
 * <p>
 * {@code -Dpantau.crashes=20} (default) rounds of {@code -Dpantau.crashRows=50000} rows; about two to three minutes on
 * two cores. {@code -Dpantau.crashes=3} for a quick look.
 */
class CrashDuringImportTests {

	private static final int CRASHES = Integer.getInteger("pantau.crashes", 20);
	private static final int ROWS = Integer.getInteger("pantau.crashRows", 50_000);
	private static final Pattern DONE = Pattern.compile("Batch (\\d+): (\\d+) baris dibaca, (\\d+) ditambahkan");

	@TempDir
	Path folder;

	@Test
	void aBatchKilledAtAnyMomentIsWholeOrAbsentAfterRestartAndAcknowledgedImportsSurvive() throws Exception {
		Random random = new Random(2026);
		CrossingFile crossings = new CrossingFile(2026, ROWS / 5);
		Path data = folder.resolve("data");
		List<Long> acknowledged = new ArrayList<>();
		int killed = 0;

		Round calibration = importRound(crossings, data, 0, -1, false);
		assertThat(calibration.batchId).as("a whole import without a crash: " + calibration.output).isNotNull();
		acknowledged.add(calibration.batchId);
		long importMillis = Math.max(500, calibration.importMillis);

		for (int round = 1; round <= CRASHES; round++) {
			long killAfter = (long) (random.nextDouble() * importMillis * 1.2);
			Round result = importRound(crossings, data, round, killAfter, round % 2 == 0);
			if (result.batchId != null) {
				acknowledged.add(result.batchId);
			}
			else {
				killed++;
			}
		}
		System.out.printf("CrashDuringImportTests: %d rounds, %d killed before the command reported, import %d ms%n",
				CRASHES, killed, importMillis);

		Process verify = pantau(data, List.of("verify-audit"));
		String verifyOutput = readAll(verify);
		assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(verify.exitValue()).as("verify-audit after the last crash: " + verifyOutput).isZero();
		assertThat(verifyOutput).contains("Jejak audit utuh");

		try (EmbeddedDatabase database = EmbeddedDatabase.open(data, false);
				Connection connection = new org.postgresql.ds.PGSimpleDataSource() {
					{
						setURL(database.jdbcUrl());
						setUser(database.user());
						setPassword(database.password());
					}
				}.getConnection()) {
			Map<Long, String> batches = new TreeMap<>();
			query(connection, """
					select b.id, b.rows_read, b.rows_added, b.rows_known, b.rows_refused,
					  (select count(*) from crossing c where c.batch_id = b.id) as crossings,
					  (select count(*) from import_row_error e where e.batch_id = b.id) as refused,
					  (select count(*) from audit_event a where a.action = 'CROSSINGS_IMPORTED'
					     and a.subject_id = b.id::text) as audited,
					  (select count(*) from event_publication p where p.event_type like '%CrossingsImported'
					     and p.serialized_event ~ ('"batchId":' || b.id || '[,}]')) as published
					from import_batch b""", rs -> {
				String counts = "read " + rs.getInt("rows_read") + ", added " + rs.getInt("rows_added") + ", known "
						+ rs.getInt("rows_known") + ", refused " + rs.getInt("rows_refused");
				assertThat(rs.getLong("crossings")).as("crossings of batch %d (%s)", rs.getLong("id"), counts)
						.isEqualTo(rs.getInt("rows_added"));
				assertThat(rs.getLong("refused")).as("refused rows of batch %d", rs.getLong("id"))
						.isEqualTo(rs.getInt("rows_refused"));
				assertThat(rs.getInt("rows_added") + rs.getInt("rows_known") + rs.getInt("rows_refused"))
						.isEqualTo(rs.getInt("rows_read"));
				assertThat(rs.getInt("rows_read")).as("a batch holds the whole file").isEqualTo(ROWS);
				assertThat(rs.getLong("audited")).as("audit entry of batch %d", rs.getLong("id")).isEqualTo(1);
				assertThat(rs.getLong("published")).as("the event of batch %d, in the publication registry (handled or "
						+ "waiting to be delivered again)", rs.getLong("id")).isPositive();
				batches.put(rs.getLong("id"), counts);
			});
			assertThat(batches.keySet()).as("every import the command reported done is still there")
					.containsAll(acknowledged);
			assertThat(count(connection, "select count(*) from crossing where batch_id is null or batch_id not in "
					+ "(select id from import_batch)")).as("crossings outside a batch").isZero();
			assertThat(count(connection, "select count(*) from import_row_error where batch_id not in "
					+ "(select id from import_batch)")).isZero();
			assertThat(count(connection, "select count(*) from crossing_staging")).as("staged rows left").isZero();
			System.out.printf("CrashDuringImportTests: %d whole batches after %d rounds%n", batches.size(),
					CRASHES + 1);
		}
	}

	private record Round(Long batchId, long importMillis, String output) {
	}

	/**
	 * Imports rows of round {@code round}; kills the process {@code killAfter} ms after the import began (never when
	 * negative), and with {@code killServer} also the PostgreSQL server it left running.
	 */
	private Round importRound(CrossingFile crossings, Path data, int round, long killAfter, boolean killServer)
			throws Exception {
		Path file = folder.resolve("perlintasan-" + round + ".csv");
		crossings.write(file, (long) round * ROWS, (long) (round + 1) * ROWS);
		Process process = pantau(data, List.of("import-crossings", file.toString(), "--basis",
				"Surat Kanim Tual No. " + round, "--origin", "SIMKIM"));
		StringBuilder output = new StringBuilder();
		CompletableFuture<Void> started = new CompletableFuture<>();
		CompletableFuture<Long> reported = new CompletableFuture<>();
		long launched = System.nanoTime();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					synchronized (output) {
						output.append(line).append('\n');
					}
					if (line.startsWith("Mengimpor ")) {
						started.complete(null);
					}
					if (DONE.matcher(line).find()) {
						reported.complete(System.nanoTime());
					}
				}
			}
			catch (IOException ignored) {
				// the process was killed
			}
			started.complete(null);
			reported.complete(null);
		});
		reader.setDaemon(true);
		reader.start();
		started.get(180, TimeUnit.SECONDS);
		long begun = System.nanoTime();
		Long reportedAt;
		try {
			reportedAt = reported.get(killAfter >= 0 ? killAfter : 180_000, TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException e) {
			reportedAt = null;
		}
		// Killed in the middle of the import, or just after it committed (while the event's listeners run).
		kill(process, data, killServer);
		long importMillis = reportedAt == null ? -1 : (reportedAt - begun) / 1_000_000;
		System.out.printf("CrashDuringImportTests: round %d, started after %d ms, %s%n", round,
				(begun - launched) / 1_000_000, reportedAt == null ? "killed after " + killAfter + " ms"
						: "reported after " + importMillis + " ms" + (killAfter >= 0 ? ", kill was due at " + killAfter : ""));
		reader.join(10_000);
		Files.delete(file);
		String text;
		synchronized (output) {
			text = output.toString();
		}
		Matcher done = DONE.matcher(text);
		return new Round(done.find() ? Long.valueOf(done.group(1)) : null, importMillis, text);
	}

	private static void kill(Process process, Path data, boolean killServer) throws Exception {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
		if (!killServer) {
			return;
		}
		Path pidFile = data.resolve("postgres/postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		ProcessHandle.of(pid).ifPresent(postmaster -> {
			List<ProcessHandle> backends = postmaster.descendants().toList();
			postmaster.destroyForcibly();
			backends.forEach(ProcessHandle::destroyForcibly);
			postmaster.onExit().join();
		});
	}

	private static Process pantau(Path data, List<String> command) throws IOException {
		List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				PantauApplication.class.getName()));
		line.addAll(command);
		// Each round stops before its batch's matching ends; that matching is not re-run in the next rounds, so that
		// they all take as long: the event waits in the publication registry (checked at the end).
		line.addAll(List.of("--pantau.db.embedded.data-dir=" + data, "--pantau.demo=false",
				"--spring.modulith.events.republish-outstanding-events-on-restart=false"));
		return new ProcessBuilder(line).redirectErrorStream(true).start();
	}

	private static String readAll(Process process) throws IOException {
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

	private interface RowCheck {

		void check(ResultSet rs) throws SQLException;
	}

	private static void query(Connection connection, String sql, RowCheck check) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				check.check(rs);
			}
		}
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
