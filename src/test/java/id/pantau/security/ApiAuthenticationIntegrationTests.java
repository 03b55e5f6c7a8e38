package id.pantau.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import id.pantau.identity.domain.AccountSeeding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API client is never sent to the login page: without a session or token, with a session that may not use the API
 * yet, or without a CSRF token and without a session, it gets 401 as a problem detail in Indonesian with a
 * {@code WWW-Authenticate} challenge, whatever it accepts. Pages still send a browser to the login page.
 */
@PantauIntegrationTest
class ApiAuthenticationIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AccountSeeding seeding;

	@Test
	void anApiCallWithoutSessionOrTokenGets401AsAProblemWhateverItAccepts() {
		for (String accept : new String[] { "application/json", "application/problem+json", "*/*",
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" }) {
			assertUnauthorized(send("GET", "/api/v1/persons", accept), accept);
			assertUnauthorized(send("GET", "/api/v1/reports/1", accept), accept);
		}
	}

	@Test
	void anAnonymousPostToTheApiGets401NotACsrf403() {
		assertUnauthorized(send("POST", "/api/v1/persons", "application/json"), "POST");
		assertUnauthorized(send("PUT", "/api/v1/persons/1", "application/json"), "PUT");
	}

	@Test
	void aSessionThatMustChangeItsPasswordGets401FromTheApi() {
		String username = "sandi.wajib" + System.nanoTime() % 100000;
		seeding.seed(username, "Wajib Ganti", Role.BPMPD, Agency.BPMPD, "81.72", WebSession.DEMO_PASSWORD, true);
		WebSession session = new WebSession(port);
		assertThat(WebSession.location(session.login(username, WebSession.DEMO_PASSWORD))).endsWith("/akun/sandi");

		HttpResponse<String> answer = session.json("GET", "/api/v1/persons", null);

		assertUnauthorized(answer, "must change password");
		assertThat(detail(answer)).contains("sandi");
		assertThat(WebSession.location(session.get("/orang-asing"))).as("pages still lead to the change")
				.endsWith("/akun/sandi");
	}

	@Test
	void aSessionWaitingForItsSecondFactorGets401AsAProblem() {
		WebSession session = new WebSession(port);
		assertThat(WebSession.location(session.passwordStep("imigrasi", WebSession.DEMO_PASSWORD)))
				.endsWith("/login/kode");

		assertUnauthorized(session.json("GET", "/api/v1/persons", null), "second factor pending");
	}

	@Test
	void pagesStillSendABrowserToTheLoginPage() {
		HttpResponse<String> page = send("GET", "/orang-asing", "text/html");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(page)).endsWith("/login");
	}

	@Test
	void aSignedInSessionWithoutCsrfTokenIsStillRefusedWith403() {
		WebSession session = WebSession.loggedIn(port, "ohoi.fiditan");
		HttpResponse<String> answer = session.jsonWithoutCsrf("POST", "/api/v1/persons", "{}");
		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

	private void assertUnauthorized(HttpResponse<String> answer, String when) {
		assertThat(answer.statusCode()).as(when + ": " + answer.headers().map()).isEqualTo(401);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(when)
				.startsWith("application/problem+json");
		assertThat(answer.headers().firstValue("WWW-Authenticate").orElse("")).as(when).startsWith("Bearer");
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.path("status").asInt()).isEqualTo(401);
		assertThat(problem.path("title").asString()).as("Indonesian title").isEqualTo("Belum masuk");
		assertThat(problem.path("detail").asString()).as(when).isNotBlank().doesNotContain("token is");
	}

	private static String detail(HttpResponse<String> answer) {
		return JSON.readTree(answer.body()).path("detail").asString();
	}

	private HttpResponse<String> send(String method, String path, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept", accept);
		if (method.equals("GET")) {
			request.GET();
		}
		else {
			request.header("Content-Type", "application/json").method(method,
					HttpRequest.BodyPublishers.ofString("{\"primaryName\": \"Uji\"}"));
		}
		try {
			return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(request.build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
