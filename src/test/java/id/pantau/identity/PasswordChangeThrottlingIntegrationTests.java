package id.pantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.identity.domain.AccountSeeding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whoever holds a session (a borrowed phone, a stolen cookie) cannot use the password change to guess the current
 * password: each wrong guess is audited and counts like a failed login, and after a few the form waits.
 */
@PantauIntegrationTest
class PasswordChangeThrottlingIntegrationTests {

	private static final String NEW_PASSWORD = "Sampan biru di teluk Tual pagi hari";

	@LocalServerPort
	int port;

	@Autowired
	AccountSeeding seeding;

	@Autowired
	JdbcClient jdbc;

	@Test
	void wrongCurrentPasswordsAreAuditedAndThenTheChangeWaitsEvenWithTheRightOne() {
		String username = "tebak.sandi" + System.nanoTime() % 100000;
		seeding.seed(username, "Penebak Sandi", Role.BPMPD, Agency.BPMPD, "81.72", WebSession.DEMO_PASSWORD, false);
		WebSession session = WebSession.loggedIn(port, username);

		for (int i = 0; i < 5; i++) {
			HttpResponse<String> guess = change(session, "tebakan-" + i);
			assertThat(guess.statusCode()).isEqualTo(200);
			assertThat(guess.body()).contains("Kata sandi sekarang salah.");
		}
		HttpResponse<String> held = change(session, WebSession.DEMO_PASSWORD);

		assertThat(held.statusCode()).as("not changed").isEqualTo(200);
		assertThat(held.body()).contains("Terlalu banyak percobaan");
		assertThat(failures(username, "currentWrong")).isEqualTo(5);
		assertThat(failures(username, "throttled")).isEqualTo(1);
		assertThat(session.get("/").statusCode()).as("the session itself goes on").isEqualTo(200);
		assertThat(new WebSession(port).passwordStep(username, WebSession.DEMO_PASSWORD).statusCode())
				.as("the password is unchanged").isEqualTo(302);
	}

	@Test
	void theRightCurrentPasswordStillChangesItWhenNobodyGuessed() {
		String username = "ganti.sandi" + System.nanoTime() % 100000;
		seeding.seed(username, "Ganti Sandi", Role.BPMPD, Agency.BPMPD, "81.72", WebSession.DEMO_PASSWORD, false);
		WebSession session = WebSession.loggedIn(port, username);

		HttpResponse<String> changed = change(session, WebSession.DEMO_PASSWORD);

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(failures(username, "currentWrong")).isZero();
	}

	/** Issue 16: a list of 2,108 words let these through. */
	@Test
	void guessableNewPasswordsAndThePublishedDemoPasswordAreRefusedOnThePage() {
		String username = "sandi.lemah" + System.nanoTime() % 100000;
		seeding.seed(username, "Sandi Lemah", Role.BPMPD, Agency.BPMPD, "81.72", "Perahu kecil di Ohoi Dullah",
				false);
		WebSession session = new WebSession(port);
		assertThat(session.login(username, "Perahu kecil di Ohoi Dullah").statusCode()).isEqualTo(302);
		for (String weak : new String[] { "password1234", "qwertyuiop12" }) {
			HttpResponse<String> refused = session.post("/akun/sandi",
					Map.of("current", "Perahu kecil di Ohoi Dullah", "password", weak, "confirmation", weak));
			assertThat(refused.statusCode()).as(weak).isEqualTo(200);
			assertThat(refused.body()).as(weak).contains("mudah ditebak");
		}
		HttpResponse<String> demo = session.post("/akun/sandi", Map.of("current", "Perahu kecil di Ohoi Dullah",
				"password", WebSession.DEMO_PASSWORD, "confirmation", WebSession.DEMO_PASSWORD));
		assertThat(demo.statusCode()).isEqualTo(200);
		assertThat(demo.body()).contains("diumumkan untuk akun demo");
	}

	private static HttpResponse<String> change(WebSession session, String current) {
		return session.post("/akun/sandi",
				Map.of("current", current, "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
	}

	private long failures(String username, String reason) {
		return jdbc.sql("""
				select count(*) from audit_event where action = 'PASSWORD_CHANGE_FAILED' and actor = :actor
				and details::jsonb ->> 'reason' = :reason""").param("actor", username).param("reason", reason)
				.query(Long.class).single();
	}
}
