package id.pantau.platform;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import id.pantau.platform.tables.UnreadableFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many uploaded tables are read at once: at most {@code pantau.imports.per-user} (default 1) for one user and
 * {@code pantau.imports.overall} (default 2, one per core of the machines Pantau runs on) for everyone. Reading is
 * streamed with bounded memory ({@link id.pantau.platform.tables.SheetPolicy}), so this bounds the CPU and the
 * database work of imports, and so what many uploads at once can cost: one more is refused at once with a message
 * (an {@link UnreadableFile} of {@code import.busyUser} or {@code import.busy}), never queued without end. Every import
 * of a table takes a slot: crossings, crew lists, Kesbangpol's person lists and the village report workbook.
 */
@Component
public class ImportSlots {

	private final int perUser;
	private final int overall;
	private final Semaphore all;
	private final ConcurrentHashMap<String, Integer> byUser = new ConcurrentHashMap<>();

	public ImportSlots(@Value("${pantau.imports.per-user:1}") int perUser,
			@Value("${pantau.imports.overall:2}") int overall) {
		this.perUser = Math.max(1, perUser);
		this.overall = Math.max(1, overall);
		this.all = new Semaphore(this.overall);
	}

	/** A taken slot; closing it gives it back (once). */
	public final class Slot implements AutoCloseable {

		private final String user;
		private boolean closed;

		private Slot(String user) {
			this.user = user;
		}

		@Override
		public synchronized void close() {
			if (!closed) {
				closed = true;
				release(user);
				all.release();
			}
		}
	}

	/**
	 * Takes a slot for {@code user}, or refuses at once.
	 *
	 * @throws UnreadableFile {@code import.busyUser} when the user already has as many imports running as allowed,
	 * {@code import.busy} when all slots are taken
	 */
	public Slot take(String user) {
		String name = user == null ? "" : user;
		boolean[] taken = { false };
		byUser.compute(name, (key, count) -> {
			int running = count == null ? 0 : count;
			if (running >= perUser) {
				return count;
			}
			taken[0] = true;
			return running + 1;
		});
		if (!taken[0]) {
			throw new UnreadableFile("import.busyUser", null);
		}
		if (!all.tryAcquire()) {
			release(name);
			throw new UnreadableFile("import.busy", null);
		}
		return new Slot(name);
	}

	private void release(String user) {
		byUser.computeIfPresent(user, (name, count) -> count <= 1 ? null : count - 1);
	}
}
