package id.pantau.crossings.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import id.pantau.crossings.importing.CrossingColumn;
import id.pantau.platform.ImportSlots;
import id.pantau.platform.Instance;
import id.pantau.platform.PrivateFiles;
import id.pantau.platform.tables.UnreadableFile;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploaded files being imported in the background, so that the page can show a progress bar; a file whose layout must
 * first be mapped waits until the user maps it. Each import holds one of the {@link ImportSlots} from its upload until
 * it ends, so that uploads never pile up behind the worker without end.
 * <p>
 * Several instances may share the database: a job is a row of {@code import_job}, and its file lies in the shared
 * storage folder ({@code pantau.storage.dir}/imports, which every instance must see: one volume), so that the progress
 * page and the mapping step are answered the same by any instance. The instance that runs a job writes its progress
 * and a heartbeat every second; a running job whose heartbeat stopped for {@link ImportSlots#staleAfter()} (its
 * instance died) is taken over by another instance, which imports the file again from the start (an import is one
 * transaction, so the dead instance's part was rolled back, and a file imported before adds nothing), at most
 * {@link #MAX_ATTEMPTS} times; after that it is marked failed ({@code import.interrupted}).
 */
@Component
public class ImportJobs {

	static final int MAX_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CrossingImports imports;
	private final CrossingSettings settings;
	private final ImportSlots slots;
	private final JdbcClient jdbc;
	private final Instance instance;
	private final Path folder;
	/** The jobs this instance runs or has queued, with their progress, for the heartbeat. */
	private final Map<UUID, Running> local = new ConcurrentHashMap<>();
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "pantau-import");
		thread.setDaemon(true);
		return thread;
	});

	ImportJobs(CrossingImports imports, CrossingSettings settings, ImportSlots slots, JdbcClient jdbc,
			Instance instance, @Value("${pantau.storage.dir:./data/files}") Path storage) {
		this.imports = imports;
		this.settings = settings;
		this.slots = slots;
		this.jdbc = jdbc;
		this.instance = instance;
		this.folder = storage.resolve("imports");
		try {
			PrivateFiles.folder(storage);
			PrivateFiles.folder(folder);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Folder impor " + folder.toAbsolutePath() + " tidak dapat disiapkan", e);
		}
	}

	private static final class Running {

		private volatile double progress;
	}

	/** What the page shows of a job, as the database has it. */
	public static final class Job {

		private final UUID id;
		private final String state;
		private final double progress;
		private final ImportResult result;
		private final String errorKey;
		private final String errorArgument;
		private final String origin;

		Job(UUID id, String state, double progress, ImportResult result, String errorKey, String errorArgument,
				String origin) {
			this.id = id;
			this.state = state;
			this.progress = progress;
			this.result = result;
			this.errorKey = errorKey;
			this.errorArgument = errorArgument;
			this.origin = origin;
		}

		public UUID id() {
			return id;
		}

		public int percent() {
			return (int) Math.round(progress * 100);
		}

		public ImportResult result() {
			return result;
		}

		public String errorKey() {
			return errorKey;
		}

		public String errorArgument() {
			return errorArgument;
		}

		public boolean finished() {
			return !running() && (result != null || errorKey != null);
		}

		public boolean running() {
			return "RUNNING".equals(state);
		}

		/** Waiting for its columns to be mapped. */
		boolean waiting() {
			return "WAITING".equals(state);
		}

		/** The origin the upload was declared to come from. */
		public String origin() {
			return origin.strip();
		}
	}

	/**
	 * Keeps the upload in the shared storage folder (refusing one that is too large) and starts importing it.
	 *
	 * @throws UnreadableFile when the file is too large, or when the user or the server has as many imports running
	 * as {@link ImportSlots} allows
	 */
	public Job start(String owner, InputStream upload, CrossingImports.Provenance provenance) {
		ImportSlots.Slot slot = slots.take(owner);
		UUID id = UUID.randomUUID();
		Path file = file(id);
		try {
			PrivateFiles.createFile(file);
			long limit = settings.maxFileSize().toBytes();
			try (InputStream limited = new LimitedStream(upload, limit);
					var out = Files.newOutputStream(file)) {
				limited.transferTo(out);
			}
			jdbc.sql("""
					insert into import_job (id, owner, file_name, legal_basis, origin, state, instance, attempts,
					  heartbeat_at, created_at)
					values (:id, :owner, :fileName, :basis, :origin, 'RUNNING', :instance, 1, now(), now())""")
					.param("id", id).param("owner", owner).param("fileName", provenance.fileName())
					.param("basis", provenance.legalBasis()).param("origin", provenance.origin())
					.param("instance", instance.name()).update();
		}
		catch (IOException | RuntimeException e) {
			slot.close();
			delete(file);
			if (e instanceof RuntimeException unchecked) {
				throw unchecked;
			}
			throw new UncheckedIOException((IOException) e);
		}
		run(id, provenance, null, slot);
		return find(id, owner).orElseThrow();
	}

	/** Imports a waiting file with the layout the user mapped; when no slot is free, the job says so and waits on. */
	public void map(Job job, Map<CrossingColumn, Integer> mapping) {
		if (!job.waiting() || job.result == null || !job.result.needsMapping()) {
			return;
		}
		ImportSlots.Slot slot;
		try {
			slot = slots.take(owner(job.id));
		}
		catch (UnreadableFile busy) {
			jdbc.sql("update import_job set error_key = :key, error_argument = :argument where id = :id and state = 'WAITING'")
					.param("key", busy.messageKey()).param("argument", busy.argument()).param("id", job.id).update();
			return;
		}
		int claimed = jdbc.sql("""
				update import_job set state = 'RUNNING', mapping = :mapping, result = null, error_key = null,
				  error_argument = null, progress = 0, instance = :instance, attempts = 1, heartbeat_at = now()
				where id = :id and state = 'WAITING'""").param("mapping", format(mapping))
				.param("instance", instance.name()).param("id", job.id).update();
		if (claimed == 0) {
			// mapped at the same moment on another instance or in another tab: that one imports it
			slot.close();
			return;
		}
		run(job.id, provenance(job.id), mapping, slot);
	}

	public Optional<Job> find(UUID id, String owner) {
		return jdbc.sql("""
				select id, state, progress, result, error_key, error_argument, origin from import_job
				where id = :id and owner = :owner""").param("id", id).param("owner", owner)
				.query(ImportJobs::job).optional();
	}

	private void run(UUID id, CrossingImports.Provenance provenance, Map<CrossingColumn, Integer> mapping,
			ImportSlots.Slot slot) {
		Running running = new Running();
		local.put(id, running);
		Path file = file(id);
		worker.submit(() -> {
			ImportResult result = null;
			String errorKey = null;
			String errorArgument = null;
			try {
				result = imports.importFile(file, provenance, mapping, p -> running.progress = p);
			}
			catch (UnreadableFile e) {
				errorKey = e.messageKey();
				errorArgument = e.argument();
			}
			catch (RuntimeException e) {
				log.error("Import failed", e);
				errorKey = "import.failed";
			}
			finally {
				boolean waiting = result != null && result.needsMapping();
				try {
					// whoever finishes first writes the outcome (a job taken over from a live but silent instance
					// is imported twice, and the second finds the batch the first made)
					jdbc.sql("""
							update import_job set state = :state, progress = :progress, result = :result,
							  error_key = :key, error_argument = :argument, heartbeat_at = now(),
							  finished_at = case when :waiting then null else now() end
							where id = :id and state = 'RUNNING'""")
							.param("state", waiting ? "WAITING" : errorKey != null ? "FAILED" : "DONE")
							.param("progress", result != null && !waiting ? 1.0 : running.progress)
							.param("result", result == null ? null : JSON.writeValueAsString(result))
							.param("key", errorKey).param("argument", errorArgument).param("waiting", waiting)
							.param("id", id).update();
				}
				finally {
					local.remove(id);
					slot.close();
					if (!waiting) {
						delete(file);
					}
				}
			}
		});
	}

	/** Writes the progress and the heartbeat of the jobs this instance runs: on every instance, for its own jobs. */
	@Scheduled(fixedDelayString = "${pantau.imports.progress-every:PT1S}")
	void heartbeat() {
		local.forEach((id, running) -> jdbc.sql(
				"update import_job set progress = :progress, heartbeat_at = now() where id = :id and state = 'RUNNING'")
				.param("progress", running.progress).param("id", id).update());
	}

	/**
	 * Takes over the running jobs whose instance stopped writing their heartbeat, and forgets jobs a day after they
	 * ended (and files never mapped after a day). One instance at a time; a job is claimed by a conditional update, so
	 * two instances never both take it.
	 */
	@Scheduled(fixedDelayString = "${pantau.imports.takeover-every:PT10S}", initialDelayString = "PT10S")
	@SchedulerLock(name = "import-jobs-takeover", lockAtMostFor = "PT5M")
	public void takeOverStale() {
		double stale = (double) slots.staleAfter().toMillis() / 1000;
		for (Stale job : jdbc.sql("""
				select id, owner, attempts, mapping from import_job
				where state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :stale)
				order by created_at""").param("stale", stale)
				.query((rs, n) -> new Stale(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getInt("attempts"),
						rs.getString("mapping")))
				.list()) {
			if (local.containsKey(job.id)) {
				continue;
			}
			if (job.attempts >= MAX_ATTEMPTS || !Files.exists(file(job.id))) {
				int failed = jdbc.sql("""
						update import_job set state = 'FAILED', error_key = 'import.interrupted', finished_at = now()
						where id = :id and state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :stale)""")
						.param("id", job.id).param("stale", stale).update();
				if (failed > 0) {
					log.warn("Import {} interrupted {} times: marked failed by instance {}", job.id, job.attempts,
							instance.name());
					delete(file(job.id));
				}
				continue;
			}
			ImportSlots.Slot slot;
			try {
				slot = slots.take(job.owner);
			}
			catch (UnreadableFile busy) {
				continue; // the next round tries again
			}
			int claimed = jdbc.sql("""
					update import_job set instance = :instance, attempts = attempts + 1, progress = 0,
					  heartbeat_at = now()
					where id = :id and state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :stale)""")
					.param("instance", instance.name()).param("id", job.id).param("stale", stale).update();
			if (claimed == 0) {
				slot.close();
				continue;
			}
			log.warn("Import {} of a stopped instance taken over by instance {} (attempt {})", job.id,
					instance.name(), job.attempts + 1);
			run(job.id, provenance(job.id), parse(job.mapping), slot);
		}
		jdbc.sql("""
				delete from import_job where (state in ('DONE', 'FAILED') and finished_at < now() - interval '1 day')
				  or (state = 'WAITING' and heartbeat_at < now() - interval '1 day')
				returning id""").query(UUID.class).list().forEach(id -> delete(file(id)));
	}

	private record Stale(UUID id, String owner, int attempts, String mapping) {
	}

	private String owner(UUID id) {
		return jdbc.sql("select owner from import_job where id = :id").param("id", id).query(String.class).single();
	}

	private CrossingImports.Provenance provenance(UUID id) {
		return jdbc.sql("select owner, file_name, legal_basis, origin from import_job where id = :id").param("id", id)
				.query((rs, n) -> new CrossingImports.Provenance(rs.getString("owner"), rs.getString("file_name"),
						rs.getString("legal_basis"), rs.getString("origin")))
				.single();
	}

	private static Job job(ResultSet rs, int row) throws SQLException {
		String result = rs.getString("result");
		return new Job(rs.getObject("id", UUID.class), rs.getString("state"), rs.getDouble("progress"),
				result == null ? null : JSON.readValue(result, ImportResult.class), rs.getString("error_key"),
				rs.getString("error_argument"), rs.getString("origin"));
	}

	/** A mapping as {@code COLUMN=index,...}. */
	static String format(Map<CrossingColumn, Integer> mapping) {
		return mapping.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue())
				.collect(Collectors.joining(","));
	}

	static Map<CrossingColumn, Integer> parse(String mapping) {
		if (mapping == null) {
			return null;
		}
		Map<CrossingColumn, Integer> columns = new EnumMap<>(CrossingColumn.class);
		for (String pair : mapping.split(",")) {
			if (!pair.isEmpty()) {
				String[] parts = pair.split("=", 2);
				columns.put(CrossingColumn.valueOf(parts[0]), Integer.parseInt(parts[1]));
			}
		}
		return columns;
	}

	private Path file(UUID id) {
		return folder.resolve(id + ".dat");
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// the next clean-up of the folder's owner removes it
		}
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

	/** Stops reading an upload once it is larger than allowed. */
	private static final class LimitedStream extends java.io.FilterInputStream {

		private final long limit;
		private long count;

		LimitedStream(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0 && ++count > limit) {
				throw new UnreadableFile("import.tooLarge", limit / (1024 * 1024) + " MB");
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0 && (count += n) > limit) {
				throw new UnreadableFile("import.tooLarge", limit / (1024 * 1024) + " MB");
			}
			return n;
		}
	}
}
