package id.pantau.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.TokenClient;
import id.pantau.WebSession;
import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import id.pantau.identity.domain.AccountSeeding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review queue as a reviewer works through it: narrowed by source, nationality, score band and age, sorted, a
 * page of 50 at a time with counts, on the page and over the API, and never showing or counting a record outside the
 * user's area. The cases are made by the real matching from crossings and reports posted here; their proposal and
 * score are then set, so that each band holds known cases whatever the model decides. They are removed afterwards,
 * so that other tests find the queues as they were.
 */
@PantauIntegrationTest
class MatchQueueIntegrationTests {

	private static final String PROVENANCE = "?legal_basis=" + URLEncoder.encode("Surat Kanim Tual W.27-790",
			StandardCharsets.UTF_8) + "&origin=SIMKIM";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountSeeding seeding;

	TokenClient feed;

	private final List<Long> madeCases = new ArrayList<>();

	@BeforeEach
	void immigrationsFeed() {
		feed = new TokenClient(port, TokenClient.issue(WebSession.loggedIn(port, "admin"), "queue-feed-" + tag(),
				"IMIGRASI_FEED", "IMIGRASI", "").token());
	}

	@AfterEach
	void removeTheCasesMadeHere() {
		if (!madeCases.isEmpty()) {
			jdbc.sql("delete from match_case where id in (:ids)").param("ids", madeCases).update();
		}
	}

