package id.pantau.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting an attacker lock the real user out.
 * <ul>
 * <li>Per account and address: after {@value #PAIR_FREE} failures, each further attempt from that address waits,
 * doubling from 30 seconds up to 15 minutes.</li>
 * <li>Per address, over all accounts: after {@value #ADDRESS_FREE} failures the address waits the same way (one
 * machine trying many accounts).</li>
 * <li>Per account, over all addresses: after {@value #ACCOUNT_FREE} failures, attempts wait, but not from an address
 * where the account signed in successfully before: the real user at its usual place still gets in while someone
 * elsewhere guesses.</li>
 * </ul>
 * While an attempt must wait, the password is not even checked. Counters are forgotten after a quiet hour and on a
 * successful login. They live in PostgreSQL ({@code login_failure}, {@code login_trusted_address}), not in one
 * instance's memory: several instances give a guesser no more attempts than one, and a login on any clears them for
 * all. Each counter is one row changed by one statement, so there is nothing to lock across instances.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LoginThrottle {

	static final int PAIR_FREE = 5;
	static final int ADDRESS_FREE = 20;
	static final int ACCOUNT_FREE = 10;
	private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
	private static final Duration MAX_WAIT = Duration.ofMinutes(15);
	private static final Duration FORGET_AFTER = Duration.ofHours(1);
	private static final Duration TRUSTED_FOR = Duration.ofDays(30);
	/** Longer typed names are no account's (at most 40 characters): they are counted by their hash. */
	private static final int LONGEST_KEPT = 64;

	private final JdbcClient jdbc;
	private final Clock clock;

	private record Counter(int failures, Instant last) {
	}

	/** How long an attempt for this account from this address must still wait; empty when it may go ahead. */
	public Optional<Duration> waitFor(String username, String address) {
		Instant now = now();
		String account = normal(username);
		Map<String, Counter> counters = jdbc.sql("select key, failures, last_at from login_failure where key in (?, ?, ?)")
				.params(pair(account, address), ip(address), user(account))
				.query((rs, n) -> Map.entry(rs.getString(1), new Counter(rs.getInt(2), rs.getTimestamp(3).toInstant())))
				.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Duration wait = Duration.ZERO;
		wait = max(wait, remaining(counters.get(pair(account, address)), PAIR_FREE, now));
		wait = max(wait, remaining(counters.get(ip(address)), ADDRESS_FREE, now));
		if (!isTrusted(account, address, now)) {
			wait = max(wait, remaining(counters.get(user(account)), ACCOUNT_FREE, now));
		}
		return wait.isZero() ? Optional.empty() : Optional.of(wait);
	}

	public void failed(String username, String address) {
		Instant now = now();
		String account = normal(username);
		increment(List.of(pair(account, address), ip(address), user(account)), now);
		forgetQuietCounters(now);
	}

	/**
	 * A wrong second-factor code: it counts for the account (from this address and over all) but not for the address
	 * over all accounts, as whoever types it knew the password.
	 */
	public void codeFailed(String username, String address) {
		Instant now = now();
		String account = normal(username);
		increment(List.of(pair(account, address), user(account)), now);
	}

	public void succeeded(String username, String address) {
		Instant now = now();
		String account = normal(username);
		jdbc.sql("""
				delete from login_failure where key in (select key from login_failure where key in (?, ?) order by key
				for update)""").params(pair(account, address), user(account)).update();
		jdbc.sql("""
				insert into login_trusted_address (username, address, trusted_at) values (?, ?, ?)
				on conflict (username, address) do update set trusted_at = excluded.trusted_at""")
				.params(account, address, Timestamp.from(now)).update();
		// rows other transactions hold are left for a later login: nobody waits for a cleanup
		jdbc.sql("""
				delete from login_trusted_address where (username, address) in (select username, address
				from login_trusted_address where trusted_at < ? for update skip locked)""")
				.param(Timestamp.from(now.minus(TRUSTED_FOR))).update();
	}

	/** Now, as PostgreSQL keeps it (to the microsecond), so that a wait computed from a stored time is exact. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private boolean isTrusted(String account, String address, Instant now) {
		return jdbc.sql("select trusted_at from login_trusted_address where username = ? and address = ?")
				.params(account, address).query(Timestamp.class).optional()
				.map(since -> since.toInstant().plus(TRUSTED_FOR).isAfter(now)).orElse(false);
	}

	private static Duration remaining(Counter counter, int free, Instant now) {
		if (counter == null || counter.failures() < free || counter.last().plus(FORGET_AFTER).isBefore(now)) {
			return Duration.ZERO;
		}
		int over = Math.min(counter.failures() - free, 10);
		Duration wait = FIRST_WAIT.multipliedBy(1L << over);
		if (wait.compareTo(MAX_WAIT) > 0) {
			wait = MAX_WAIT;
		}
		Duration left = Duration.between(now, counter.last().plus(wait));
		return left.isNegative() ? Duration.ZERO : left;
	}

	/** One more failure on each counter, in one statement; a counter quiet for an hour starts again from one. */
	private void increment(List<String> keys, Instant now) {
		// rows are locked in the order of their keys here and in succeeded(): a failure and a login of the same account
		// in two transactions at once wait for each other, never in a circle
		jdbc.sql("""
				insert into login_failure as f (key, failures, last_at)
				select key, 1, :now from unnest(array[:keys]::text[]) as key order by key
				on conflict (key) do update set last_at = excluded.last_at,
				  failures = case when f.last_at < :forgotten then 1 else f.failures + 1 end""")
				.param("keys", keys).param("now", Timestamp.from(now))
				.param("forgotten", Timestamp.from(now.minus(FORGET_AFTER))).update();
	}

	/** Deletes the counters an hour quiet: they count for nothing any more (as {@link #remaining} reads them). */
	private void forgetQuietCounters(Instant now) {
		jdbc.sql("""
				delete from login_failure where key in (select key from login_failure where last_at < ?
				for update skip locked)""").param(Timestamp.from(now.minus(FORGET_AFTER))).update();
	}

	private static String pair(String account, String address) {
		return "pair:" + account + "|" + address;
	}

	private static String ip(String address) {
		return "ip:" + address;
	}

	private static String user(String account) {
		return "user:" + account;
	}

	private static String normal(String username) {
		String account = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		return account.length() <= LONGEST_KEPT ? account : "sha256:" + sha256(account);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}
}
