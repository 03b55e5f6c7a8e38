package id.pantau.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a phone on a slow link receives, over real HTTP as a browser asks for it ({@code Accept-Encoding: gzip}):
 * static files under addresses with the hash of their content, kept for a year; pages compressed and never stored;
 * downloads as they were.
 */
@PantauIntegrationTest
class StaticFilesIntegrationTests {

	private static final String YEAR_IMMUTABLE = "max-age=31536000, public, immutable";
	private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/(?:css|js|img|webjars)/[^\"]+)\"");
	private static final Pattern HASHED = Pattern.compile("-[0-9a-f]{32}\\.[a-z]+$");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aVillagePageIsCompressedNeverStoredAndLinksEveryStaticFileUnderItsContentHash() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		HttpResponse<byte[]> page = gzipGet("/", village.sessionId());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(
				value -> assertThat(value).contains("no-store"));
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("script-src 'self'"));
		String html = gunzip(page.body());
		assertThat(html).contains("id=\"home-heading\"");

		List<String> linked = linked(html);
		assertThat(linked).as("Bootstrap, htmx and Pantau's own files")
				.anyMatch(path -> path.startsWith("/webjars/bootstrap/"))
				.anyMatch(path -> path.startsWith("/webjars/htmx.org/")).anyMatch(path -> path.startsWith("/css/pantau-"))
				.anyMatch(path -> path.startsWith("/js/pantau-"));
		assertThat(linked).allMatch(path -> HASHED.matcher(path).find(), "hashed");
		for (String path : linked) {
			HttpResponse<byte[]> file = gzipGet(path, null);
			assertThat(file.statusCode()).as(path).isEqualTo(200);
			assertThat(file.headers().firstValue("Cache-Control")).as(path).hasValue(YEAR_IMMUTABLE);
			assertThat(file.headers().firstValue("Pragma")).as(path).isEmpty();
			if (path.endsWith(".css") || path.endsWith(".js")) {
				assertThat(file.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
				String plain = path.replaceFirst("-[0-9a-f]{32}(\\.[a-z]+)$", "$1");
				assertThat(gunzip(file.body())).as(path + " is " + plain).isEqualTo(new String(plainGet(plain).body(),
						StandardCharsets.UTF_8));
			}
		}
	}

	@Test
	void plainAddressesAndAWrongHashAreRevalidatedNotKeptForAYear() {
		HttpResponse<byte[]> plain = plainGet("/css/pantau.css");
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(plain.headers().firstValue("Last-Modified")).isPresent();

		HttpResponse<byte[]> madeUp = plainGet("/css/pantau-0123456789abcdef0123456789abcdef.css");
		assertThat(madeUp.statusCode()).isEqualTo(404);
		assertThat(madeUp.headers().allValues("Cache-Control")).noneMatch(value -> value.contains("immutable"));

		// the service worker is known by its address, which must never change: stable, revalidated on every load
		for (String path : List.of("/sw.js", "/manifest.webmanifest", "/offline.html")) {
			HttpResponse<byte[]> file = plainGet(path);
			assertThat(file.statusCode()).as(path).isEqualTo(200);
			assertThat(file.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
		}
		String page = WebSession.loggedIn(port, "ohoi.fiditan").get("/laporan/baru").body();
		assertThat(page).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">");
		assertThat(new String(plainGet("/js/pantau.js").body(), StandardCharsets.UTF_8))
				.contains("navigator.serviceWorker.register('/sw.js')");
	}

	@Test
	void jsonIsCompressedToo() {
		WebSession officer = WebSession.loggedIn(port, "bpmpd");
		HttpResponse<byte[]> json = gzipGet("/peta/data", officer.sessionId());
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		assertThat(json.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gunzip(json.body())).startsWith("[{\"code\"");
	}

	@Test
	void downloadsAreSentAsTheyWereWhenTheBrowserAcceptsGzip() {
		WebSession officer = WebSession.loggedIn(port, "bpmpd");
		HttpResponse<byte[]> csv = gzipGet("/laporan/ekspor?format=csv", officer.sessionId());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(csv.headers().firstValue("Cache-Control")).hasValueSatisfying(
				value -> assertThat(value).contains("no-store"));
		HttpResponse<byte[]> xlsx = gzipGet("/laporan/ekspor?format=xlsx", officer.sessionId());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(xlsx.body()).startsWith((byte) 'P', (byte) 'K');
	}

	private static List<String> linked(String html) {
		List<String> paths = new ArrayList<>();
		Matcher matcher = LINKED.matcher(html);
		while (matcher.find()) {
			paths.add(matcher.group(1));
		}
		return paths;
	}

	private HttpResponse<byte[]> gzipGet(String path, String session) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept-Encoding", "gzip, deflate, br").header("Accept", "text/html,*/*;q=0.8");
		if (session != null) {
			request.header("Cookie", "PANTAU_SESSION=" + session);
		}
		return send(request.GET().build());
	}

	private HttpResponse<byte[]> plainGet(String path) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
	}

	private HttpResponse<byte[]> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String gunzip(byte[] body) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
