package id.pantau.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.WebSession;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.Scope;
import id.pantau.registry.domain.Person;
import id.pantau.registry.domain.PersonQueries;
import id.pantau.registry.domain.PersonRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PantauIntegrationTest
class RegistryIntegrationTests {

	private static final TestUser KESBANGPOL = TestUser.of("kesbangpol", "81.72");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	PersonRegistry registry;

	@Autowired
	PersonQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Test
	void onlyTheRolesThatRegisterPersonsAreOfferedToRegisterOneFromTheList() {
		for (String username : List.of("ohoi.fiditan", "kesbangpol", "imigrasi")) {
			assertThat(WebSession.loggedIn(port, username).get("/orang-asing").body()).as(username)
					.contains("id=\"person-new\"");
		}
		for (String username : List.of("bpmpd", "timpora.polres")) {
			assertThat(WebSession.loggedIn(port, username).get("/orang-asing").body()).as(username)
					.doesNotContain("id=\"person-new\"");
			assertThat(WebSession.loggedIn(port, username).get("/orang-asing/baru").statusCode()).as(username)
					.isEqualTo(403);
		}
	}

	@Test
	void aNameIsFoundWhateverItsSpellingAccentsOrTokenOrder() {
		long vietnamese = register("NGUYỄN VĂN HÙNG", "VNM", "81.72.01.2001").getId();
		long reversed = register("HUNG NGUYEN", "VNM", "81.72.02.2002").getId();
		long burmese = register("KYAW MIN HTUN", "MMR", "81.72.01.2003").getId();
		long honorific = register("U KYAW MIN", "Burma", "81.72.01.2004").getId();

		assertThat(ids("Nguyen Van Hung")).contains(vietnamese, reversed);
		assertThat(ids("nguyen van hung")).contains(vietnamese, reversed);
		assertThat(ids("Kyaw Min")).contains(burmese, honorific);
		assertThat(ids("Nguyen Vna Hung")).as("a typing slip").contains(vietnamese);
	}

	@Test
	void theExactNameComesFirstAmongNamesWithTheSameTrigrams() {
		long repeated = register("NYEIN NYEIN SWE", "MMR", "81.72.01.2001").getId();
		long exact = register("NYEIN SWE", "MMR", "81.72.01.2002").getId();

		List<Long> found = ids("Nyein Swe");

		assertThat(found).as("both score 1.0: a repeated word adds no trigram").contains(repeated, exact);
		assertThat(found.indexOf(exact)).isLessThan(found.indexOf(repeated));
	}

	@Test
	void aMisspeltNameListsTheNameClosestInLengthFirstAmongEqualScores() {
		long repeated = register("THURA THURA ZEYA", "MMR", "81.72.01.2001").getId();
		long shorter = register("THURA ZEYA", "MMR", "81.72.01.2002").getId();

		List<PersonQueries.Row> found = rows(Scope.of("81.72"),
				new PersonQueries.Filter("thura zeyya", null, null, null, null, null));
		List<Long> ids = found.stream().map(PersonQueries.Row::id).toList();

		assertThat(ids).contains(repeated, shorter);
		assertThat(found.get(ids.indexOf(repeated)).score()).as("the same trigrams")
				.isEqualTo(found.get(ids.indexOf(shorter)).score());
		assertThat(ids.indexOf(shorter)).isLessThan(ids.indexOf(repeated));
	}

	@Test
	void aDocumentNumberTypedWithOForZeroStillFindsItsHolder() {
		Person person = registry.register(KESBANGPOL, form("SOMCHAI WONGSA", "Muangthai", "81.72.02.2002",
				"AB0102030"));
		assertThat(ids("AB0102030")).contains(person.getId());
		assertThat(ids("ABO1O2O3O")).contains(person.getId());
		assertThat(ids("ab 010 2030")).contains(person.getId());
	}

	@Test
	void filtersNarrowTheListAndCombine() {
		Person expiring = registry.register(KESBANGPOL, new PersonForm("LIM SOPHEAK", "OFFICER", "M", "1990", "KHM",
				"", "WORKER", "", "PASSPORT", "N7777777", "KHM", "", "ITAS", "2C1100000001",
				TestClock.today().plusDays(10).toString(), "81.72.05.2003", "", ""));
		Scope city = Scope.of("81.72");
		assertThat(rows(city, new PersonQueries.Filter(null, "KHM", "81.72.05", Category.WORKER, PersonStatus.PRESENT, 30)))
				.extracting(PersonQueries.Row::id).contains(expiring.getId());
		assertThat(rows(city, new PersonQueries.Filter(null, "KHM", "81.72.01", null, null, null)))
				.extracting(PersonQueries.Row::id).doesNotContain(expiring.getId());
		assertThat(rows(city, new PersonQueries.Filter(null, null, null, null, null, 5)))
				.extracting(PersonQueries.Row::id).doesNotContain(expiring.getId());
		assertThat(rows(city, new PersonQueries.Filter(null, null, null, Category.TOURIST, null, null)))
				.allSatisfy(r -> assertThat(r.category()).isEqualTo(Category.TOURIST));
	}

