package id.pantau.crossings.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import id.pantau.crossings.importing.CrossingColumn;
import id.pantau.platform.ImportSlots;
import id.pantau.platform.tables.UnreadableFile;
import jakarta.annotation.PreDestroy;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Uploaded files being imported in the background, one at a time, so that the page can show a progress bar. A file
 * whose layout must first be mapped waits here until the user maps it. Each import holds one of the
 * {@link ImportSlots} from its upload until it ends, so that uploads never pile up behind the worker without end.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final CrossingImports imports;
	private final CrossingSettings settings;
	private final ImportSlots slots;
	private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "pantau-import");
		thread.setDaemon(true);
		return thread;
	});

	public static final class Job {

		private final UUID id;
		private final String owner;
		private final Path file;
		private final CrossingImports.Provenance provenance;
		private volatile double progress;
		private volatile ImportResult result;
		private volatile String errorKey;
		private volatile String errorArgument;
		private volatile boolean running;

		Job(UUID id, String owner, Path file, CrossingImports.Provenance provenance) {
			this.id = id;
			this.owner = owner;
			this.file = file;
			this.provenance = provenance;
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
			return !running && (result != null || errorKey != null);
		}

		public boolean running() {
			return running;
		}

		/** The origin the upload was declared to come from. */
		public String origin() {
			return provenance.origin().strip();
		}
	}

	/**
	 * Keeps the upload in a temporary file (refusing one that is too large) and starts importing it.
	 *
	 * @throws UnreadableFile when the file is too large, or when the user or the server has as many imports running
	 * as {@link ImportSlots} allows
	 */
	public Job start(String owner, InputStream upload, CrossingImports.Provenance provenance) {
		ImportSlots.Slot slot = slots.take(owner);
		Path file = null;
		try {
			file = Files.createTempFile("pantau-upload-", ".dat");
			long limit = settings.maxFileSize().toBytes();
			try (InputStream limited = upload) {
				Files.copy(new LimitedStream(limited, limit), file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException | RuntimeException e) {
			slot.close();
			if (file != null) {
				delete(file);
			}
			if (e instanceof RuntimeException unchecked) {
				throw unchecked;
			}
			throw new UncheckedIOException((IOException) e);
		}
		Job job = new Job(UUID.randomUUID(), owner, file, provenance);
		jobs.put(job.id, job);
		run(job, null, slot);
		return job;
	}

	/** Imports a waiting file with the layout the user mapped; when no slot is free, the job says so and waits on. */
	public void map(Job job, Map<CrossingColumn, Integer> mapping) {
		if (job.running || job.result == null || !job.result.needsMapping()) {
			return;
		}
		ImportSlots.Slot slot;
		try {
			slot = slots.take(job.owner);
		}
		catch (UnreadableFile busy) {
			job.errorKey = busy.messageKey();
			job.errorArgument = busy.argument();
			return;
		}
		job.errorKey = null;
		job.errorArgument = null;
		job.result = null;
		run(job, mapping, slot);
	}

	public Optional<Job> find(UUID id, String owner) {
		return Optional.ofNullable(jobs.get(id)).filter(job -> job.owner.equals(owner));
	}

	private void run(Job job, Map<CrossingColumn, Integer> mapping, ImportSlots.Slot slot) {
		job.running = true;
		worker.submit(() -> {
			try {
				job.result = imports.importFile(job.file, job.provenance, mapping, p -> job.progress = p);
				job.progress = 1;
			}
			catch (UnreadableFile e) {
				job.errorKey = e.messageKey();
				job.errorArgument = e.argument();
			}
			catch (RuntimeException e) {
				log.error("Import failed", e);
				job.errorKey = "import.failed";
			}
			finally {
				job.running = false;
				slot.close();
				if (job.result == null || !job.result.needsMapping()) {
					delete(job.file);
				}
			}
		});
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// a temporary file; the operating system clears it
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
