package id.pantau.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 1: no local account gets into the embedded PostgreSQL without a password, by TCP or by the socket;
 * the application works as a role that is no superuser and cannot run programs; the passwords and the socket are
 * private; a data directory of an earlier version (trust, everything owned by the superuser) is upgraded in place.
 */
class EmbeddedDatabaseSecurityTests {

	@TempDir
	Path dataDir;

	@Test
	void noConnectionWithoutThePasswordByTcpOrBySocketAsSuperuserOrAsTheApplication() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir, false)) {
			for (String user : List.of(EmbeddedDatabase.SUPERUSER, EmbeddedDatabase.USER)) {
				for (String password : new String[] { null, "", "salah" }) {
					assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), user, password).close())
							.as("TCP as %s with password %s", user, password).isInstanceOf(SQLException.class)
							.satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("08004", "28P01"));
				}
			}
			assertThat(query(database, "select current_user")).isEqualTo(EmbeddedDatabase.USER);

			List<String> hba = Files.readAllLines(dataDir.resolve("postgres/pg_hba.conf")).stream()
					.filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
			assertThat(hba).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("scram-sha-256"));

			Path socketDir = dataDir.resolve("socket").toAbsolutePath();
			assertThat(superuserQuery(database, "show unix_socket_directories")).isEqualTo(socketDir.toString());
			assertThat(socketDir.resolve(".s.PGSQL." + port(database))).exists();
			Optional<Path> psql = PostgresTools.find("psql", null);
			assumeThat(psql).as("psql (postgresql-client-15) for the checks through the socket").isPresent();
			for (String user : List.of(EmbeddedDatabase.SUPERUSER, EmbeddedDatabase.USER)) {
				for (String host : List.of(socketDir.toString(), "127.0.0.1", "::1")) {
					Psql result = psql(psql.get(), host, port(database), user);
					assertThat(result.exit).as("psql -h %s -U %s without a password: %s", host, user, result.output)
							.isNotZero();
					assertThat(result.output).containsAnyOf("password", "could not connect");
				}
			}
			Psql socketWorks = psql(psql.get(), socketDir.toString(), port(database), EmbeddedDatabase.USER,
					database.password());
			assertThat(socketWorks.exit).as("the socket itself works with the password: " + socketWorks.output).isZero();
		}
	}

	@Test
	void theApplicationsRoleOwnsItsDatabaseButIsNoSuperuserAndCannotRunProgramsOrReadServerFiles() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir, false)) {
			assertThat(query(database, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
			assertThat(query(database, "select datdba::regrole::text from pg_database where datname = current_database()"))
					.isEqualTo(EmbeddedDatabase.USER);
			assertThat(query(database, "select count(*)::text from pg_auth_members where member = current_user::regrole"))
					.isEqualTo("0");
			execute(database, "create table note (text text)", "create extension if not exists pg_trgm");

			assertThatThrownBy(() -> execute(database, "copy (select 1) to program 'true'"))
					.isInstanceOf(SQLException.class).hasMessageContaining("pg_execute_server_program");
			assertThatThrownBy(() -> execute(database, "copy note from program 'id'"))
					.isInstanceOf(SQLException.class).hasMessageContaining("pg_execute_server_program");
			assertThatThrownBy(() -> query(database, "select pg_read_file('pg_hba.conf')"))
					.isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
			assertThatThrownBy(() -> execute(database, "copy note to '/tmp/pantau-copy-test'"))
					.isInstanceOf(SQLException.class).hasMessageContaining("pg_write_server_files");
			assertThatThrownBy(() -> execute(database, "alter role " + EmbeddedDatabase.USER + " superuser"))
					.isInstanceOf(SQLException.class).hasMessageContaining("must be superuser");
			assertThatThrownBy(() -> execute(database, "grant pg_execute_server_program to " + EmbeddedDatabase.USER))
					.isInstanceOf(SQLException.class).hasMessageContaining("must have admin option");
		}
	}

	@Test
	void thePasswordFilesAreOwnerOnlyAndTheSocketFolderAndDataDirectoryArePrivate() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir, false)) {
			for (String file : List.of(DatabaseCredentials.SUPERUSER_FILE, DatabaseCredentials.APPLICATION_FILE)) {
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file))))
						.as(file).isEqualTo("rw-------");
			}
			assertThat(Files.readString(dataDir.resolve(DatabaseCredentials.APPLICATION_FILE)).strip())
					.isEqualTo(database.password()).hasSizeGreaterThanOrEqualTo(32);
			assertThat(Files.readString(dataDir.resolve(DatabaseCredentials.SUPERUSER_FILE)).strip())
					.isNotEqualTo(database.password());
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("socket"))))
					.isEqualTo("rwx------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
			assertThat(superuserQuery(database, "show unix_socket_permissions")).isEqualTo("0700");
			// the programs it runs come from a folder no other account can write to, not zonky's /tmp/embedded-pg
			Path binaries = EmbeddedDatabase.binariesFolder(dataDir);
			assertThat(binaries.toString()).doesNotStartWith(System.getProperty("java.io.tmpdir"));
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries.getParent())))
					.isEqualTo("rwx------");
			assertThat(superuserQuery(database, "select setting from pg_settings where name = 'data_directory'"))
					.isNotBlank();
			try (var folders = Files.list(binaries)) {
				assertThat(folders.filter(f -> Files.isExecutable(f.resolve("bin/postgres")))).isNotEmpty();
			}
		}
		// the passwords stay across restarts
		String before = Files.readString(dataDir.resolve(DatabaseCredentials.APPLICATION_FILE));
		try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir, false)) {
			assertThat(database.password()).isEqualTo(before.strip());
			assertThat(query(database, "select 'lagi'")).isEqualTo("lagi");
		}
	}

	@Test
	void aDataDirectoryOfAnEarlierVersionIsUpgradedInPlaceWithEveryRowKept() throws Exception {
		Path pgData = dataDir.resolve("postgres");
		// the way versions before issue 16 made it: zonky's defaults (trust), everything owned by postgres
		try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
				.setRegisterShutdownHook(false).start()) {
			try (Connection c = old.getPostgresDatabase().getConnection()) {
				c.createStatement().execute("create database pantau encoding 'UTF8' template template0");
			}
			String url = "jdbc:postgresql://localhost:" + old.getPort() + "/pantau";
			Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration").load().migrate();
			try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement()) {
				s.execute("create table note (id serial primary key, text text)");
				s.execute("insert into note (text) select 'baris ' || i from generate_series(1, 500) i");
				s.execute("create view note_view as select * from note");
			}
		}
		assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).contains("trust");

		try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir, false)) {
			assertThat(query(database, "select count(*)::text from note")).isEqualTo("500");
			assertThat(query(database, "select text from note_view where id = 500")).isEqualTo("baris 500");
			assertThat(query(database, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
			assertThat(query(database, """
					select coalesce(string_agg(c.relname, ', '), '') from pg_class c join pg_namespace n on n.oid = c.relnamespace
					where n.nspname = 'public' and c.relowner <> current_user::regrole
					  and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')"""))
					.as("relations of the public schema not yet the application's").isEmpty();
			assertThat(query(database, """
					select coalesce(string_agg(p.proname, ', '), '') from pg_proc p join pg_namespace n on n.oid = p.pronamespace
					where n.nspname = 'public' and p.proowner <> current_user::regrole
					  and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')"""))
					.as("functions of the public schema not yet the application's").isEmpty();
			// the application's role can do what the next migrations will do, and Flyway finds the history intact
			execute(database, "alter table note add column added text", "insert into note (text) values ('baru')",
					"alter table flyway_schema_history add column probe int", "alter table flyway_schema_history drop column probe");
			Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
					.locations("classpath:db/migration").load().migrate();
			assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).doesNotContain("trust");
			assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", null).close())
					.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> execute(database, "copy (select 1) to program 'true'"))
					.isInstanceOf(SQLException.class);
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir, false)) {
			assertThat(query(database, "select count(*)::text from note")).isEqualTo("501");
		}
	}

	@Test
	void aTrustLineAddedByHandIsGoneAfterTheNextStart() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir, false)) {
			execute(database, "create table note (text text)");
		}
		Path hba = dataDir.resolve("postgres/pg_hba.conf");
		Files.writeString(hba, "host all all 127.0.0.1/32 trust\n" + Files.readString(hba));
		try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir, false)) {
			assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", null).close())
					.isInstanceOf(SQLException.class);
			assertThat(query(database, "select count(*)::text from note")).isEqualTo("0");
		}
	}

	private static int port(EmbeddedDatabase database) {
		String url = database.jdbcUrl();
		return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.lastIndexOf('/')));
	}

	private static void execute(EmbeddedDatabase database, String... statements) throws SQLException {
		try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
			for (String sql : statements) {
				c.createStatement().execute(sql);
			}
		}
	}

	private static String query(EmbeddedDatabase database, String sql) throws SQLException {
		try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
				ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private String superuserQuery(EmbeddedDatabase database, String sql) throws Exception {
		String password = Files.readString(DatabaseCredentials.superuserFile(dataDir)).strip();
		try (Connection c = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.SUPERUSER, password);
				ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private record Psql(int exit, String output) {
	}

	private static Psql psql(Path psql, String host, int port, String user, String... password) throws Exception {
		List<String> command = new ArrayList<>(List.of(psql.toString(), "-w", "-h", host, "-p", String.valueOf(port),
				"-U", user, "-d", EmbeddedDatabase.DATABASE, "-c", "select 1"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().keySet().removeIf(key -> key.startsWith("PG"));
		builder.environment().put("PGPASSFILE", "/dev/null");
		builder.environment().put("PGCONNECT_TIMEOUT", "10");
		if (password.length > 0) {
			builder.environment().put("PGPASSWORD", password[0]);
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new Psql(process.exitValue(), output);
	}
}
