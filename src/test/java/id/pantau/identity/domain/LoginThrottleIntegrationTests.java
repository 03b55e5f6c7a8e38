package id.pantau.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The throttle's rules, on its table in PostgreSQL with a clock of its own. Two throttles on the one database stand for
 * two instances. Every test guesses with account names and addresses of its own: the table is the whole suite's.
 */
@PantauIntegrationTest
class LoginThrottleIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	private final MutableClock clock = new MutableClock();
	private final String tag = "th" + ThreadLocalRandom.current().nextInt(1_000_000_000);
	private final String address = "10.77." + ThreadLocalRandom.current().nextInt(256) + "."
			+ ThreadLocalRandom.current().nextInt(256) + "-" + tag;

	private LoginThrottle throttle() {
		return new LoginThrottle(jdbc, clock);
	}

	private String account(String name) {
		return name + "-" + tag;
	}

	@Test
	void letsTheFirstFailuresThroughThenMakesTheSameAddressWait() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) {
			assertThat(throttle.waitFor(account("bpmpd"), address)).isEmpty();
			throttle.failed(account("bpmpd"), address);
		}
		assertThat(throttle.waitFor(account("bpmpd"), address)).hasValue(Duration.ofSeconds(30));
		clock.advance(Duration.ofSeconds(31));
		assertThat(throttle.waitFor(account("bpmpd"), address)).isEmpty();
	}

	@Test
	void theWaitDoublesWithEachFurtherFailureUpToFifteenMinutes() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < LoginThrottle.PAIR_FREE + 1; i++) {
			throttle.failed(account("bpmpd"), address);
		}
		assertThat(throttle.waitFor(account("bpmpd"), address)).hasValue(Duration.ofSeconds(60));
		for (int i = 0; i < 20; i++) {
			throttle.failed(account("bpmpd"), address);
		}
		assertThat(throttle.waitFor(account("bpmpd"), address)).hasValue(Duration.ofMinutes(15));
	}

	@Test
	void userNamesDifferingOnlyInCaseAreOneAccount() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) {
			throttle.failed(i % 2 == 0 ? account("BPMPD") : " " + account("bpmpd") + " ", address);
		}
		assertThat(throttle.waitFor(account("bpmpd"), address)).isPresent();
	}

	@Test
	void guessingFromElsewhereDoesNotLockOutTheRealUserAtItsUsualAddress() {
		LoginThrottle throttle = throttle();
		throttle.succeeded(account("kesbangpol"), "192.0.2.10-" + tag);
		for (int i = 0; i < 50; i++) {
			throttle.failed(account("kesbangpol"), "198.51.100." + i + "-" + tag);
		}
		assertThat(throttle.waitFor(account("kesbangpol"), "203.0.113.9-" + tag)).as("a new address waits").isPresent();
		assertThat(throttle.waitFor(account("kesbangpol"), "192.0.2.10-" + tag)).as("the usual address does not")
				.isEmpty();
	}

	@Test
	void oneAddressTryingManyAccountsWaits() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < LoginThrottle.ADDRESS_FREE; i++) {
			throttle.failed(account("user" + i), address);
		}
		assertThat(throttle.waitFor(account("someone-else"), address)).isPresent();
		assertThat(throttle.waitFor(account("someone-else"), address + "-other")).isEmpty();
	}

	@Test
	void aSuccessfulLoginClearsTheAccountsFailures() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < LoginThrottle.PAIR_FREE - 1; i++) {
			throttle.failed(account("bpmpd"), address);
		}
		throttle.succeeded(account("bpmpd"), address);
		throttle.failed(account("bpmpd"), address);
		assertThat(throttle.waitFor(account("bpmpd"), address)).isEmpty();
	}

	@Test
	void failuresAreForgottenAfterAQuietHour() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < 30; i++) {
			throttle.failed(account("bpmpd"), address);
		}
		clock.advance(Duration.ofMinutes(61));
		assertThat(throttle.waitFor(account("bpmpd"), address)).isEmpty();
		throttle.failed(account("bpmpd"), address);
		assertThat(throttle.waitFor(account("bpmpd"), address)).isEmpty();
	}

	@Test
	void countersAnHourQuietAreDeletedByTheNextFailure() {
		LoginThrottle throttle = throttle();
		throttle.failed(account("lama"), address);
		clock.advance(Duration.ofMinutes(61));
		throttle.failed(account("baru"), address + "-other");
		assertThat(jdbc.sql("select count(*) from login_failure where key like ?").param("%" + account("lama") + "%")
				.query(Long.class).single()).isZero();
	}

	@Test
	void failuresOnTwoInstancesCountTogetherAndALoginOnEitherClearsThem() {
		LoginThrottle first = throttle();
		LoginThrottle second = throttle();
		for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) {
			(i % 2 == 0 ? first : second).failed(account("ohoi"), address);
		}
		assertThat(first.waitFor(account("ohoi"), address)).as("the first instance").isPresent();
		assertThat(second.waitFor(account("ohoi"), address)).as("the second instance").isPresent();

		second.succeeded(account("ohoi"), address);
		assertThat(first.waitFor(account("ohoi"), address)).isEmpty();
	}

	@Test
	void aNameLongerThanAnyAccountIsCountedByItsHash() {
		LoginThrottle throttle = throttle();
		String huge = account("x".repeat(100_000));
		for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) {
			throttle.failed(huge, address);
		}
		assertThat(throttle.waitFor(huge.toUpperCase(java.util.Locale.ROOT), address)).isPresent();
	}

	/** A clock of the test's own, starting at the suite's "now" so that other tests' counters are not an hour old. */
	static final class MutableClock extends Clock {

		private Instant now = TestClock.now();

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
