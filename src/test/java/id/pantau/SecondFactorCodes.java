package id.pantau;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import id.pantau.identity.domain.Totp;
import id.pantau.identity.domain.TotpTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What a user's authenticator app does, for tests: the code of an account's secret. The application refuses a code
 * it accepted before, and the tests log the same account in many times a minute; so the server's TOTP time (the bean
 * below) and these codes share a clock that moves one 30-second step ahead before each login, as a person waits for
 * the next code. The rule against reuse stays on and is tested itself.
 */
public final class SecondFactorCodes {

	/** The published secret of the demo accounts whose role needs a second factor (see the README). */
	public static final String DEMO_SECRET = "PANTAUDEMOKOTATUALMALUKUINDONESI";

	private static final AtomicLong STEPS_AHEAD = new AtomicLong();
	private static final Map<String, String> SECRETS = new ConcurrentHashMap<>(
			Map.of("kesbangpol", DEMO_SECRET, "imigrasi", DEMO_SECRET, "admin", DEMO_SECRET));

	private SecondFactorCodes() {
	}

	public static Instant now() {
		return Instant.now().plusSeconds(STEPS_AHEAD.get() * Totp.STEP_SECONDS);
	}

	/** The code for the next login of this account, one step after the last; null when its secret is unknown. */
	public static String nextCode(String username) {
		String secret = SECRETS.get(username);
		if (secret == null) {
			return null;
		}
		STEPS_AHEAD.incrementAndGet();
		return Totp.code(secret, now());
	}

	/** The code the app shows at this moment, without moving on (to try a code twice). */
	public static String currentCode(String secret) {
		return Totp.code(secret, now());
	}

	public static void advance() {
		STEPS_AHEAD.incrementAndGet();
	}

	/** Remembers the secret an account was shown when it enrolled, as its owner's app does. */
	public static void remember(String username, String secret) {
		SECRETS.put(username, secret.replace(" ", ""));
	}

	public static void forget(String username) {
		SECRETS.remove(username);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Clock {

		@Bean
		TotpTime totpTime() {
			return SecondFactorCodes::now;
		}
	}
}
