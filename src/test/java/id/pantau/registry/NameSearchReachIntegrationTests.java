package id.pantau.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.platform.Scope;
import id.pantau.registry.domain.PersonQueries;
import id.pantau.registry.domain.PersonQueries.Page;
import id.pantau.registry.domain.PersonQueries.Sort;
import id.pantau.registry.domain.PersonRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A name search by relevance answers from the persons bearing the name exactly, or from the close names, when they
 * fill the page, and from every similar name otherwise; leafing through its pages shows each person found once, in
 * the order of relevance, and ends with the exact count.
 */
@PantauIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NameSearchReachIntegrationTests {

	private static final TestUser KESBANGPOL = TestUser.of("kesbangpol", "81.72");
	private static final Scope CITY = Scope.of("81.72");
	private static final PersonQueries.Filter NAME = new PersonQueries.Filter("Thanlyin Sawbwa", null, null, null,
			null, null);

	@LocalServerPort
	int port;

	@Autowired
	PersonRegistry registry;

	@Autowired
	PersonQueries queries;

	@BeforeAll
	void namesakes() {
		for (int i = 0; i < 30; i++) {
			// the sorted key makes either order the same name
			register(i % 3 == 0 ? "SAWBWA THANLYIN" : "THANLYIN SAWBWA", "81.72.01.2001");
		}
		for (int i = 0; i < 20; i++) {
			register("SAWBWA SAWBWA THANLYIN", "81.72.02.2002");
		}
		for (int i = 0; i < 15; i++) {
			register("THANLYIN SAWBWA MIN OO", "81.72.01.2003");
		}
		for (int i = 0; i < 15; i++) {
			register("TANLIN SAWBA", "81.72.03.2004");
		}
	}

	@Test
	void aNameBorneByAPageOfPersonsIsAnsweredByThemAndCountedAsAtLeastThatMany() {
		Page first = queries.search(CITY, NAME, Sort.RELEVANCE, 0);

		assertThat(first.rows()).hasSize(PersonQueries.PAGE_SIZE)
				.allSatisfy(row -> assertThat(row.primaryName()).isIn("SAWBWA THANLYIN", "THANLYIN SAWBWA"));
		assertThat(first.totalExact()).isFalse();
		assertThat(first.total()).isEqualTo(30);
		assertThat(first.hasNext()).isTrue();
	}

	@Test
	void leafingThroughTheReachesShowsEveryPersonOnceInOrderAndEndsWithTheExactCount() {
		List<PersonQueries.Row> walked = new ArrayList<>();
		List<Page> pages = new ArrayList<>();
		Page page = null;
		for (int n = 0; page == null || page.hasNext(); n++) {
			page = queries.search(CITY, NAME, Sort.RELEVANCE, n);
			pages.add(page);
			walked.addAll(page.rows());
		}
		assertThat(pages.get(1).totalExact()).as("the second page is filled by the close names").isFalse();
		assertThat(pages.get(1).total()).isBetween(51L, page.total() - 1);

		assertThat(page.totalExact()).as("the last page is counted by the whole reach").isTrue();
		assertThat(walked).hasSize((int) page.total());
		assertThat(walked.stream().map(PersonQueries.Row::id).distinct()).hasSameSizeAs(walked);
		assertThat(walked).extracting(PersonQueries.Row::score).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(walked.subList(0, 30)).allSatisfy(
				row -> assertThat(row.primaryName()).isIn("SAWBWA THANLYIN", "THANLYIN SAWBWA"));
		assertThat(walked.subList(30, 50)).allSatisfy(
				row -> assertThat(row.primaryName()).isEqualTo("SAWBWA SAWBWA THANLYIN"));
		assertThat(ids(walked)).as("the same persons as the list sorted by name, which scores every similar name")
				.isEqualTo(ids(everyPage(Sort.NAME)));
	}

	@Test
	void theListSaysAtLeastHowManyWhenTheExactNameFillsThePage() {
		HttpResponse<String> page = WebSession.loggedIn(port, "bpmpd").get("/orang-asing?q=thanlyin+sawbwa");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("sedikitnya 30 orang").contains("title=\"Tidak semua dihitung")
				.contains("id=\"page-next\"");
	}

	@Test
	void typingInTheSearchBoxGetsTheResultsWithoutTheFormAgain() {
		HttpResponse<String> results = WebSession.loggedIn(port, "bpmpd").get("/orang-asing?q=thanlyin+sawbwa",
				"HX-Request", "true");

		assertThat(results.statusCode()).isEqualTo(200);
		assertThat(results.body()).contains("id=\"results\"").contains("sedikitnya 30 orang")
				.doesNotContain("id=\"person-search\"").doesNotContain("<option");
	}

	@Test
	void inEveryOrderEachPersonFoundIsShownWithItsCountryVillageAndKecamatan() {
		Set<String> registered = Set.of("SAWBWA THANLYIN", "THANLYIN SAWBWA", "SAWBWA SAWBWA THANLYIN",
				"THANLYIN SAWBWA MIN OO", "TANLIN SAWBA");
		Map<Sort, List<PersonQueries.Row>> found = new EnumMap<>(Sort.class);
		for (Sort sort : Sort.values()) {
			found.put(sort, everyPage(sort).stream().filter(row -> registered.contains(row.primaryName())).toList());
			assertThat(found.get(sort)).as(sort.name()).hasSize(80).allSatisfy(row -> {
				assertThat(row.nationalityName()).isEqualTo("Myanmar");
				assertThat(row.villageName()).isIn("Fiditan", "Dullah", "Taar", "Tayando Ohoiel");
				assertThat(row.districtName()).isIn("Pulau Dullah Utara", "Pulau Dullah Selatan", "Tayando Tam");
			});
		}
		assertThat(found.get(Sort.VILLAGE)).extracting(PersonQueries.Row::villageName)
				.containsSubsequence("Dullah", "Fiditan", "Taar", "Tayando Ohoiel").isSorted();
		assertThat(found.get(Sort.NAME)).extracting(PersonQueries.Row::primaryName).isSorted();
	}

	private List<PersonQueries.Row> everyPage(Sort sort) {
		List<PersonQueries.Row> rows = new ArrayList<>();
		Page page = null;
		for (int n = 0; page == null || page.hasNext(); n++) {
			page = queries.search(CITY, NAME, sort, n);
			rows.addAll(page.rows());
		}
		return rows;
	}

	private static Set<Long> ids(List<PersonQueries.Row> rows) {
		Set<Long> ids = new HashSet<>();
		rows.forEach(row -> ids.add(row.id()));
		return ids;
	}

	private void register(String name, String village) {
		registry.register(KESBANGPOL, new PersonForm(name, "VILLAGE_REPORT", "M", "", "MMR", "", "EX_CREW", "", "", "",
				"", "", "", "", "", village, "", ""));
	}
}
