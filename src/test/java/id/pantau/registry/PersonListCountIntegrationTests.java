package id.pantau.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.platform.Scope;
import id.pantau.registry.domain.PersonQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The person list counts exactly up to {@link PersonQueries#COUNT_BOUND} and says "more than" beyond, with the pages
 * still walked one after another, so that no list page counts a whole regency.
 */
@PantauIntegrationTest
class PersonListCountIntegrationTests {

	/** A nationality and status no other test gives its persons, so that the filter selects only these. */
	private static final String NATIONALITY = "ISL";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonQueries queries;

	@AfterEach
	void remove() {
		jdbc.sql("delete from person where nationality = :n and created_by = 'uji.hitung'").param("n", NATIONALITY)
				.update();
	}

	@Test
	void aListOfMoreThanTheBoundSaysMoreThanAndStillLeafsOn() {
		persons(PersonQueries.COUNT_BOUND + 30);
		PersonQueries.Filter filter = new PersonQueries.Filter(null, NATIONALITY, null, null, PersonStatus.DECEASED, null);

		PersonQueries.Page first = queries.search(Scope.of("81.72"), filter, PersonQueries.Sort.NAME, 0);
		assertThat(first.totalExact()).isFalse();
		assertThat(first.total()).isEqualTo(PersonQueries.COUNT_BOUND);
		assertThat(first.rows()).hasSize(PersonQueries.PAGE_SIZE);
		assertThat(first.hasNext()).isTrue();
		assertThat(first.rows().get(0).primaryName()).isEqualTo("HITUNG 00001");

		int last = (PersonQueries.COUNT_BOUND + 30 - 1) / PersonQueries.PAGE_SIZE;
		PersonQueries.Page end = queries.search(Scope.of("81.72"), filter, PersonQueries.Sort.NAME, last);
		assertThat(end.rows()).as("the pages past the bound are there").hasSize(5);
		assertThat(end.rows().get(4).primaryName()).isEqualTo("HITUNG 01030");
		assertThat(end.hasNext()).isFalse();

		HttpResponse<String> page = WebSession.loggedIn(port, "bpmpd")
				.get("/orang-asing?nationality=" + NATIONALITY + "&status=DECEASED");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("sedikitnya 1.000 orang").contains("id=\"page-next\"");
	}

	@Test
	void aListWithinTheBoundCountsExactly() {
		persons(30);
		PersonQueries.Filter filter = new PersonQueries.Filter(null, NATIONALITY, null, null, PersonStatus.DECEASED, null);

		PersonQueries.Page second = queries.search(Scope.of("81.72"), filter, PersonQueries.Sort.NAME, 1);
		assertThat(second.totalExact()).isTrue();
		assertThat(second.total()).isEqualTo(30);
		assertThat(second.pages()).isEqualTo(2);
		assertThat(second.rows()).hasSize(5);
		assertThat(second.hasNext()).isFalse();

		HttpResponse<String> page = WebSession.loggedIn(port, "bpmpd")
				.get("/orang-asing?nationality=" + NATIONALITY + "&status=DECEASED");
		assertThat(page.body()).contains("30 orang").doesNotContain("sedikitnya");
	}

	private void persons(int count) {
		jdbc.sql("""
				insert into person (primary_name, sex, nationality, category, status, region_code, created_at, created_by,
				  updated_at, updated_by, version)
				select 'HITUNG ' || lpad(g::text, 5, '0'), 'M', :n, 'WORKER', 'DECEASED', '81.72.01.2001', now(),
				  'uji.hitung', now(), 'uji.hitung', 0
				from generate_series(1, :count) g""").param("n", NATIONALITY).param("count", count).update();
	}
}