	@Test
	void aReviewerNarrowsTheQueueBySourceNationalityScoreAndAgeAndTheCountsFollow() {
		String tag = tag();
		LocalDate today = TestClock.today();
		String adult = today.minusYears(36).toString();
		String child = today.minusYears(16).toString();
		long batch = postBatch(
				row("ENTRY", "2026-05-06 08:00", "LI QIANG " + tag, "CHN", "L", adult, "A1" + tag),
				row("ENTRY", "2026-05-06 09:00", "LI NA " + tag, "CHN", "P", child, "A2" + tag),
				row("EXIT", "2026-05-06 10:00", "JOSE REYES " + tag, "PHL", "L", "1960", "A3" + tag),
				row("ENTRY", "2026-05-06 11:00", "NGUYEN VAN AN " + tag, "VNM", "L", "1999-03-04", "A4" + tag));
		long liQiang = review(batch, "LI QIANG " + tag, 0.97);
		long liNa = review(batch, "LI NA " + tag, 0.6);
		long jose = review(batch, "JOSE REYES " + tag, 0.3);
		long nguyen = review(batch, "NGUYEN VAN AN " + tag, 0.7);
		String source = "source=impor-" + batch;

		WebSession imigrasi = WebSession.loggedIn(port, "imigrasi");
		assertThat(ids(imigrasi, "?queue=REVIEW&" + source)).as("the batch, highest score first")
				.containsExactly(liQiang, nguyen, liNa, jose);
		assertThat(ids(imigrasi, "?queue=REVIEW&" + source + "&nationality=CHN")).containsExactly(liQiang, liNa);
		assertThat(ids(imigrasi, "?queue=REVIEW&" + source + "&score=HIGH")).containsExactly(liQiang);
		assertThat(ids(imigrasi, "?queue=REVIEW&" + source + "&score=50-90")).containsExactly(nguyen, liNa);
		assertThat(ids(imigrasi, "?queue=REVIEW&" + source + "&score=LOW")).containsExactly(jose);
		assertThat(ids(imigrasi, "?queue=REVIEW&" + source + "&age=UNDER_18")).containsExactly(liNa);
		assertThat(ids(imigrasi, "?queue=REVIEW&" + source + "&age=31-50")).containsExactly(liQiang);
		assertThat(ids(imigrasi, "?queue=REVIEW&" + source + "&age=OVER_50")).as("from the birth year alone")
				.containsExactly(jose);
		assertThat(ids(imigrasi, "?queue=REVIEW&" + source + "&age=UNKNOWN")).isEmpty();

		JsonNode chinese = api(imigrasi, "?queue=REVIEW&" + source + "&nationality=chn");
		assertThat(chinese.get("total").asLong()).isEqualTo(2);
		assertThat(chinese.get("counts").get("REVIEW").asLong()).isEqualTo(2);
		assertThat(chinese.get("counts").get("LINKED").asLong()).isZero();
		JsonNode record = chinese.get("cases").get(0).get("record");
		assertThat(record.get("documentNumber").asString()).isEqualTo("A1" + tag);
		assertThat(record.get("birthDate").asString()).isEqualTo(adult);
		assertThat(record.get("age").asInt()).isEqualTo(36);
		assertThat(record.get("port").asString()).isEqualTo("TUAL-LAUT");
		assertThat(record.get("batchId").asLong()).isEqualTo(batch);

		HttpResponse<String> page = imigrasi.get("/pencocokan?queue=review&source=impor-" + batch
				+ "&nationality=CHN");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"case-row-" + liQiang + "\"", "id=\"case-row-" + liNa + "\"")
				.doesNotContain("id=\"case-row-" + jose + "\"", "id=\"case-row-" + nguyen + "\"")
				.contains("Menampilkan 1\u20132 dari 2").containsPattern("id=\"count-review\">2<")
				.containsPattern("id=\"count-linked\">0<")
				.as("the chosen filter stays chosen").contains("value=\"impor-" + batch + "\" selected=\"selected\"")
				.contains("value=\"CHN\" selected=\"selected\"");
		String row = row(page.body(), liQiang);
		assertThat(row).as("every field of the record, in words and dd-mm-yyyy")
				.contains("A1" + tag, TestClock.today().minusYears(36).format(java.time.format.DateTimeFormatter
						.ofPattern("dd-MM-yyyy")), "(36 th)", "China", "Laki-laki", "Masuk", "06-05-2026",
						"97,0 %", "kemungkinan besar orang yang sama", "w-tenth-10")
				.doesNotContain(">CHN<", ">M<", "bit");
		assertThat(row(page.body(), liNa)).contains("Perempuan", "(16 th)", "w-tenth-6");
	}

	@Test
	void theQueueSortsByScoreDateOrNameAndPagesThroughFiftyAtATimeWithoutSkippingATie() {
		String tag = tag();
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < 55; i++) {
			rows.add(row("ENTRY", "2026-04-%02d %02d:%02d".formatted(1 + i % 28, 8 + i / 28, i % 60),
					"CREW %02d %s".formatted(54 - i, tag), "MMR", "L", "1990", "C%02d%s".formatted(i, tag)));
		}
		long batch = postBatch(rows.toArray(String[]::new));
		List<Long> cases = jdbc.sql("select id from crossing where batch_id = :b order by id").param("b", batch)
				.query(Long.class).list().stream().map(crossing -> caseOf("CROSSING", crossing)).toList();
		for (long caseId : cases) {
			force(caseId, "REVIEW", 0.8);
		}
		String source = "&source=impor-" + batch;

		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		JsonNode first = api(kesbangpol, "?queue=REVIEW" + source);
		JsonNode second = api(kesbangpol, "?queue=REVIEW&page=1" + source);
		assertThat(first.get("total").asLong()).isEqualTo(55);
		assertThat(first.get("cases").size()).isEqualTo(50);
		assertThat(first.get("hasNext").asBoolean()).isTrue();
		assertThat(second.get("first").asLong()).isEqualTo(51);
		assertThat(second.get("last").asLong()).isEqualTo(55);
		List<Long> paged = new ArrayList<>(ids(first));
		paged.addAll(ids(second));
		List<Long> byIdDescending = new ArrayList<>(cases);
		byIdDescending.sort(java.util.Comparator.reverseOrder());
		assertThat(paged).as("equal scores: by id, each case once").doesNotHaveDuplicates()
				.containsExactlyElementsOf(byIdDescending);

		assertThat(names(api(kesbangpol, "?queue=REVIEW&sort=NAME" + source)).subList(0, 3))
				.containsExactly("CREW 00 " + tag, "CREW 01 " + tag, "CREW 02 " + tag);
		List<Long> oldestFirst = ids(api(kesbangpol, "?queue=REVIEW&sort=OLDEST_RECORD" + source));
		assertThat(oldestFirst.subList(0, 2)).as("crossed on 1 April at 08:00, then at 09:28").containsExactly(
				cases.get(0), cases.get(28));
		force(cases.get(54), "REVIEW", 0.99);
		assertThat(ids(api(kesbangpol, "?queue=REVIEW" + source)).get(0)).isEqualTo(cases.get(54));
		assertThat(ids(api(kesbangpol, "?queue=REVIEW&sort=SCORE_LOWEST" + source)).get(0)).isEqualTo(byIdDescending.get(54));

		HttpResponse<String> page = kesbangpol.get("/pencocokan?queue=review&source=impor-" + batch
				+ "&sort=nama&page=1");
		assertThat(page.body()).contains("Menampilkan 51\u201355 dari 55")
				.as("the previous page keeps the filter and the order")
				.contains("href=\"/pencocokan?queue=review&amp;source=impor-" + batch + "&amp;sort=nama\"")
				.contains("value=\"nama\" selected=\"selected\"").contains("CREW 54 " + tag).doesNotContain("CREW 00 " + tag);
		assertThat(page.body()).as("the tabs keep the filter")
				.contains("href=\"/pencocokan?queue=linked&amp;source=impor-" + batch + "&amp;sort=nama\"");
	}

	@Test
	void anOfficerOfOneKecamatanNeitherSeesNorCountsAnotherKecamatansReportsOrAnyCrossing() {
		String tag = tag();
		long fiditan = report("ohoi.fiditan", "MAUNG " + tag + " FIDITAN");
		long taar = report("ohoi.taar", "MAUNG " + tag + " TAAR");
		long inFiditan = caseOf("REPORT", fiditan);
		long inTaar = caseOf("REPORT", taar);
		force(inFiditan, "NONE", null);
		force(inTaar, "NONE", null);
		long batch = postBatch(row("ENTRY", "2026-05-07 08:00", "MAUNG " + tag + " CREW", "MMR", "L", "1985",
				"K1" + tag));
		long crossing = review(batch, "MAUNG " + tag + " CREW", 0.7);

		String kesbangpol = "kesbang.kec1." + tag.toLowerCase();
		seeding.seed(kesbangpol, "Uji", Role.KESBANGPOL, Agency.KESBANGPOL, "81.72.01", WebSession.DEMO_PASSWORD, false);
		String imigrasi = "imigrasi.kec1." + tag.toLowerCase();
		seeding.seed(imigrasi, "Uji", Role.IMIGRASI, Agency.IMIGRASI, "81.72.01", WebSession.DEMO_PASSWORD, false);
		for (String officer : List.of(kesbangpol, imigrasi)) {
			WebSession kecamatan = WebSession.loggedIn(port, officer);
			HttpResponse<String> unmatched = kecamatan.get("/pencocokan?queue=unmatched");
			assertThat(unmatched.body()).as(officer).contains("id=\"case-row-" + inFiditan + "\"")
					.doesNotContain("id=\"case-row-" + inTaar + "\"").doesNotContain("TAAR");
			assertThat(unmatched.body()).as("only villages of the officer's area are offered")
					.contains("value=\"desa-81.72.01.2001\"").doesNotContain("value=\"desa-81.72.02.2002\"")
					.doesNotContain("value=\"impor-");
			assertThat(ids(kecamatan, "?queue=UNMATCHED&source=desa-81.72.02.2002")).isEmpty();
			JsonNode other = api(kecamatan, "?queue=UNMATCHED&source=desa-81.72.02.2002");
			assertThat(other.get("total").asLong()).as("another kecamatan's village counts nothing").isZero();
			assertThat(other.get("counts").get("UNMATCHED").asLong()).isZero();
			JsonNode crossings = api(kecamatan, "?queue=REVIEW&source=impor-" + batch);
			assertThat(crossings.get("total").asLong()).as("crossings are for regency-wide users").isZero();
			JsonNode own = api(kecamatan, "?queue=UNMATCHED&source=desa-81.72.01.2001");
			assertThat(ids(own)).contains(inFiditan);
			assertThat(api(kecamatan, "?queue=UNMATCHED").get("total").asLong())
					.as("every count is of the officer's area alone").isEqualTo(jdbc.sql("""
							select count(*) from match_case where record_kind = 'REPORT' and state = 'PENDING'
							  and proposal = 'NONE' and region_code like '81.72.01.%'""").query(Long.class).single());
		}
		WebSession city = WebSession.loggedIn(port, "kesbangpol");
		assertThat(ids(city, "?queue=UNMATCHED&source=desa-81.72.02.2002")).contains(inTaar);
		assertThat(ids(city, "?queue=REVIEW&source=impor-" + batch)).containsExactly(crossing);
	}

	@Test
	void aVillagesAgeWrittenInWordsOrAsADateIsReadForTheAgeFilterAsMatchingReadsIt() {
		String tag = tag();
		LocalDate today = TestClock.today();
		int year = today.getYear();
		Map<String, Integer> written = Map.of(
				"\u00b1 35 tahun", 35,
				"umur 17 th", 17,
				today.minusYears(40).plusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")), 39,
				Integer.toString(year - 60), 60,
				"31-02-1990", -1,
				"kira-kira tua", -1);
		Map<Long, Integer> expected = new java.util.HashMap<>();
		int i = 0;
		for (var entry : written.entrySet()) {
			long report = report("ohoi.fiditan", "HLA " + tag + " " + (char) ('A' + i++), entry.getKey());
			long caseId = caseOf("REPORT", report);
			force(caseId, "NONE", null);
			expected.put(caseId, entry.getValue());
		}
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		JsonNode all = api(kesbangpol, "?queue=UNMATCHED&source=desa-81.72.01.2001&sort=NEWEST_RECORD");
		int seen = 0;
		for (JsonNode c : all.get("cases")) {
			Integer age = expected.get(c.get("id").asLong());
			if (age != null) {
				seen++;
				JsonNode shown = c.get("record").get("age");
				assertThat(shown == null || shown.isNull() ? -1 : shown.asInt())
						.as(c.get("record").get("birthAsWritten").asString()).isEqualTo(age);
			}
		}
		assertThat(seen).isEqualTo(expected.size());
		assertThat(ids(kesbangpol, "?queue=UNMATCHED&source=desa-81.72.01.2001&age=UNKNOWN"))
				.as("an impossible date and words without a number are an unknown age")
				.containsAll(expected.entrySet().stream().filter(e -> e.getValue() < 0).map(Map.Entry::getKey)
						.toList());
		assertThat(ids(kesbangpol, "?queue=UNMATCHED&source=desa-81.72.01.2001&age=UNDER_18"))
				.containsAll(expected.entrySet().stream().filter(e -> e.getValue() == 17).map(Map.Entry::getKey)
						.toList());
	}

	@Test
	void aValueTheQueueDoesNotKnowIsNamedInIndonesianNeverAStackTrace() {
		WebSession imigrasi = WebSession.loggedIn(port, "imigrasi");
		HttpResponse<String> api = imigrasi.json("GET", "/api/v1/matches?queue=REVIEW&age=tua&sort=acak&page=x"
				+ "&source=desa-99&nationality=XYZ&score=9", null);
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).contains("application/problem+json"));
		JsonNode problem = JSON.readTree(api.body());
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("source", "nationality", "score", "age", "sort", "page");
		assertThat(api.body()).contains("Rentang umur tidak dikenal: \\\"tua\\\"", "Urutan tidak dikenal",
				"Kewarganegaraan tidak dikenal").doesNotContain("Exception", "at id.pantau");

		HttpResponse<String> page = imigrasi.get("/pencocokan?queue=review&age=tua&nationality=MMR&page=-3");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"match-filter-problems\"", "Rentang umur tidak dikenal",
				"Nomor halaman tidak sah").as("the known part of the filter still applies")
				.contains("value=\"MMR\" selected=\"selected\"").doesNotContain("Exception");
	}

	/** The linker's proposal as this test needs it: pending, with the proposal and score given. */
	private void force(long caseId, String proposal, Double score) {
		jdbc.sql("""
				update match_case set state = 'PENDING', proposal = :proposal, score = :score, person_id = null,
				  decided_at = null, decided_by = null where id = :id""").param("proposal", proposal)
				.param("score", score).param("id", caseId).update();
	}

	private long review(long batch, String name, double score) {
		long crossing = jdbc.sql("select id from crossing where batch_id = :b and full_name = :n").param("b", batch)
				.param("n", name).query(Long.class).single();
		long caseId = caseOf("CROSSING", crossing);
		force(caseId, "REVIEW", score);
		return caseId;
	}

	private List<Long> ids(WebSession session, String query) {
		return ids(api(session, query));
	}

	private static List<Long> ids(JsonNode answer) {
		List<Long> ids = new ArrayList<>();
		answer.get("cases").forEach(c -> ids.add(c.get("id").asLong()));
		return ids;
	}

	private static List<String> names(JsonNode answer) {
		List<String> names = new ArrayList<>();
		answer.get("cases").forEach(c -> names.add(c.get("recordName").asString()));
		return names;
	}

	private JsonNode api(WebSession session, String query) {
		HttpResponse<String> response = session.json("GET", "/api/v1/matches" + query, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	/** The table row of a case, from its opening tag to its closing one. */
	private static String row(String html, long caseId) {
		int start = html.indexOf("id=\"case-row-" + caseId + "\"");
		assertThat(start).isNotNegative();
		return html.substring(start, html.indexOf("</tr>", start));
	}

	private static String row(String direction, String at, String name, String nationality, String sex,
			String birth, String document) {
		return """
				{"direction": "%s", "crossed_at": "%s", "port": "TUAL-LAUT", "document_number": "%s",
				 "nationality": "%s", "full_name": "%s", "birth_date": "%s", "sex": "%s"}"""
				.formatted(direction, at, document, nationality, name, birth, sex);
	}

	/** Posts crossings as one batch and waits until matching made a case of each; gives the batch. */
	private long postBatch(String... rows) {
		HttpResponse<String> response = feed.post("/api/v1/crossings" + PROVENANCE, "[" + String.join(",", rows)
				+ "]");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		long batch = JSON.readTree(response.body()).get("batchId").asLong();
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				select count(*) = :n from crossing c join match_case m on m.record_kind = 'CROSSING' and m.record_id = c.id
				where c.batch_id = :b""").param("n", rows.length).param("b", batch).query(Boolean.class).single());
		madeCases.addAll(jdbc.sql("""
				select m.id from crossing c join match_case m on m.record_kind = 'CROSSING' and m.record_id = c.id
				where c.batch_id = :b""").param("b", batch).query(Long.class).list());
		return batch;
	}

	private long report(String village, String name) {
		return report(village, name, "1980");
	}

	private long report(String village, String name, String ageOrBirth) {
		HttpResponse<String> created = WebSession.loggedIn(port, village).post("/laporan/baru", Map.of(
				"namesAsHeard", name, "nationalityText", "Myanmar", "sex", "M", "ageOrBirth", ageOrBirth,
				"documentNumbers", "", "stayingAt", "RT 01", "activity", "nelayan", "submit", "true"));
		String location = WebSession.location(created);
		long report = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		await().atMost(Duration.ofSeconds(20)).until(() -> caseOrNull("REPORT", report) != null);
		madeCases.add(caseOrNull("REPORT", report));
		return report;
	}

	private Long caseOrNull(String kind, long record) {
		return jdbc.sql("select id from match_case where record_kind = :kind and record_id = :id").param("kind", kind)
				.param("id", record).query(Long.class).optional().orElse(null);
	}

	private long caseOf(String kind, long record) {
		return caseOrNull(kind, record);
	}

	/** Eight random capital letters: names and document numbers of this test's own. */
	private static String tag() {
		StringBuilder tag = new StringBuilder();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 8; i++) {
			tag.append((char) ('A' + random.nextInt(26)));
		}
		return tag.toString();
	}
}
