package id.pantau.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;

import id.pantau.PantauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Behind the reverse proxy that docs/dpia.md recommends, the client's address comes from X-Forwarded-For and the
 * scheme from X-Forwarded-Proto, but only when the request comes from a trusted proxy (here: loopback, the default):
 * login throttling and the audit trail see the client, and a TLS connection gets Secure cookies and HSTS. Anyone else
 * cannot forge its address with the header.
 */
@PantauIntegrationTest
class ForwardedHeadersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTrustedProxysForwardedAddressIsTheOneAuditedAndThrottled() {
		String client = "203.0.113.161";
		String username = "tidak.ada." + System.nanoTime();

		HttpResponse<String> failed = login("127.0.0.1", username, client, "http");

		assertThat(failed.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("""
				select ip from audit_event where action = 'LOGIN_FAILED' and occurred_at > now() - interval '1 day'
				order by id desc limit 1""").query(String.class).single()).isEqualTo(client);
	}

	@Test
	void overTlsAtTheProxyTheSessionCookieIsSecureAndHstsIsSent() {
		HttpResponse<String> page = send("127.0.0.1", "/login", "198.51.100.23", "https");
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(
				cookie -> assertThat(cookie).startsWith("PANTAU_SESSION=").contains("Secure"));

		HttpResponse<String> plain = send("127.0.0.1", "/login", "198.51.100.23", "http");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
		assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(
				cookie -> assertThat(cookie).doesNotContain("Secure"));
	}

	@Test
	void aClientThatIsNotATrustedProxyCannotForgeItsAddress() throws Exception {
		Optional<String> own = nonLoopbackAddress();
		assumeTrue(own.isPresent(), "this machine has no non-loopback IPv4 address to call from");
		String username = "palsu.ip." + System.nanoTime();

		login(own.get(), username, "192.0.2.250", "https");

		assertThat(jdbc.sql("""
				select ip from audit_event where action = 'LOGIN_FAILED' and occurred_at > now() - interval '1 day'
				order by id desc limit 1""").query(String.class).single()).isEqualTo(own.get());
		assertThat(send(own.get(), "/login", "192.0.2.250", "https").headers()
				.firstValue("Strict-Transport-Security")).as("the scheme is not taken from it either").isEmpty();
	}

	private HttpResponse<String> login(String host, String username, String forwardedFor, String proto) {
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=salah-sekali";
		// the login page first, for its CSRF token and session
		HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER).build();
		try {
			String page = client.send(request(host, "/login", forwardedFor, proto).GET().build(),
					HttpResponse.BodyHandlers.ofString()).body();
			java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
					.matcher(page);
			assertThat(csrf.find()).isTrue();
			return client.send(request(host, "/login", forwardedFor, proto)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + csrf.group(1))).build(),
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

	private HttpResponse<String> send(String host, String path, String forwardedFor, String proto) {
		try {
			return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
					request(host, path, forwardedFor, proto).GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private HttpRequest.Builder request(String host, String path, String forwardedFor, String proto) {
		return HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
				.header("X-Forwarded-For", forwardedFor).header("X-Forwarded-Proto", proto)
				.header("Accept", "text/html");
	}

	private static Optional<String> nonLoopbackAddress() throws IOException {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (!network.isUp() || network.isLoopback()) {
				continue;
			}
			for (InetAddress address : Collections.list(network.getInetAddresses())) {
				if (address instanceof Inet4Address) {
					return Optional.of(address.getHostAddress());
				}
			}
		}
		return Optional.empty();
	}
}
