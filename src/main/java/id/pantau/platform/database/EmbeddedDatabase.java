package id.pantau.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import id.pantau.platform.PrivateFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.postgresql.util.PasswordUtil;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL 15 run by Pantau itself, with its files under {@code DATA_DIR/postgres}.
 * <p>
 * No local account gets in without a password: every line of {@code pg_hba.conf} asks for scram-sha-256, the Unix
 * socket lies in the private folder {@code DATA_DIR/socket} (0700), and the passwords are random, made at the first
 * start and kept 0600 in the data directory ({@link DatabaseCredentials}). The application works as the role
 * {@value #USER}, which owns the database {@value #DATABASE} and is no superuser: it cannot run {@code COPY ... TO
 * PROGRAM} or read the server's files. The superuser {@code postgres} is used only here, to create that role and
 * database. A data directory of an earlier version (trust for everyone, everything owned by {@code postgres}) is
 * upgraded in place at its next start ({@link #secure}, {@link #ensureRoleAndDatabase}).
 * <p>
 * A process that owns the data directory holds a lock on {@code DATA_DIR/pantau.lock} for its lifetime (the operating
 * system releases it even after SIGKILL). A server left running by an owner that died is stopped before a new one
 * starts. A second process (a command such as {@code verify-audit} while the web application runs) attaches to the
 * owner's server instead of starting its own.
 */
final class EmbeddedDatabase implements AutoCloseable {

	static final String DATABASE = "pantau";
	/** The role the application works as: owner of {@value #DATABASE}, no superuser. */
	static final String USER = "pantau";
	static final String SUPERUSER = "postgres";

	/** First line of the pg_hba.conf Pantau writes; a file without it is an earlier version's (trust). */
	private static final String HBA_MARK = "# Pantau: every connection gives a password (scram-sha-256).";
	private static final String SETTINGS_FILE = "pantau.conf";
	/** PostgreSQL's limit for a socket's path (sizeof sun_path, less the terminating NUL). */
	private static final int SOCKET_PATH_LIMIT = 107;

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final Path dataDir;
	private final boolean ephemeral;
	private final EmbeddedPostgres postgres;
	private final FileChannel lockChannel;
	private final FileLock lock;
	private final int port;
	private final String password;

	private EmbeddedDatabase(Path dataDir, boolean ephemeral, EmbeddedPostgres postgres, FileChannel lockChannel,
			FileLock lock, int port, String password) {
		this.dataDir = dataDir;
		this.ephemeral = ephemeral;
		this.postgres = postgres;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.port = port;
		this.password = password;
	}

	/** Starts a persistent server on {@code dataDir}, or attaches to the one its live owner runs. */
	static EmbeddedDatabase open(Path dataDir, boolean mayAttach) {
		try {
			PrivateFiles.folder(dataDir);
			FileChannel channel = FileChannel.open(dataDir.resolve("pantau.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			Path pgData = dataDir.resolve("postgres");
			if (lock == null) {
				channel.close();
				if (!mayAttach) {
					throw new EmbeddedDatabaseException("Direktori data " + dataDir.toAbsolutePath()
							+ " sedang dipakai oleh proses Pantau lain. Hentikan proses itu dulu, atau pakai direktori lain"
							+ " (pantau.db.embedded.data-dir).");
				}
				int port = runningPort(pgData).orElseThrow(() -> new EmbeddedDatabaseException(
						"Proses Pantau lain memakai " + dataDir.toAbsolutePath() + " tetapi servernya belum siap."));
				String password = DatabaseCredentials.applicationPassword(dataDir)
						.orElseThrow(() -> new EmbeddedDatabaseException("Proses Pantau lain memakai "
								+ dataDir.toAbsolutePath() + " tetapi berkas sandinya (" + DatabaseCredentials.APPLICATION_FILE
								+ ") belum ada: hentikan proses itu dan jalankan versi ini."));
				log.info("Memakai PostgreSQL tertanam yang sudah berjalan di port {}", port);
				return new EmbeddedDatabase(dataDir, false, null, null, null, port, password);
			}
			stopOrphanedServer(pgData);
			boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
			DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(dataDir);
			// zonky turns synchronous_commit off (fine for throw-away test databases); data kept across restarts must
			// survive a crash of PostgreSQL itself once a commit was acknowledged.
			EmbeddedPostgres postgres = builder(dataDir, credentials, fresh).setDataDirectory(pgData)
					.setCleanDataDirectory(false).setServerConfig("synchronous_commit", "on").start();
			return started(dataDir, false, postgres, channel, lock, credentials);
		}
		catch (IOException e) {
			throw new EmbeddedDatabaseException("PostgreSQL tertanam tidak dapat dijalankan di " + dataDir.toAbsolutePath()
					+ ": " + e.getMessage(), e);
		}
		catch (java.io.UncheckedIOException e) { // from securing the data directory, inside zonky's start
			throw new EmbeddedDatabaseException("PostgreSQL tertanam tidak dapat dijalankan di " + dataDir.toAbsolutePath()
					+ ": " + e.getCause().getMessage(), e);
		}
	}

	/** The lock, or null when another process (or this one, through another channel) holds it. */
	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException e) {
			return null;
		}
	}

	/** Starts a throw-away server whose files are deleted on close. */
	static EmbeddedDatabase ephemeral() {
		try {
			Path dir = Files.createTempDirectory("pantau-pg-"); // 0700, as every temporary directory Java creates
			DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(dir);
			EmbeddedPostgres postgres = builder(dir, credentials, true).setDataDirectory(dir.resolve("postgres"))
					.setCleanDataDirectory(true).start();
			return started(dir, true, postgres, null, null, credentials);
		}
		catch (IOException e) {
			throw new EmbeddedDatabaseException("PostgreSQL tertanam sementara tidak dapat dijalankan: " + e.getMessage(), e);
		}
	}

	/**
	 * @param fresh whether zonky's initdb is about to create the cluster: it then gives the superuser its password
	 * and scram-sha-256 from the start (zonky passes {@code -A trust}; a later {@code --auth} wins)
	 */
	private static EmbeddedPostgres.Builder builder(Path dataDir, DatabaseCredentials credentials, boolean fresh) {
		return EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false) // Spring stops it, after everything that still writes
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("timezone", "UTC")
				.setServerConfig("max_connections", "100")
				.setLocaleConfig("auth", "scram-sha-256")
				.setLocaleConfig("pwfile", DatabaseCredentials.superuserFile(dataDir).toAbsolutePath().toString())
				.setConnectConfig("password", credentials.superuserPassword())
				.setOverrideWorkingDirectory(binariesFolder(dataDir).toFile())
				.setDataDirectoryCustomizer(pgData -> {
					try {
						secure(dataDir, pgData.toPath(), credentials, fresh);
					}
					catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				});
	}

	/**
	 * Where zonky extracts the PostgreSQL programs it runs. Its default, {@code /tmp/embedded-pg}, is made writable by
	 * everyone: a local account could put its own {@code postgres} there before Pantau's first start (or after /tmp was
	 * emptied at a reboot) and have it run as Pantau. Instead: {@code ~/.cache/pantau/postgres} (the folder
	 * {@code pantau} 0700, so zonky's own world-writable folder inside it is out of others' reach), shared by every
	 * data directory of the account; without a usable home folder, inside the data directory (0700).
	 */
	static Path binariesFolder(Path dataDir) {
		String home = System.getProperty("user.home");
		if (home != null && !home.isBlank() && !"/".equals(home)) {
			try {
				Path homeDir = Path.of(home);
				if (Files.isDirectory(homeDir) && Files.isWritable(homeDir)) {
					return PrivateFiles.folder(homeDir.resolve(".cache").resolve("pantau")).resolve("postgres");
				}
			}
			catch (IOException | RuntimeException e) {
				log.debug("No cache folder under {}: {}", home, e.toString());
			}
		}
		return dataDir.toAbsolutePath().resolve("postgres-binaries");
	}

	/**
	 * Before the server starts: the superuser gets its password when the cluster is of an earlier version (or the
	 * password file was new), then pg_hba.conf and Pantau's settings are written, at every start, so an edit back to
	 * trust does not survive a restart.
	 */
	static void secure(Path dataDir, Path pgData, DatabaseCredentials credentials, boolean fresh) throws IOException {
		Path hba = pgData.resolve("pg_hba.conf");
		boolean ours = Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARK);
		if (!fresh && (!ours || credentials.superuserPasswordIsNew())) {
			log.warn("PostgreSQL tertanam di {} dari versi sebelumnya: superuser diberi sandi, semua sambungan kini wajib"
					+ " bersandi", pgData.toAbsolutePath());
			SingleUser.run(pgData, "alter role " + SUPERUSER + " password '"
					+ PasswordUtil.encodeScramSha256(credentials.superuserPassword().toCharArray()) + "'");
		}
		Files.writeString(hba, String.join("\n", HBA_MARK,
				"# Written by Pantau at every start of its embedded PostgreSQL; edits are overwritten.",
				"local   all   all                  scram-sha-256",
				"host    all   all   127.0.0.1/32   scram-sha-256",
				"host    all   all   ::1/128        scram-sha-256", ""), StandardCharsets.UTF_8);
		Path socket = PrivateFiles.folder(dataDir.resolve("socket")).toAbsolutePath();
		String socketDir = socket.toString();
		if (socketDir.length() + "/.s.PGSQL.65535".length() > SOCKET_PATH_LIMIT || socketDir.matches(".*[,\"'\\\\].*")) {
			log.warn("Folder soket {} terlalu panjang atau memuat tanda baca: PostgreSQL tertanam hanya menerima TCP",
					socketDir);
			socketDir = "";
		}
		Files.writeString(pgData.resolve(SETTINGS_FILE), String.join("\n",
				"# Written by Pantau at every start of its embedded PostgreSQL; edits are overwritten.",
				"listen_addresses = 'localhost'",
				"unix_socket_directories = '" + socketDir + "'",
				"unix_socket_permissions = 0700",
				"password_encryption = 'scram-sha-256'", ""), StandardCharsets.UTF_8);
		Path conf = pgData.resolve("postgresql.conf");
		String include = "include_if_exists = '" + SETTINGS_FILE + "'";
		if (!Files.readString(conf, StandardCharsets.UTF_8).contains(include)) {
			Files.writeString(conf, "\n" + include + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
	}

	/**
	 * Connected as the superuser: the application's role as it must be (login with its password, nothing more, member
	 * of no role such as {@code pg_execute_server_program}), and its database owned by it. A database of an earlier
	 * version, whose objects the superuser owns, is handed over to the role.
	 */
	static void ensureRoleAndDatabase(EmbeddedPostgres postgres, DatabaseCredentials credentials) throws SQLException {
		String attributes = " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit";
		String verifier = PasswordUtil.encodeScramSha256(credentials.applicationPassword().toCharArray());
		boolean handOver;
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			boolean roleExists = statement.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'").next();
			statement.execute((roleExists ? "alter role " : "create role ") + USER + attributes + " password '"
					+ verifier + "'");
			List<String> memberships = new java.util.ArrayList<>();
			try (ResultSet rs = statement.executeQuery("select quote_ident(r.rolname) from pg_auth_members m"
					+ " join pg_roles r on r.oid = m.roleid where m.member = '" + USER + "'::regrole")) {
				while (rs.next()) {
					memberships.add(rs.getString(1));
				}
			}
			for (String role : memberships) {
				statement.execute("revoke " + role + " from " + USER);
			}
			try (ResultSet rs = statement.executeQuery(
					"select datdba::regrole::text from pg_database where datname = '" + DATABASE + "'")) {
				if (!rs.next()) {
					statement.execute("create database " + DATABASE + " owner " + USER
							+ " encoding 'UTF8' template template0");
					handOver = false;
				}
				else {
					handOver = !USER.equals(rs.getString(1));
				}
			}
		}
		if (handOver) {
			log.warn("Basis data {} dari versi sebelumnya: semua objeknya diserahkan ke peran {}", DATABASE, USER);
			try (Connection connection = postgres.getDatabase(SUPERUSER, DATABASE).getConnection();
					Statement statement = connection.createStatement()) {
				connection.setAutoCommit(false);
				statement.execute(HAND_OVER);
				statement.execute("alter database " + DATABASE + " owner to " + USER);
				connection.commit();
			}
		}
	}

	/**
	 * Every schema, table, view, sequence, function and type of the database that the superuser owns, except the
	 * system's and an extension's own members, to the application's role. (REASSIGN OWNED cannot be used: the
	 * superuser made by initdb also owns the system catalogs.) A table's own sequences follow their table.
	 */
	private static final String HAND_OVER = """
			do $$
			declare
			  r record;
			begin
			  for r in select n.nspname from pg_namespace n
			      where n.nspowner = 'postgres'::regrole and n.nspname not in ('pg_catalog', 'information_schema')
			        and n.nspname not like 'pg\\_%'
			        and not exists (select 1 from pg_depend d where d.classid = 'pg_namespace'::regclass
			                        and d.objid = n.oid and d.deptype = 'e') loop
			    execute format('alter schema %I owner to pantau', r.nspname);
			  end loop;
			  for r in select c.oid::regclass as name, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
			      where c.relowner = 'postgres'::regrole and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
			        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
			        and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
			                        and d.objid = c.oid and d.deptype in ('e', 'a', 'i'))
			      order by c.relkind = 'S' loop
			    execute format('alter %s %s owner to pantau', case r.relkind when 'v' then 'view'
			      when 'm' then 'materialized view' when 'f' then 'foreign table' when 'S' then 'sequence'
			      else 'table' end, r.name);
			  end loop;
			  for r in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			      where p.proowner = 'postgres'::regrole
			        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
			        and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
			                        and d.objid = p.oid and d.deptype = 'e') loop
			    execute format('alter routine %s owner to pantau', r.name);
			  end loop;
			  for r in select t.oid::regtype as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
			      left join pg_class c on c.oid = t.typrelid
			      where t.typowner = 'postgres'::regrole and (t.typtype in ('e', 'd', 'r', 'm') or c.relkind = 'c')
			        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
			        and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass
			                        and d.objid = t.oid and d.deptype = 'e') loop
			    execute format('alter type %s owner to pantau', r.name);
			  end loop;
			end
			$$""";

	private static EmbeddedDatabase started(Path dir, boolean ephemeral, EmbeddedPostgres postgres,
			FileChannel channel, FileLock lock, DatabaseCredentials credentials) throws IOException {
		try {
			ensureRoleAndDatabase(postgres, credentials);
		}
		catch (SQLException e) {
			postgres.close();
			throw new IOException("Peran dan basis data " + DATABASE + " tidak dapat disiapkan: " + e.getMessage(), e);
		}
		return new EmbeddedDatabase(dir, ephemeral, postgres, channel, lock, postgres.getPort(),
				credentials.applicationPassword());
	}

	/**
	 * A postmaster whose Pantau process was killed keeps running and holds the data directory; stop it (it is ours:
	 * we hold the directory's lock, so no live Pantau process uses it).
	 */
	static void stopOrphanedServer(Path pgData) throws IOException {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException e) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
				.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
		if (process.isEmpty()) {
			return;
		}
		log.warn("PostgreSQL tertanam dari proses Pantau sebelumnya masih berjalan (PID {}); dihentikan dulu", pid);
		ProcessHandle handle = process.get();
		handle.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with their process
		try {
			handle.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			handle.destroyForcibly();
			try {
				handle.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception ignored) {
				throw new IOException("PostgreSQL lama (PID " + pid + ") tidak dapat dihentikan");
			}
		}
	}

	private static Optional<Integer> runningPort(Path pgData) throws IOException {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
	}

	/** The password of the role {@value #USER}. */
	String password() {
		return password;
	}

	String user() {
		return USER;
	}

	String describe() {
		return ephemeral ? "PostgreSQL tertanam sementara" : "PostgreSQL tertanam, data di " + dataDir.toAbsolutePath();
	}

	@Override
	public void close() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
		if (lock != null) {
			lock.release();
			lockChannel.close();
		}
		if (ephemeral) {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}
}