	@Test
	void aVillageOfficialSeesOnlyThePersonsLivingInItsVillageAndAMoveTakesEffectAtOnce() {
		Person person = register("SOUVANNAVONG BOUNMY", "LAO", "81.72.01.2001");
		WebSession fiditan = WebSession.loggedIn(port, "ohoi.fiditan");
		WebSession taar = WebSession.loggedIn(port, "ohoi.taar");
		assertThat(fiditan.get("/orang-asing/" + person.getId()).statusCode()).isEqualTo(200);
		assertThat(taar.get("/orang-asing/" + person.getId()).statusCode()).isEqualTo(404);
		assertThat(taar.json("GET", "/api/v1/persons/" + person.getId(), null).statusCode()).isEqualTo(404);
		assertThat(taar.get("/orang-asing?q=Souvannavong+Bounmy").body()).doesNotContain("SOUVANNAVONG BOUNMY");

		registry.moveTo(KESBANGPOL, person.getId(), person.getVersion(), "81.72.02.2002", "Dekat pasar", null);

		assertThat(taar.get("/orang-asing/" + person.getId()).statusCode()).isEqualTo(200);
		assertThat(taar.get("/orang-asing?q=Souvannavong+Bounmy").body()).contains("SOUVANNAVONG BOUNMY");
		assertThat(fiditan.get("/orang-asing/" + person.getId()).statusCode()).isEqualTo(404);
	}

