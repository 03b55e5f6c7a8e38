package id.pantau.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads that may lag behind the primary database by a few seconds (the dashboard's figures, the monthly recap, the
 * map's data) run on the read replica of {@code PANTAU_DB_REPLICA_URL} when one is configured, else on the primary as
 * everything else does. The choice is explicit: only the work given to {@link #read(Supplier)} goes to the replica,
 * through {@link #jdbc()}, in a read-only transaction of its own; the audit entries and every other write of the same
 * request use the application's ordinary {@code JdbcClient} and transactions, which always reach the primary.
 * <p>
 * When the replica cannot be reached, the work runs again on the primary; that is logged once when it happens and
 * once when the replica answers again (tried again after {@code pantau.db.replica.retry-after}), never per request.
 * The work may therefore run twice: it must keep its results to itself until it returns. {@link #lag()} says how far
 * behind the replica is, for the pages to say so.
 */
public final class ReplicaReads implements AutoCloseable {

	/**
	 * How far the replica's data is behind the primary's.
	 *
	 * @param dataAsOf when the last transaction the replica has replayed committed on the primary
	 * @param behind how long ago that was
	 */
	public record Lag(Instant dataAsOf, Duration behind) {

		private static final java.time.format.DateTimeFormatter CLOCK = java.time.format.DateTimeFormatter
				.ofPattern("HH:mm:ss").withZone(DisplayTime.ZONE);

		/** {@link #dataAsOf()} as a time of day in WIT. */
		public String clockTime() {
			return CLOCK.format(dataAsOf);
		}

		public long seconds() {
			return behind.toSeconds();
		}

		public long minutes() {
			return behind.toMinutes();
		}

		/** Whether to say it in minutes rather than seconds. */
		public boolean inMinutes() {
			return behind.compareTo(Duration.ofMinutes(2)) >= 0;
		}
	}

	private static final Logger log = LoggerFactory.getLogger(ReplicaReads.class);

	/** How long a measured lag is reused: every dashboard page asks, two small queries each. */
	private static final Duration LAG_KEPT = Duration.ofSeconds(1);

	private enum Target {
		PRIMARY, REPLICA
	}

	private static final ThreadLocal<Target> TARGET = new ThreadLocal<>();

	private final DataSource primary;
	private final DataSource replica;
	private final Duration lagShownFrom;
	private final Duration retryAfter;
	private final Clock clock;
	private final JdbcClient jdbc;
	private final TransactionTemplate reads;

	private volatile boolean down;
	private volatile Instant retryAt = Instant.MIN;
	private volatile MeasuredLag measured;

	private record MeasuredLag(Instant at, Optional<Lag> lag) {
	}

	/**
	 * @param primary the application's database
	 * @param replica the read replica, or {@code null} when there is none (everything then reads from the primary)
	 * @param lagShownFrom the lag from which {@link #lag()} reports it
	 * @param retryAfter how long an unreachable replica is left alone before it is tried again
	 */
	public ReplicaReads(DataSource primary, DataSource replica, Duration lagShownFrom, Duration retryAfter,
			Clock clock) {
		this.primary = primary;
		this.replica = replica;
		this.lagShownFrom = lagShownFrom;
		this.retryAfter = retryAfter;
		this.clock = clock;
		DataSource routed = new Routed(primary, replica);
		this.jdbc = JdbcClient.create(routed);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(routed);
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
	}

	/** Whether a replica is configured (not whether it answers). */
	public boolean configured() {
		return replica != null;
	}

	/** Whether the reads go to the replica now: one is configured and it answered last time. */
	public boolean onReplica() {
		return replica != null && !down;
	}

	/**
	 * The client that {@link #read(Supplier) read}'s work uses: on the replica, or on the primary when there is none
	 * or it is unreachable. Outside that work it reads from the primary, outside any transaction of the application.
	 */
	public JdbcClient jdbc() {
		return jdbc;
	}

	/** Runs {@code work} in a read-only transaction on the replica, or on the primary when it cannot. */
	public <T> T read(Supplier<T> work) {
		if (TARGET.get() != null) {
			return work.get(); // already inside a read: the same transaction
		}
		if (replica != null && (!down || !clock.instant().isBefore(retryAt))) {
			TARGET.set(Target.REPLICA);
			try {
				T result = reads.execute(status -> work.get());
				answered();
				return result;
			}
			catch (TransactionException | DataAccessResourceFailureException unreachable) {
				unreachable(unreachable);
			}
			finally {
				TARGET.remove();
			}
		}
		TARGET.set(Target.PRIMARY);
		try {
			return reads.execute(status -> work.get());
		}
		finally {
			TARGET.remove();
		}
	}

	private void answered() {
		if (down) {
			synchronized (this) {
				if (down) {
					down = false;
					log.info("Replika basis data menjawab lagi: bacaan dasbor, rekap dan peta kembali ke replika");
				}
			}
		}
	}

	private void unreachable(RuntimeException e) {
		synchronized (this) {
			retryAt = clock.instant().plus(retryAfter);
			if (!down) {
				down = true;
				log.warn("Replika basis data tidak terjangkau ({}): bacaan dasbor, rekap dan peta ke server utama; "
						+ "dicoba lagi setiap {} detik", rootMessage(e), retryAfter.toSeconds());
			}
		}
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	/**
	 * How far behind the primary the replica's data is, when reads go to the replica and it is behind by at least
	 * {@code pantau.db.replica.lag-shown-from}. Behind means that the replica has not replayed all the write-ahead log
	 * the primary has written; only then is the age of its last replayed transaction a lag (on a primary with nothing
	 * to write that age grows while the replica is fully up to date).
	 */
	public Optional<Lag> lag() {
		if (!onReplica()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		MeasuredLag last = measured;
		if (last != null && last.at().plus(LAG_KEPT).isAfter(now)) {
			return last.lag();
		}
		Optional<Lag> lag = measure();
		measured = new MeasuredLag(now, lag);
		return lag;
	}

	private Optional<Lag> measure() {
		try {
			Position position = JdbcClient.create(replica).sql("""
					select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replayed,
					  pg_last_xact_replay_timestamp() as replayed_at,
					  extract(epoch from now() - pg_last_xact_replay_timestamp()) as age""")
					.query((rs, n) -> new Position(rs.getBoolean("standby"), rs.getString("replayed"),
							rs.getTimestamp("replayed_at"), rs.getDouble("age")))
					.single();
			if (!position.standby() || position.replayed() == null || position.replayedAt() == null) {
				return Optional.empty(); // not replaying (a promoted or plain server), or nothing replayed yet
			}
			Long missing = JdbcClient.create(primary)
					.sql("select pg_wal_lsn_diff(pg_current_wal_lsn(), cast(:replayed as pg_lsn))::bigint")
					.param("replayed", position.replayed()).query(Long.class).single();
			Duration behind = Duration.ofMillis(Math.round(position.age() * 1000));
			if (missing == null || missing <= 0 || behind.compareTo(lagShownFrom) < 0) {
				return Optional.empty();
			}
			return Optional.of(new Lag(position.replayedAt().toInstant(), behind));
		}
		catch (DataAccessException e) {
			log.debug("Ketertinggalan replika tidak terukur", e);
			return Optional.empty();
		}
	}

	private record Position(boolean standby, String replayed, Timestamp replayedAt, double age) {
	}

	/** Closes the replica's connections (the primary's are the application's). */
	@Override
	public void close() throws Exception {
		if (replica instanceof AutoCloseable pool) {
			pool.close();
		}
	}

	/** The replica while a read runs on it, else the primary. */
	private static final class Routed extends DelegatingDataSource {

		private final DataSource replica;

		Routed(DataSource primary, DataSource replica) {
			super(primary);
			this.replica = replica;
		}

		@Override
		public Connection getConnection() throws SQLException {
			return target().getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return target().getConnection(username, password);
		}

		private DataSource target() {
			return TARGET.get() == Target.REPLICA && replica != null ? replica : obtainTargetDataSource();
		}
	}
}
