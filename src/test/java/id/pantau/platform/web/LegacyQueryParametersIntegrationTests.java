package id.pantau.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An address written before the parameters were named in English (a bookmark, a link in a sent e-mail, an alert's
 * evidence link) still opens its page: the old names are redirected once, permanently, to the new ones.
 */
@PantauIntegrationTest
class LegacyQueryParametersIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anOldBookmarkOfAFilteredListIsRedirectedToTheSameFilterUnderTheNewNames() {
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		HttpResponse<String> old = kesbangpol.get("/orang-asing?status=PRESENT&kewarganegaraan=MMR&halaman=0");
		assertThat(old.statusCode()).isEqualTo(301);
		assertThat(WebSession.location(old)).isEqualTo("/orang-asing?status=PRESENT&nationality=MMR&page=0");
		HttpResponse<String> followed = kesbangpol.get(WebSession.location(old));
		assertThat(followed.statusCode()).isEqualTo(200);
		assertThat(followed.body()).contains("<option value=\"MMR\" selected=\"selected\"");
	}

	@Test
	void anOldCrossingLinkOpensTheSameDayBeforeLoginToo() {
		HttpResponse<String> old = new WebSession(port).get("/perlintasan?dari=2026-01-02&sampai=2026-01-02");
		assertThat(old.statusCode()).isEqualTo(301);
		assertThat(WebSession.location(old)).isEqualTo("/perlintasan?from=2026-01-02&to=2026-01-02");
	}

	@Test
	void anAddressStartingWithTwoSlashesIsRedirectedWithinPantauNeverToTheHostItNames() {
		HttpResponse<String> old = new WebSession(port).get("//evil.example/peringatan?halaman=1");
		assertThat(old.statusCode()).isEqualTo(301);
		assertThat(WebSession.location(old)).isEqualTo("/evil.example/peringatan?page=1");
	}

	@Test
	void theApiIsNotRedirected() {
		WebSession imigrasi = WebSession.loggedIn(port, "imigrasi");
		assertThat(imigrasi.json("GET", "/api/v1/crossings?dari=2026-01-02", null).statusCode()).isEqualTo(200);
	}
}
