package id.pantau.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * What every page shares, written once: the error page, whose texts follow the status, and the links to a list's
 * other pages, which keep the filters of the address the list was asked with.
 */
@PantauIntegrationTest
class PageFramesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theErrorPageSaysWhatWentWrongForEachStatus() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		HttpResponse<String> missing = village.get("/orang-asing/987654321");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("<title>Halaman tidak ditemukan · Pantau</title>")
				.contains("id=\"nav-main\"").doesNotContain("invalid-parameter");

		HttpResponse<String> forbidden = village.get("/admin/audit");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("<h1 class=\"h3\">Akses ditolak</h1>");

		HttpResponse<String> malformed = WebSession.loggedIn(port, "kesbangpol").get("/perlintasan?page=banyak");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("Permintaan tidak dapat diproses").contains("id=\"invalid-parameter\"")
				.contains("page");
	}

	@Test
	void aServerErrorIsTheGenericPage() {
		assertThat(ErrorPages.kind(HttpStatus.INTERNAL_SERVER_ERROR)).isEqualTo("generic");
		assertThat(ErrorPages.kind(HttpStatus.CONFLICT)).isEqualTo("4xx");
		assertThat(ErrorPages.page(HttpStatus.BAD_GATEWAY, java.util.Map.of()).getViewName()).isEqualTo("error");
	}

	@Test
	void aListsPageLinksKeepItsFiltersAndChangeOnlyThePage() {
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		String first = kesbangpol.get("/orang-asing?status=PRESENT&sort=NAME").body();
		assertThat(first).contains("href=\"/orang-asing?status=PRESENT&amp;sort=NAME&amp;page=1\"");
		String second = kesbangpol.get("/orang-asing?status=PRESENT&sort=NAME&page=1").body();
		assertThat(second).contains("href=\"/orang-asing?status=PRESENT&amp;sort=NAME\"")
				.contains("href=\"/orang-asing?status=PRESENT&amp;sort=NAME&amp;page=2\"");
	}
}