	@Test
	void everyViewOfAPersonIsOnTheAuditTrail() {
		Person person = register("KIM MIN JUN", "KOR", "81.72.02.1004");
		WebSession session = WebSession.loggedIn(port, "timpora.polres");
		session.get("/orang-asing/" + person.getId());
		session.json("GET", "/api/v1/persons/" + person.getId(), null);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'PERSON_VIEWED' and actor = 'timpora.polres'"
				+ " and subject_id = :id").param("id", person.getId().toString()).query(Long.class).single())
				.isEqualTo(2);
	}

	@Test
	void theSecondOfTwoEditsFromTheSameVersionIsRefused() {
		Person person = register("ANAN BOONMA", "THA", "81.72.01.2002");
		int read = person.getVersion();
		registry.update(KESBANGPOL, person.getId(), read, form("ANAN BOONMA", "THA", null, null));
		assertThatThrownBy(() -> registry.update(KESBANGPOL, person.getId(), read,
				form("ANAN BOONMAA", "THA", null, null))).isInstanceOf(OptimisticLockingFailureException.class);

		WebSession officer = WebSession.loggedIn(port, "kesbangpol");
		HttpResponse<String> stale = officer.post("/orang-asing/" + person.getId() + "/ubah",
				Map.of("version", Integer.toString(read), "primaryName", "X", "category", "EX_CREW"));
		assertThat(stale.body()).contains("telah diubah petugas lain");
	}

	@Test
	void anUnknownNationalityIsRefusedNamingTheClosestCountries() {
		assertThatThrownBy(() -> register("HTUN HTUN", "Burmaa", "81.72.01.2001")).isInstanceOfSatisfying(
				InvalidInput.class,
				e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("nationality")));

		WebSession officer = WebSession.loggedIn(port, "kesbangpol");
		HttpResponse<String> response = officer.json("POST", "/api/v1/persons",
				"{\"primaryName\":\"HTUN HTUN\",\"nationality\":\"Burmaa\",\"category\":\"EX_CREW\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("errors").toString()).contains("nationality").contains("Myanmar (MMR)");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at id.pantau");
	}

	@Test
	void theApiCreatesReadsUpdatesAndMergesWithVersionsInTheHeaders() {
		WebSession officer = WebSession.loggedIn(port, "imigrasi");
		HttpResponse<String> created = officer.json("POST", "/api/v1/persons", """
				{"primaryName":"ZAW WIN NAING","nationality":"mm","category":"EX_CREW","birthDate":"1978",
				 "villageCode":"81.72.01.2005","documentType":"PASSPORT","documentNumber":"MB123456",
				 "id":999999,"status":"DEPORTED","version":77}""");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode person = JSON.readTree(created.body());
		long id = person.get("id").asLong();
		assertThat(person.get("nationality").asString()).isEqualTo("MMR");
		assertThat(person.get("status").asString()).as("no mass assignment").isEqualTo("PRESENT");
		assertThat(id).isNotEqualTo(999999);
		String etag = created.headers().firstValue("ETag").orElseThrow();

		String whole = """
				{"primaryName":"%s","nationality":"Myanmar","category":"EX_CREW","sex":"M","birthDate":"1978",
				 "claimedNationality":null,"notes":null}""";
		assertThat(officer.json("PUT", "/api/v1/persons/" + id, whole.formatted("ZAW WIN NAING")).statusCode())
				.as("no If-Match").isEqualTo(400);
		HttpResponse<String> updated = officer.json("PUT", "/api/v1/persons/" + id, whole.formatted("ZAW WIN NAING"),
				"If-Match", etag);
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(officer.json("PUT", "/api/v1/persons/" + id, whole.formatted("Z"), "If-Match", etag).statusCode())
				.as("stale").isEqualTo(412);

		long other = register("U ZAW WIN", "MMR", "81.72.01.2005").getId();
		int survivorVersion = JSON.readTree(updated.body()).get("version").asInt();
		int otherVersion = JSON.readTree(officer.json("GET", "/api/v1/persons/" + other, null).body()).get("version")
				.asInt();
		HttpResponse<String> merged = officer.json("POST", "/api/v1/persons/" + id + "/merge",
				"{\"mergedId\":" + other + ",\"version\":" + survivorVersion + ",\"mergedVersion\":" + otherVersion + "}");
		assertThat(merged.statusCode()).isEqualTo(200);
		assertThat(merged.body()).contains("U ZAW WIN");
		JsonNode trace = JSON.readTree(officer.json("GET", "/api/v1/persons/" + other, null).body());
		assertThat(trace.get("status").asString()).isEqualTo("MERGED");
		assertThat(trace.get("mergedInto").asLong()).isEqualTo(id);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'PERSON_MERGED' and subject_id = :id")
				.param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
		assertThat(JSON.readTree(officer.json("GET", "/api/v1/persons?q=ZAW+WIN+NAING", null).body()).get("rows")
				.toString()).doesNotContain("\"id\":" + other + ",");
	}

	@Test
	void theMrzEndpointAnswersWithTheAgreedKeys() {
		WebSession officer = WebSession.loggedIn(port, "imigrasi");
		HttpResponse<String> response = officer.json("POST", "/api/v1/mrz", """
				{"lines":["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<","L898902C36UTO7408122F1204159ZE184226B<<<<<10"]}""");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode mrz = JSON.readTree(response.body());
		assertThat(List.copyOf(mrz.propertyNames())).containsExactly("documentCode", "issuingState", "lastName",
				"firstName", "documentNumber", "nationality", "birthDate", "sex", "expiryDate", "personalNumber",
				"valid", "invalidFields");
		assertThat(mrz.get("birthDate").asString()).isEqualTo("1974-08-12");
		assertThat(officer.json("POST", "/api/v1/mrz", "{\"text\":\"bukan mrz\"}").statusCode()).isEqualTo(400);
	}

	@Test
	void everyRegistryPageRendersForItsRoles() {
		Person person = registry.register(KESBANGPOL, new PersonForm("AUNG KYAW OO", "PASSPORT", "M", "1981-02-03",
				"MMR", "THA", "EX_CREW", "Tinggal sejak 2009", "SEAMAN_BOOK", "AB7654321", "THA", "2030-01-01", "ITAS",
				"2C110000", "2027-01-01", "81.72.01.2001", "RT 03", "2009-05-01"));
		long vessel = jdbc.sql("select min(id) from vessel").query(Long.class).single();
		registry.assignToVessel(KESBANGPOL, person.getId(), person.getVersion(), vessel, "ABK", "2008-01-01",
				"2009-04-30");
		for (String role : List.of("kesbangpol", "imigrasi", "bpmpd", "timpora.polres", "ohoi.fiditan")) {
			WebSession session = WebSession.loggedIn(port, role);
			for (String path : List.of("/orang-asing", "/orang-asing?q=aung+kyaw&sort=NAME",
					"/orang-asing/" + person.getId())) {
				HttpResponse<String> page = session.get(path);
				assertThat(page.statusCode()).as(role + " " + path).isEqualTo(200);
				assertThat(page.body()).as(role + " " + path).contains("AUNG KYAW OO").doesNotContain("??");
			}
		}
		WebSession editor = WebSession.loggedIn(port, "kesbangpol");
		for (String path : List.of("/orang-asing/baru", "/orang-asing/" + person.getId() + "/ubah",
				"/orang-asing/" + person.getId() + "/gabung?mergedId=" + person.getId())) {
			HttpResponse<String> page = editor.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).doesNotContain("??");
		}
		assertThat(WebSession.loggedIn(port, "bpmpd").get("/orang-asing/baru").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "admin").get("/orang-asing").statusCode()).as("no casual access")
				.isEqualTo(403);
	}

	@Test
	void theApiIsDescribedInTheOpenApiDocumentForSignedInUsers() {
		HttpResponse<String> document = WebSession.loggedIn(port, "imigrasi").json("GET", "/v3/api-docs", null);
		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.body()).contains("/api/v1/persons").contains("/api/v1/persons/{id}/merge")
				.contains("/api/v1/mrz");
		assertThat(new WebSession(port).get("/v3/api-docs").statusCode()).as("not public").isEqualTo(302);
	}

	@Test
	void anOfficerRegistersAVesselAndRecordsWhatBecameOfIt() {
		WebSession officer = WebSession.loggedIn(port, "imigrasi");
		officer.post("/kapal", Map.of("name", "KM Harapan Kei 7", "flagState", "Indonesia", "registration",
				"GT.60 No.777/PPm", "imoNumber", "", "ownerAgent", "CV Harapan", "status", "ACTIVE", "notes", ""));
		assertThat(officer.get("/kapal").body()).contains("KM HARAPAN KEI 7").contains("Kapal didaftarkan.");
		long id = jdbc.sql("select id from vessel where name = 'KM HARAPAN KEI 7'").query(Long.class).single();
		officer.post("/kapal/" + id + "/status", Map.of("status", "SEIZED"));
		assertThat(jdbc.sql("select status from vessel where id = :id").param("id", id).query(String.class).single())
				.isEqualTo("SEIZED");

		officer.post("/kapal", Map.of("name", "KM Salah", "imoNumber", "12AB", "status", "ACTIVE"));
		assertThat(officer.get("/kapal").body()).contains("nomor IMO terdiri atas 7 angka");
		String readOnly = WebSession.loggedIn(port, "timpora.polres").get("/kapal").body();
		assertThat(readOnly).contains("KM HARAPAN KEI 7").doesNotContain("id=\"vessel-form\"");
	}

	@Test
	void theDemoRegistryLooksLikeTheField() {
		Map<String, Object> counts = jdbc.sql("""
				select count(*) as persons,
				  count(*) filter (where category = 'EX_CREW') as ex_crew,
				  count(distinct region_code) as villages,
				  (select count(*) from identity_link where kind = 'NIK') as niks,
				  (select count(*) from person p2 where p2.nationality = 'THA' and p2.claimed_nationality = 'MMR') as thai_papers
				from person where created_by = 'demo'""").query().singleRow();
		assertThat(((Number) counts.get("persons")).intValue()).isBetween(190, 210);
		assertThat(((Number) counts.get("ex_crew")).intValue()).isGreaterThan(40);
		assertThat(((Number) counts.get("villages")).intValue()).isGreaterThan(15);
		assertThat(((Number) counts.get("niks")).intValue()).isPositive();
		assertThat(((Number) counts.get("thai_papers")).intValue()).isPositive();
	}

	private Person register(String name, String nationality, String village) {
		return registry.register(KESBANGPOL, form(name, nationality, village, null));
	}

	private static PersonForm form(String name, String nationality, String village, String document) {
		return new PersonForm(name, "VILLAGE_REPORT", "M", "", nationality, "", "EX_CREW", "",
				document == null ? "" : "PASSPORT", document == null ? "" : document, "", "", "", "", "",
				village == null ? "" : village, "", "");
	}

	private List<Long> ids(String text) {
		return rows(Scope.of("81.72"), new PersonQueries.Filter(text, null, null, null, null, null)).stream()
				.map(PersonQueries.Row::id).toList();
	}

	private List<PersonQueries.Row> rows(Scope scope, PersonQueries.Filter filter) {
		return queries.search(scope, filter, PersonQueries.Sort.RELEVANCE, 0).rows();
	}
}
