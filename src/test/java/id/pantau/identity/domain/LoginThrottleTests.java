package id.pantau.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

	private final MutableClock clock = new MutableClock();
	private final LoginThrottle throttle = new LoginThrottle(clock);

	@Test
	void letsTheFirstFailuresThroughThenMakesTheSameAddressWait() {
		for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) {
			assertThat(throttle.waitFor("bpmpd", "10.0.0.1")).isEmpty();
			throttle.failed("bpmpd", "10.0.0.1");
		}
		assertThat(throttle.waitFor("bpmpd", "10.0.0.1")).hasValue(Duration.ofSeconds(30));
		clock.advance(Duration.ofSeconds(31));
		assertThat(throttle.waitFor("bpmpd", "10.0.0.1")).isEmpty();
	}

	@Test
	void theWaitDoublesWithEachFurtherFailureUpToFifteenMinutes() {
		for (int i = 0; i < LoginThrottle.PAIR_FREE + 1; i++) {
			throttle.failed("bpmpd", "10.0.0.1");
		}
		assertThat(throttle.waitFor("bpmpd", "10.0.0.1")).hasValue(Duration.ofSeconds(60));
		for (int i = 0; i < 20; i++) {
			throttle.failed("bpmpd", "10.0.0.1");
		}
		assertThat(throttle.waitFor("bpmpd", "10.0.0.1")).hasValue(Duration.ofMinutes(15));
	}

	@Test
	void userNamesDifferingOnlyInCaseAreOneAccount() {
		for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) {
			throttle.failed(i % 2 == 0 ? "BPMPD" : " bpmpd ", "10.0.0.1");
		}
		assertThat(throttle.waitFor("bpmpd", "10.0.0.1")).isPresent();
	}

	@Test
	void guessingFromElsewhereDoesNotLockOutTheRealUserAtItsUsualAddress() {
		throttle.succeeded("kesbangpol", "192.0.2.10");
		for (int i = 0; i < 50; i++) {
			throttle.failed("kesbangpol", "198.51.100." + i);
		}
		assertThat(throttle.waitFor("kesbangpol", "203.0.113.9")).as("a new address waits").isPresent();
		assertThat(throttle.waitFor("kesbangpol", "192.0.2.10")).as("the usual address does not").isEmpty();
	}

	@Test
	void oneAddressTryingManyAccountsWaits() {
		for (int i = 0; i < LoginThrottle.ADDRESS_FREE; i++) {
			throttle.failed("user" + i, "10.0.0.7");
		}
		assertThat(throttle.waitFor("someone-else", "10.0.0.7")).isPresent();
		assertThat(throttle.waitFor("someone-else", "10.0.0.8")).isEmpty();
	}

	@Test
	void aSuccessfulLoginClearsTheAccountsFailures() {
		for (int i = 0; i < LoginThrottle.PAIR_FREE - 1; i++) {
			throttle.failed("bpmpd", "10.0.0.1");
		}
		throttle.succeeded("bpmpd", "10.0.0.1");
		throttle.failed("bpmpd", "10.0.0.1");
		assertThat(throttle.waitFor("bpmpd", "10.0.0.1")).isEmpty();
	}

	@Test
	void failuresAreForgottenAfterAQuietHour() {
		for (int i = 0; i < 30; i++) {
			throttle.failed("bpmpd", "10.0.0.1");
		}
		clock.advance(Duration.ofMinutes(61));
		assertThat(throttle.waitFor("bpmpd", "10.0.0.1")).isEmpty();
		throttle.failed("bpmpd", "10.0.0.1");
		assertThat(throttle.waitFor("bpmpd", "10.0.0.1")).isEmpty();
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-27T00:00:00Z");

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
