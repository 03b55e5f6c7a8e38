package id.pantau.identity.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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
 * successful login.
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

	private final Clock clock;
	private final Map<String, Counter> counters = new ConcurrentHashMap<>();
	private final Map<String, Instant> trusted = new ConcurrentHashMap<>();

	private record Counter(int failures, Instant last) {
	}

	/** How long an attempt for this account from this address must still wait; empty when it may go ahead. */
	public Optional<Duration> waitFor(String username, String address) {
		Instant now = clock.instant();
		String account = normal(username);
		Duration wait = Duration.ZERO;
		wait = max(wait, remaining(pair(account, address), PAIR_FREE, now));
		wait = max(wait, remaining("ip:" + address, ADDRESS_FREE, now));
		if (!isTrusted(account, address, now)) {
			wait = max(wait, remaining("user:" + account, ACCOUNT_FREE, now));
		}
		return wait.isZero() ? Optional.empty() : Optional.of(wait);
	}

	public void failed(String username, String address) {
		Instant now = clock.instant();
		String account = normal(username);
		increment(pair(account, address), now);
		increment("ip:" + address, now);
		increment("user:" + account, now);
		if (counters.size() > 100_000) {
			counters.entrySet().removeIf(e -> e.getValue().last().plus(FORGET_AFTER).isBefore(now));
		}
	}

	/**
	 * A wrong second-factor code: it counts for the account (from this address and over all) but not for the address
	 * over all accounts, as whoever types it knew the password.
	 */
	public void codeFailed(String username, String address) {
		Instant now = clock.instant();
		String account = normal(username);
		increment(pair(account, address), now);
		increment("user:" + account, now);
	}

	public void succeeded(String username, String address) {
		String account = normal(username);
		counters.remove(pair(account, address));
		counters.remove("user:" + account);
		trusted.put(pair(account, address), clock.instant());
	}

	private boolean isTrusted(String account, String address, Instant now) {
		Instant since = trusted.get(pair(account, address));
		return since != null && since.plus(TRUSTED_FOR).isAfter(now);
	}

	private Duration remaining(String key, int free, Instant now) {
		Counter counter = counters.get(key);
		if (counter == null || counter.failures() < free) {
			return Duration.ZERO;
		}
		if (counter.last().plus(FORGET_AFTER).isBefore(now)) {
			counters.remove(key, counter);
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

	private void increment(String key, Instant now) {
		counters.merge(key, new Counter(1, now), (old, one) -> new Counter(
				old.last().plus(FORGET_AFTER).isBefore(now) ? 1 : old.failures() + 1, now));
	}

	private static String pair(String account, String address) {
		return account + "|" + address;
	}

	private static String normal(String username) {
		return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}
}
