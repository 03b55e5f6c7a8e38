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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL 15 run by Pantau itself, with its files under {@code DATA_DIR/postgres}.
 * <p>
 * A process that owns the data directory holds a lock on {@code DATA_DIR/pantau.lock} for its lifetime (the operating
 * system releases it even after SIGKILL). A server left running by an owner that died is stopped before a new one
 * starts. A second process (a command such as {@code verify-audit} while the web application runs) attaches to the
 * owner's server instead of starting its own.
 */
final class EmbeddedDatabase implements AutoCloseable {

	static final String DATABASE = "pantau";
	static final String USER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final Path dataDir;
	private final boolean ephemeral;
	private final EmbeddedPostgres postgres;
	private final FileChannel lockChannel;
	private final FileLock lock;
	private final int port;

	private EmbeddedDatabase(Path dataDir, boolean ephemeral, EmbeddedPostgres postgres, FileChannel lockChannel,
			FileLock lock, int port) {
		this.dataDir = dataDir;
		this.ephemeral = ephemeral;
		this.postgres = postgres;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.port = port;
	}

	/** Starts a persistent server on {@code dataDir}, or attaches to the one its live owner runs. */
	static EmbeddedDatabase open(Path dataDir, boolean mayAttach) {
		try {
			Files.createDirectories(dataDir);
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
				log.info("Memakai PostgreSQL tertanam yang sudah berjalan di port {}", port);
				return new EmbeddedDatabase(dataDir, false, null, null, null, port);
			}
			stopOrphanedServer(pgData);
			// zonky turns synchronous_commit off (fine for throw-away test databases); data kept across restarts must
			// survive a crash of PostgreSQL itself once a commit was acknowledged.
			EmbeddedPostgres postgres = builder().setDataDirectory(pgData).setCleanDataDirectory(false)
					.setServerConfig("synchronous_commit", "on").start();
			return started(dataDir, false, postgres, channel, lock);
		}
		catch (IOException e) {
			throw new EmbeddedDatabaseException("PostgreSQL tertanam tidak dapat dijalankan di " + dataDir.toAbsolutePath()
					+ ": " + e.getMessage(), e);
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
			Path dir = Files.createTempDirectory("pantau-pg-");
			EmbeddedPostgres postgres = builder().setDataDirectory(dir.resolve("postgres")).setCleanDataDirectory(true)
					.start();
			return started(dir, true, postgres, null, null);
		}
		catch (IOException e) {
			throw new EmbeddedDatabaseException("PostgreSQL tertanam sementara tidak dapat dijalankan: " + e.getMessage(), e);
		}
	}

	private static EmbeddedPostgres.Builder builder() {
		return EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false) // Spring stops it, after everything that still writes
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("timezone", "UTC")
				.setServerConfig("max_connections", "100");
	}

	private static EmbeddedDatabase started(Path dir, boolean ephemeral, EmbeddedPostgres postgres,
			FileChannel channel, FileLock lock) throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!exists.next()) {
				statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
			}
		}
		catch (SQLException e) {
			postgres.close();
			throw new IOException("Basis data " + DATABASE + " tidak dapat dibuat", e);
		}
		return new EmbeddedDatabase(dir, ephemeral, postgres, channel, lock, postgres.getPort());
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
