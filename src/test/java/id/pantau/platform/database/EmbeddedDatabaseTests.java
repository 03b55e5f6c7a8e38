package id.pantau.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTests {

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesAStopAndStart() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir, false)) {
			execute(database, "create table note (text text)", "insert into note values ('masih ada')");
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir, false)) {
			assertThat(queryOne(database, "select text from note")).isEqualTo("masih ada");
			assertThat(queryOne(database, "select current_setting('server_version_num')")).startsWith("15");
		}
	}

	@Test
	void startsAfterTheProcessThatOwnedTheDataWasKilled() throws Exception {
		Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), DataOwner.class.getName(), dataDir.toString())
				.redirectErrorStream(true).start();
		try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(owner.getInputStream()))) {
			String line;
			while ((line = output.readLine()) != null && !line.equals(DataOwner.READY)) {
				// its start-up log
			}
			assertThat(line).as("the owner process started its server").isEqualTo(DataOwner.READY);
			owner.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, the server is left running
		}
		long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isTrue();

		try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir, false)) {
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			assertThat(queryOne(database, "select text from note")).isEqualTo("dari proses lama");
		}
	}

	/** Opens the data directory, writes a row, and waits to be killed. */
	public static final class DataOwner {

		static final String READY = "PANTAU-OWNER-READY";

		public static void main(String[] args) throws Exception {
			EmbeddedDatabase database = EmbeddedDatabase.open(Path.of(args[0]), false);
			execute(database, "create table note (text text)", "insert into note values ('dari proses lama')");
			System.out.println(READY);
			System.out.flush();
			Thread.currentThread().join();
		}
	}

	@Test
	void aSecondServerOnTheSameDataIsRefusedButACommandAttachesToTheFirst() throws Exception {
		try (EmbeddedDatabase first = EmbeddedDatabase.open(dataDir, false)) {
			assertThatThrownBy(() -> EmbeddedDatabase.open(dataDir, false)).isInstanceOf(EmbeddedDatabaseException.class)
					.hasMessageContaining("sedang dipakai");
			try (EmbeddedDatabase attached = EmbeddedDatabase.open(dataDir, true)) {
				assertThat(attached.jdbcUrl()).isEqualTo(first.jdbcUrl());
				assertThat(queryOne(attached, "select 'terhubung'")).isEqualTo("terhubung");
			}
			assertThat(queryOne(first, "select 'masih jalan'")).isEqualTo("masih jalan");
		}
	}

	private static void execute(EmbeddedDatabase database, String... statements) throws SQLException {
		try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
			for (String sql : statements) {
				c.createStatement().execute(sql);
			}
		}
	}

	private static String queryOne(EmbeddedDatabase database, String sql) throws SQLException {
		try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
				ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}
}
