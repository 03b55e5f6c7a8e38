package id.pantau.platform;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import id.pantau.platform.tables.UnreadableFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many uploaded tables are read at once: at most {@code pantau.imports.per-user} (default 1) for one user and
 * {@code pantau.imports.overall} (default 2, one per core of the machines Pantau runs on) for everyone, counted over
 * every instance that shares the database. Reading is streamed with bounded memory
 * ({@link id.pantau.platform.tables.SheetPolicy}), so this bounds the CPU and the database work of imports, and so
 * what many uploads at once can cost: one more is refused at once with a message (an {@link UnreadableFile} of
 * {@code import.busyUser} or {@code import.busy}), never queued without end. Every import of a table takes a slot:
 * crossings, crew lists, Kesbangpol's person lists and the village report workbook.
 * <p>
 * A slot is a row of {@code import_slot}, taken under a transaction-scoped advisory lock (so that two instances
 * counting at once cannot both take the last one) in a transaction of its own (so that it is seen at once, whatever
 * transaction the caller is in). The instance renews the heartbeat of the slots it holds every few seconds; a slot
 * whose heartbeat is older than {@code pantau.imports.stale-after} (default 30 s) belonged to an instance that died,
 * and the next taker gives it back.
 */
@Component
public class ImportSlots {

	private final int perUser;
	private final int overall;
	private final Duration staleAfter;
	private final JdbcClient jdbc;
	private final TransactionTemplate ownTransaction;
	private final Instance instance;
	private final Set<UUID> held = ConcurrentHashMap.newKeySet();

	public ImportSlots(@Value("${pantau.imports.per-user:1}") int perUser,
			@Value("${pantau.imports.overall:2}") int overall,
			@Value("${pantau.imports.stale-after:PT30S}") Duration staleAfter, JdbcClient jdbc,
			PlatformTransactionManager transactions, Instance instance) {
		this.perUser = Math.max(1, perUser);
		this.overall = Math.max(1, overall);
		this.staleAfter = staleAfter;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.instance = instance;
	}

	/** How long a slot or an import job lives without a heartbeat before it counts as its dead instance's. */
	public Duration staleAfter() {
		return staleAfter;
	}

	/** A taken slot; closing it gives it back (once). */
	public final class Slot implements AutoCloseable {

		private final UUID id;
		private boolean closed;

		private Slot(UUID id) {
			this.id = id;
		}

		@Override
		public synchronized void close() {
			if (!closed) {
				closed = true;
				held.remove(id);
				ownTransaction.executeWithoutResult(
						status -> jdbc.sql("delete from import_slot where id = :id").param("id", id).update());
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
		UUID id = UUID.randomUUID();
		String refused = ownTransaction.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext('platform:import-slots'))").query((rs, n) -> 1).list();
			jdbc.sql("delete from import_slot where heartbeat_at < now() - make_interval(secs => :stale)")
					.param("stale", (double) staleAfter.toMillis() / 1000).update();
			List<String> users = jdbc.sql("select user_name from import_slot").query(String.class).list();
			if (users.stream().filter(name::equals).count() >= perUser) {
				return "import.busyUser";
			}
			if (users.size() >= overall) {
				return "import.busy";
			}
			jdbc.sql("""
					insert into import_slot (id, user_name, instance, taken_at, heartbeat_at)
					values (:id, :user, :instance, now(), now())""").param("id", id).param("user", name)
					.param("instance", instance.name()).update();
			return null;
		});
		if (refused != null) {
			throw new UnreadableFile(refused, null);
		}
		held.add(id);
		return new Slot(id);
	}

	/** Renews the slots this instance holds: each instance its own, so this runs on every instance. */
	@Scheduled(fixedDelayString = "${pantau.imports.heartbeat-every:PT5S}")
	void heartbeat() {
		if (held.isEmpty()) {
			return;
		}
		jdbc.sql("update import_slot set heartbeat_at = now() where id in (:ids)").param("ids", List.copyOf(held))
				.update();
	}
}
