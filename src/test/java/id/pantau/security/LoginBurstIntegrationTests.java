package id.pantau.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.pantau.PantauIntegrationTest;
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
		int answered429 = 0;
		MockHttpServletResponse last = null;
		// a minute boundary may fall in the middle: the limit plus a few more attempts always reach it
		for (int i = 0; i < limit + 20 && answered429 == 0; i++) {
			last = attempt("akun" + (i % 7), address, "text/html");
			if (last.getStatus() == 429) {
				answered429++;
			}
		}
		assertThat(last.getStatus()).isEqualTo(429);
		assertThat(Integer.parseInt(last.getHeader("Retry-After"))).isBetween(1, 60);
		assertThat(last.getContentAsString()).contains("Terlalu banyak percobaan masuk").doesNotContain("Exception");

		MockHttpServletResponse api = attempt("kesbangpol", address, "application/json");
		assertThat(api.getStatus()).isEqualTo(429);
		assertThat(api.getContentType()).startsWith("application/problem+json");
		assertThat(api.getContentAsString()).contains("\"status\":429").contains("Terlalu banyak percobaan");

		assertThat(attempt("kesbangpol", "198.51.100.202", "text/html").getStatus()).as("another address")
				.isEqualTo(302);
	}

	private MockHttpServletResponse attempt(String username, String address, String accept) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", "salah").header("Accept", accept)
				.with(csrf()).with(request -> {
					request.setRemoteAddr(address);
					return request;
				})).andReturn().getResponse();
	}
}
