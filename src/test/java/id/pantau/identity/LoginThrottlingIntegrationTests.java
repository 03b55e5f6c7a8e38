package id.pantau.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.pantau.PantauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Each test guesses from addresses of its own, so that its failures do not slow down other tests' logins. */
@PantauIntegrationTest
class LoginThrottlingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void afterFiveWrongPasswordsEvenTheRightOneWaitsAndTheUserIsToldHowLong() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(login("timpora.polres", "tebakan-" + i, "198.51.100.7").getRedirectedUrl())
					.isEqualTo("/login?error");
		}
		MockHttpServletResponse held = login("timpora.polres", "tual-demo-2026", "198.51.100.7");
		assertThat(held.getRedirectedUrl()).startsWith("/login?wait=");
		assertThat(Integer.parseInt(held.getHeader("Retry-After"))).isBetween(1, 30);
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_event where action = 'LOGIN_THROTTLED' and actor = 'timpora.polres'",
				Long.class)).isPositive();
	}

	@Test
	void guessingFromOneAddressDoesNotKeepTheRealUserOutElsewhere() throws Exception {
		for (int i = 0; i < 8; i++) {
			login("ohoi.taar", "tebakan-" + i, "203.0.113.66");
		}
		assertThat(login("ohoi.taar", "tual-demo-2026", "203.0.113.66").getRedirectedUrl())
				.startsWith("/login?wait=");
		assertThat(login("ohoi.taar", "tual-demo-2026", "192.0.2.44").getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void oneAddressGuessingManyAccountsIsHeldBack() throws Exception {
		for (int i = 0; i < 20; i++) {
			login("akun" + i, "tebakan", "203.0.113.99");
		}
		assertThat(login("kesbangpol", "tual-demo-2026", "203.0.113.99").getRedirectedUrl())
				.startsWith("/login?wait=");
	}

	private MockHttpServletResponse login(String username, String password, String address) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
				.with(request -> {
					request.setRemoteAddr(address);
					return request;
				})).andReturn().getResponse();
	}
}
