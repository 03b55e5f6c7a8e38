package id.pantau.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** A burst of login attempts from one address is answered 429 with Retry-After, before any password is checked. */
@PantauIntegrationTest
class LoginBurstIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Value("${pantau.security.login-burst-per-minute}")
	int limit;

	@Test
	void moreAttemptsThanTheLimitInAMinuteAreAnswered429InIndonesian() throws Exception {
		String address = "198.51.100.201";
		// accounts nobody has: the failures these attempts leave in the per-account throttle hold back no other test
		String nobody = "serbuan-" + ThreadLocalRandom.current().nextInt(1_000_000) + "-";
		// the count is per clock minute: the clock stands still, or a slow run would cross into the next minute
		Instant minute = TestClock.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
		TestClock.freezeAt(minute.plusSeconds(15));
		try {
			for (int i = 0; i < limit; i++) {
				assertThat(attempt(nobody + i, address, "text/html").getStatus()).as("attempt %d", i + 1)
						.isEqualTo(302);
			}
			MockHttpServletResponse refused = attempt(nobody + "x", address, "text/html");
			assertThat(refused.getStatus()).isEqualTo(429);
			assertThat(refused.getHeader("Retry-After")).isEqualTo("45");
			assertThat(refused.getContentAsString()).contains("Terlalu banyak percobaan masuk").doesNotContain("Exception");

			MockHttpServletResponse api = attempt(nobody + "api", address, "application/json");
			assertThat(api.getStatus()).isEqualTo(429);
			assertThat(api.getContentType()).startsWith("application/problem+json");
			assertThat(api.getContentAsString()).contains("\"status\":429").contains("Terlalu banyak percobaan");

			assertThat(attempt(nobody + "y", "198.51.100.202", "text/html").getStatus()).as("another address")
					.isEqualTo(302);

			TestClock.freezeAt(minute.plusSeconds(60));
			assertThat(attempt(nobody + "z", address, "text/html").getStatus()).as("the next minute").isEqualTo(302);
		}
		finally {
			TestClock.release();
		}
	}

	private MockHttpServletResponse attempt(String username, String address, String accept) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", "salah").header("Accept", accept)
				.with(csrf()).with(request -> {
					request.setRemoteAddr(address);
					return request;
				})).andReturn().getResponse();
	}
}
