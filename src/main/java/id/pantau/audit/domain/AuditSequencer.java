package id.pantau.audit.domain;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import id.pantau.platform.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains the audit trail's waiting entries, the way a transparency log integrates queued entries: a request writes its
 * entry into {@code audit_pending} in its own transaction, without a lock and without reading the last row; this
 * sequencer moves committed entries, in {@code seq} order and a batch per transaction, into {@code audit_event} with
 * the next gapless ids and their links in the hash chain, deleting them from the queue in that same transaction.
 * <p>
 * One sequencer at a time across all instances: each batch first takes {@code pg_try_advisory_xact_lock} on the chain's
 * lock (the key the appends took before the queue, so an instance of an older version and this one never chain at
 * once); an instance that does not get it leaves the work to the one that has it. A crash or an error rolls the batch
 * back: the entries are still waiting, none was chained, and the next pass takes them again.
 * <p>
 * It runs right after a commit that wrote entries (a nudge to one background thread, coalesced: however many commits
 * nudge while a pass runs, one more pass follows), every second as a fallback (entries of another instance that
 * stopped, of a command-line run that was killed) and, waiting for the lock, before a read that must see everything
 * committed so far ({@link #catchUp}).
 * <p>
 * Order: a {@code seq} is taken at insert, and a transaction with a lower one can commit after a higher one was
 * chained; it is then chained in the next pass, after it. The chain's order is the order of integration, and each row
 * keeps the time its event happened ({@code occurred_at}, as written in the request): ids are gapless and ascending,
 * times nearly so.
 */
@Component
public class AuditSequencer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditSequencer.class);

	/** The chain's lock: whoever holds it is the only one appending to {@code audit_event}. */
	static final long CHAIN_LOCK = 0x50414e544155L;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate ownTransaction;
	private final int batch;
	private final boolean awaitChaining;
	private final boolean serving;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "audit-sequencer");
		thread.setDaemon(true);
		return thread;
	});
	/** The pass that has been asked for and not yet begun; null when none is waiting. Guarded by {@code this}. */
	private CompletableFuture<Integer> queued;
	private volatile boolean stopped;

	private final TransactionSynchronization afterCommit = new TransactionSynchronization() {

		@Override
		public void afterCommit() {
			CompletableFuture<Integer> pass = nudge();
			if (awaitChaining) {
				await(pass);
			}
		}
	};

	AuditSequencer(DataSource dataSource, PlatformTransactionManager transactions, AuditSettings settings,
			@Value("${" + Commands.PROPERTY + ":" + Commands.SERVE + "}") String command) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.batch = Math.max(1, settings.chainBatch());
		this.awaitChaining = settings.awaitChaining();
		this.serving = Commands.SERVE.equals(command);
	}

	/** Entries still waiting to be chained: how many, and when the oldest of them happened (null when none). */
	public record Waiting(long count, Instant oldest) {
	}

	/**
	 * Called by the request side after writing an entry: the sequencer runs once the caller's transaction has
	 * committed (once per transaction, however many entries it wrote), never for one that rolled back.
	 */
	void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// a set: the same synchronization registered again is registered once
			TransactionSynchronizationManager.registerSynchronization(afterCommit);
		}
		else {
			nudge();
		}
	}

	/** Asks for a pass on the background thread; a pass already asked for and not yet begun is not asked twice. */
	synchronized CompletableFuture<Integer> nudge() {
		if (stopped) {
			return CompletableFuture.completedFuture(0);
		}
		if (queued == null) {
			CompletableFuture<Integer> pass = new CompletableFuture<>();
			queued = pass;
			worker.execute(() -> {
				synchronized (this) {
					queued = null;
				}
				try {
					pass.complete(chain(awaitChaining));
				}
				catch (RuntimeException e) {
					log.warn("Entri jejak audit belum dirantai (dicoba lagi sebentar lagi): {}",
							rootCause(e).getMessage());
					pass.completeExceptionally(e);
				}
			});
		}
		return queued;
	}

	/**
	 * The fallback, in the web application only: entries another instance left, or whose nudge was lost in a crash. A
	 * command-line run chains the queue only after its own commits and at its end, so that after a restore
	 * {@code verify-audit --terima-pemulihan} sees the restored end before anything is appended to it.
	 */
	@Scheduled(fixedDelayString = "${pantau.audit.chain-interval-ms:1000}")
	public void chainWaiting() {
		if (serving) {
			nudge();
		}
	}

	/**
	 * Chains every entry committed before this call, waiting for the chain's lock if another instance holds it; for a
	 * read that must show everything so far (the audit page, the command line's check).
	 *
	 * @return how many entries this call chained
	 */
	public int catchUp() {
		return chain(true);
	}

	public Waiting waiting() {
		return jdbc.queryForObject("select count(*), min(occurred_at) from audit_pending", (rs, n) -> new Waiting(
				rs.getLong(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()));
	}

	/** Batches until the queue is empty; stops at once when another instance holds the lock and {@code wait} is false. */
	private int chain(boolean wait) {
		int chained = 0;
		while (true) {
			Integer moved = ownTransaction.execute(status -> chainBatch(wait));
			if (moved == null || moved < 0) {
				return chained;
			}
			chained += moved;
			if (moved < batch) {
				return chained;
			}
		}
	}

	/** One transaction: the oldest waiting entries, removed from the queue and appended to the chain; -1: lock busy. */
	private int chainBatch(boolean wait) {
		if (jdbc.queryForList("select 1 from audit_pending limit 1").isEmpty()) {
			return 0;
		}
		if (wait) {
			// a read waits for another instance's batch (milliseconds), not for a lock held by something gone astray
			jdbc.queryForList("select set_config('lock_timeout', '5s', true)");
			jdbc.queryForList("select pg_advisory_xact_lock(?)", CHAIN_LOCK);
		}
		else if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
				CHAIN_LOCK))) {
			return -1;
		}
		// under the lock: a delete that another sequencer had already made would return nothing here, so an entry is
		// returned (and chained) by one committed transaction only
		List<Entry> entries = new ArrayList<>(jdbc.query("""
				delete from audit_pending where seq in (select seq from audit_pending order by seq limit ?)
				returning seq, occurred_at, actor, action, subject_type, subject_id, region_code, ip, details
				""", (rs, n) -> new Entry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getString("region_code"), rs.getString("ip"), rs.getString("details")),
				batch));
		if (entries.isEmpty()) {
			return 0;
		}
		entries.sort(Comparator.comparingLong(Entry::seq));
		Map<String, Object> last = jdbc.queryForList("select id, hash from audit_event order by id desc limit 1")
				.stream().findFirst().orElse(null);
		String previous = last == null ? AuditChain.GENESIS : (String) last.get("hash");
		long id = last == null ? 1 : ((Number) last.get("id")).longValue() + 1;
		List<Chained> rows = new ArrayList<>(entries.size());
		for (Entry entry : entries) {
			String hash = AuditChain.hash(previous, id, entry.occurredAt(), entry.actor(), entry.action(),
					entry.subjectType(), entry.subjectId(), entry.regionCode(), entry.ip(), entry.details());
			rows.add(new Chained(id, entry, previous, hash));
			previous = hash;
			id++;
		}
		// one statement for the whole batch: the rows as arrays, unnested by PostgreSQL
		int size = rows.size();
		String[][] columns = new String[11][size];
		for (int i = 0; i < size; i++) {
			Chained row = rows.get(i);
			Entry entry = row.entry();
			String[] values = { Long.toString(row.id()), entry.occurredAt().toString(), entry.actor(), entry.action(),
				entry.subjectType(), entry.subjectId(), entry.regionCode(), entry.ip(), entry.details(), row.previous(),
				row.hash() };
			for (int c = 0; c < values.length; c++) {
				columns[c][i] = values[c];
			}
		}
		jdbc.update(connection -> {
			PreparedStatement statement = connection.prepareStatement("""
					insert into audit_event (id, occurred_at, actor, action, subject_type, subject_id, region_code, ip,
					  details, prev_hash, hash)
					select * from unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
					  ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])""");
			for (int c = 0; c < columns.length; c++) {
				statement.setArray(c + 1, connection.createArrayOf("text", columns[c]));
			}
			return statement;
		});
		return entries.size();
	}

	private static Throwable rootCause(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static void await(CompletableFuture<Integer> pass) {
		try {
			pass.get(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException e) {
			log.debug("Not waiting longer for the audit trail's sequencer: {}", e.toString());
		}
	}

	/** At shutdown: the pass asked for runs, then one last one; whatever is left waits durably for the next start. */
	@Override
	public void destroy() throws InterruptedException {
		synchronized (this) {
			stopped = true;
		}
		worker.shutdown();
		worker.awaitTermination(10, TimeUnit.SECONDS);
		try {
			chain(false);
		}
		catch (RuntimeException e) {
			log.debug("Audit entries left waiting at shutdown: {}", e.toString());
		}
	}

	private record Entry(long seq, Instant occurredAt, String actor, String action, String subjectType,
			String subjectId, String regionCode, String ip, String details) {
	}

	private record Chained(long id, Entry entry, String previous, String hash) {
	}
}
