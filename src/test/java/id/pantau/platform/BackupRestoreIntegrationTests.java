package id.pantau.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.zaxxer.hikari.HikariDataSource;
import id.pantau.PantauApplication;
import id.pantau.PantauIntegrationTest;
import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.database.BackupCommand;
import id.pantau.platform.database.RestoreCommand;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code backup} writes a pg_dump archive of the running application's database; {@code restore} reads it into a
 * fresh embedded data directory; every row of every table is there again and the audit chain holds. Needs pg_dump and
 * pg_restore 15+ (Debian: postgresql-client-15, which CI installs).
 */
@PantauIntegrationTest
class BackupRestoreIntegrationTests {

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	AuditTrail audit;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@TempDir
	Path folder;

	@Test
	void aBackupRestoredIntoAFreshDatabaseHasEveryRowOfEveryTableAndAnIntactAuditChain() throws Exception {
		transaction.executeWithoutResult(s -> audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED")
				.detail("note", "sebelum cadangan")));
		Path archive = folder.resolve("cadangan/pantau.dump");
		// in this process only: the command hands the password to pg_dump in its environment, not on a command line
		List<String> source = List.of("--pantau.db.url=" + dataSource.getJdbcUrl(),
				"--pantau.db.user=" + dataSource.getUsername(), "--pantau.db.password=" + dataSource.getPassword());

		// background work of earlier tests (a detection run gathered after a registration) may write while the dump
		// runs: take the backup again until the database was the same before and after it
		Map<String, Map<String, String>> taken = new HashMap<>();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() -> {
			Map<String, String> start = contents();
			Files.deleteIfExists(archive);
			Output backup = run(new BackupCommand(), concat(source, List.of("--out", archive.toString())));
			assertThat(backup.exit).as(backup.text).isZero();
			Map<String, String> end = contents();
			taken.put("before", end);
			return start.equals(end);
		});
		assertThat(archive).exists();
		assertThat(Files.readAllBytes(archive)).startsWith("PGDMP".getBytes(StandardCharsets.US_ASCII));
		assertThat(archive.resolveSibling("pantau.dump.partial")).doesNotExist();
		// issue 16, item 12: the archive holds every person, so only Pantau's own account may read it
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive.getParent())))
				.as("the folder the backup made").isEqualTo("rwx------");
		Map<String, String> before = taken.get("before");

		Path restoredDir = folder.resolve("pulih");
		Output restore = run(new RestoreCommand(), List.of(archive.toString(), "--data-dir", restoredDir.toString()));
		assertThat(restore.exit).as(restore.text).isZero();
		Output again = run(new RestoreCommand(), List.of(archive.toString(), "--data-dir", restoredDir.toString()));
		assertThat(again.exit).as("a second restore into a database with tables is refused").isEqualTo(1);
		assertThat(again.text).contains("tidak kosong");

		// the restore made the data directory as Pantau does: passwords in files of their own, the role pantau
		String superuser = Files.readString(restoredDir.resolve("postgres-superuser.password")).strip();
		String application = Files.readString(restoredDir.resolve("postgres-pantau.password")).strip();
		try (EmbeddedPostgres restored = EmbeddedPostgres.builder().setDataDirectory(restoredDir.resolve("postgres"))
				.setCleanDataDirectory(false).setRegisterShutdownHook(false).setConnectConfig("password", superuser)
				.start()) {
			try (Connection connection = restored.getDatabase("pantau", "pantau", Map.of("password", application))
					.getConnection()) {
				Map<String, String> after = contents(connection);
				assertThat(after.keySet()).containsAll(List.of("audit_event", "person", "crossing", "village_report",
						"event_publication", "flyway_schema_history"));
				assertThat(after).isEqualTo(before);
			}
			String url = "jdbc:postgresql://localhost:" + restored.getPort() + "/pantau";
			int verified = Commands.runCommand(PantauApplication.class, "verify-audit",
					new String[] { "--pantau.db.url=" + url, "--pantau.db.user=pantau", "--pantau.db.password=" + application,
							"--pantau.demo=false",
							// the copy's own checkpoints, not those of ./data in the working folder
							"--pantau.audit.anchor-dir=" + folder.resolve("jangkar") });
			assertThat(verified).as("verify-audit on the restored database").isZero();
		}
	}

	@Test
	void withoutPgDumpTheBackupSaysWhatToInstallInIndonesianAndEnglishAndWritesNothing() throws Exception {
		Path empty = Files.createDirectories(folder.resolve("kosong"));
		Path archive = folder.resolve("tidak-ada.dump");
		Output backup = run(new BackupCommand(), List.of("--pg-bin", empty.toString(), "--out", archive.toString(),
				"--pantau.db.url=" + dataSource.getJdbcUrl()));
		assertThat(backup.exit).isEqualTo(3);
		assertThat(backup.text).contains("postgresql-client-15").contains("tidak ditemukan").contains("was not found")
				.contains("PANTAU_PG_BIN").doesNotContain("Exception");
		assertThat(archive).doesNotExist();
	}

	/** Row count and an order-independent digest of the rows of every table of the public schema. */
	private static Map<String, String> contents(Connection connection) throws SQLException {
		Map<String, String> digests = new TreeMap<>();
		List<String> tables = new java.util.ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		for (String table : tables) {
			try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
					"select count(*), coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') from "
							+ table + " t")) {
				rs.next();
				digests.put(table, rs.getLong(1) + " rows " + rs.getString(2));
			}
		}
		return digests;
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new java.util.ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private record Output(int exit, String text) {
	}

	private static Output run(StandaloneCommand command, List<String> args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		int exit = command.run(args, stream, stream);
		return new Output(exit, bytes.toString(StandardCharsets.UTF_8));
	}

	private Map<String, String> contents() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return contents(connection);
		}
	}
}
