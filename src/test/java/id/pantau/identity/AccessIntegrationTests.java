package id.pantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@PantauIntegrationTest
class AccessIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@CsvSource({ "ohoi.fiditan, Beranda pemerintah ohoi, Fiditan", "ohoi.taar, Beranda pemerintah ohoi, Taar",
			"bpmpd, Beranda BPMPD, Kota Tual", "kesbangpol, Beranda Kesbangpol, Kota Tual",
			"imigrasi, Beranda Imigrasi, Seluruh wilayah", "timpora.polres, Beranda TIMPORA, Kota Tual",
			"admin, Beranda administrator, Seluruh wilayah" })
	void eachDemoAccountLandsOnTheHomePageOfItsRole(String username, String heading, String area) {
		WebSession session = new WebSession(port);
		HttpResponse<String> login = session.login(username, WebSession.DEMO_PASSWORD);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(login)).endsWith("/");

		HttpResponse<String> home = session.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(heading).contains(area);
	}

	@Test
	void aVillageOfficialSeesItsOwnVillageButAnotherVillageIsNotFound() {
		WebSession fiditan = WebSession.loggedIn(port, "ohoi.fiditan");
		assertThat(fiditan.get("/wilayah/81.72.01.2001").statusCode()).isEqualTo(200);
		assertThat(fiditan.get("/wilayah/81.72.01.2002").statusCode()).isEqualTo(404);
		assertThat(fiditan.get("/wilayah/81.72.02.2002").statusCode()).isEqualTo(404);
		assertThat(fiditan.get("/wilayah/81.72.01").statusCode()).as("its own kecamatan is above its scope")
				.isEqualTo(404);
		assertThat(fiditan.get("/wilayah/99.99").statusCode()).isEqualTo(404);

		WebSession taar = WebSession.loggedIn(port, "ohoi.taar");
		assertThat(taar.get("/wilayah/81.72.02.2002").statusCode()).isEqualTo(200);
		assertThat(taar.get("/wilayah/81.72.01.2001").statusCode()).isEqualTo(404);
	}

	@Test
	void theRegionListHoldsOnlyRegionsWithinTheScope() {
		String village = WebSession.loggedIn(port, "ohoi.fiditan").get("/wilayah").body();
		assertThat(village).contains("Fiditan").doesNotContain("Ngadi").doesNotContain("Taar");

		String city = WebSession.loggedIn(port, "bpmpd").get("/wilayah").body();
		assertThat(city).contains("Fiditan", "Ngadi", "Taar", "Niela", "Kecamatan Kur Selatan");
	}

	@Test
	void onlyAnAdministratorReachesAdministration() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		assertThat(village.get("/admin/pengguna").statusCode()).isEqualTo(403);
		assertThat(village.get("/admin/audit").statusCode()).isEqualTo(403);
		assertThat(village.get("/admin/referensi").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "kesbangpol").get("/admin/pengguna").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "admin").get("/admin/pengguna").statusCode()).isEqualTo(200);
	}

	@Test
	void anAnonymousVisitorIsSentToTheLoginPage() {
		HttpResponse<String> response = new WebSession(port).get("/wilayah/81.72.01.2001");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(response)).endsWith("/login");
	}

	@Test
	void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
		HttpResponse<String> wrong = new WebSession(port).login("bpmpd", "bukan-kata-sandinya");
		HttpResponse<String> unknown = new WebSession(port).login("tidak.ada", "bukan-kata-sandinya");
		assertThat(WebSession.location(wrong)).endsWith("/login?error");
		assertThat(WebSession.location(unknown)).endsWith("/login?error");
		assertThat(new WebSession(port).get("/login?error").body()).contains("Nama pengguna atau kata sandi salah.");
	}

	@Test
	void loginGivesANewSessionIdAndLogoutEndsTheSession() {
		WebSession session = new WebSession(port);
		session.get("/login");
		String before = session.sessionId();
		session.login("kesbangpol", WebSession.DEMO_PASSWORD);
		String after = session.sessionId();
		assertThat(after).isNotNull().isNotEqualTo(before);

		HttpResponse<String> logout = session.post("/logout", Map.of());
		assertThat(WebSession.location(logout)).endsWith("/login?logout");
		assertThat(session.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void aWriteWithoutCsrfTokenIsRefusedAndTheHtmxHeaderIsAccepted() {
		WebSession session = WebSession.loggedIn(port, "kesbangpol");
		HttpResponse<String> without = session.postRaw("/logout", Map.of());
		assertThat(without.statusCode()).isEqualTo(403);
		assertThat(session.get("/").statusCode()).as("still signed in").isEqualTo(200);

		HttpResponse<String> withHeader = session.postWithHeader("/logout", Map.of(), "X-CSRF-TOKEN",
				session.csrfToken());
		assertThat(WebSession.location(withHeader)).endsWith("/login?logout");
	}

	@Test
	void pagesForbidInlineScriptAndFraming() {
		HttpResponse<String> page = new WebSession(port).get("/login");
		String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.body()).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|\\son[a-z]+=\"");
	}

	@Test
	void theServiceWorkerItsManifestAndTheOfflinePageLoadWithoutLoginUnderTheSamePolicy() {
		WebSession anonymous = new WebSession(port);
		HttpResponse<String> worker = anonymous.get("/sw.js");
		assertThat(worker.statusCode()).isEqualTo(200);
		assertThat(worker.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/javascript"));
		assertThat(worker.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(worker.body()).contains("importScripts('/js/outbox-store.js')");

		HttpResponse<String> manifest = anonymous.get("/manifest.webmanifest");
		assertThat(manifest.statusCode()).isEqualTo(200);
		assertThat(manifest.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/manifest+json"));
		assertThat(manifest.body()).contains("\"start_url\": \"/laporan\"").contains("/img/pantau-512.png");

		for (String path : new String[] { "/offline.html", "/js/outbox.js", "/js/outbox-store.js", "/js/photo.js",
				"/img/pantau-192.png", "/img/pantau-512.png" }) {
			assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(200);
		}
		assertThat(anonymous.get("/offline.html").body()).doesNotContainPattern(
				"<script>|<script [^>]*>[^<]+</script>|\\son[a-z]+=\"|<style|style=\"");

		for (HttpResponse<String> response : List.of(worker, manifest, anonymous.get("/login"))) {
			assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
					.contains("script-src 'self'", "worker-src 'self'", "manifest-src 'self'")
					.doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
		}
	}

	@Test
	void everyPageLinksTheManifestAndLoadsTheOutboxFromFilesOnly() {
		String page = WebSession.loggedIn(port, "ohoi.fiditan").get("/laporan/baru").body();
		assertThat(page).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">")
				.containsPattern("<script defer src=\"/js/outbox-[0-9a-f]{32}\\.js\"></script>")
				.contains("<meta name=\"pantau-user\" content=\"ohoi.fiditan\">")
				.contains("data-offline-outbox=\"true\"").contains("id=\"outbox-status\"")
				.contains("data-waiting=\"{0} laporan menunggu dikirim dari perangkat ini:\"");
		assertThat(page).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|\\son[a-z]+=\"");
	}

	@Test
	void aMissingPageIsAFriendlyNotFoundWithoutTechnicalDetail() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		for (String path : new String[] { "/tidak-ada", "/admin/pengguna/999999", "/admin/pengguna/bukan-angka" }) {
			HttpResponse<String> response = admin.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).contains("Halaman tidak ditemukan")
					.doesNotContain("Exception").doesNotContain("at id.pantau");
		}
	}

	@Test
	void englishCanBeChosenAndIsRemembered() {
		WebSession session = new WebSession(port);
		assertThat(session.get("/login?lang=en").body()).contains("Log in to Pantau");
		assertThat(session.get("/login").body()).contains("Log in to Pantau");
		assertThat(session.get("/login?lang=id").body()).contains("Masuk ke Pantau");
	}

	@Test
	void actuatorExposesHealthAndNothingElse() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		assertThat(new WebSession(port).get("/actuator/health").body()).contains("\"status\":\"UP\"")
				.doesNotContain("components");
		assertThat(admin.get("/actuator/env").statusCode()).isEqualTo(404);
		assertThat(admin.get("/actuator/beans").statusCode()).isEqualTo(404);
	}
}
