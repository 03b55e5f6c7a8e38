package id.pantau.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.PantauIntegrationTest;
import id.pantau.RandomInputs;
import id.pantau.TestClock;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input changes nothing: no mass assignment, no stored XSS, no SQL injection, no write without a CSRF token. */
@PantauIntegrationTest
class InputSafetyIntegrationTests {

	/**
	 * What only a leaked internal error shows: an exception's class, a stack frame, PostgreSQL's error fields. Not the
	 * bare words "SQL" or "Exception", which a person's name or a search echoed back may hold.
	 */
	private static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile(
			"\\b(?:java|org|jakarta)\\.[a-z]+\\.[\\w.]*(?:Exception|Error)\\b|\\bat (?:java|org|id)\\.[\\w.$]+\\(|PSQLException|SQLState|ERROR: syntax error");

	private static final String FIDITAN = "81.72.01.2001";
	private static final String TAAR = "81.72.02.2002";
	private static final Pattern ID = Pattern.compile("/(\\d+)$");

	/** What an attacker puts into a sort or filter field. */
	private static final List<String> HOSTILE = List.of("NAME;drop table person--", "' or '1'='1", "1' or 1=1--",
			"81.72' or region_code like '%", "p.region_code", "(select 1)", "\" or \"\"=\"", "%", "_", "\\",
			"-1", "99999999999999999999", "NaN", "<script>alert(1)</script>", "\u0000", "ＮＡＭＥ", "name desc");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void extraFieldsOfAPersonAreIgnoredAndItsVillageCannotBeChosenOutsideTheScope() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		HttpResponse<String> created = village.json("POST", "/api/v1/persons", """
				{"primaryName": "HASSAN MASSASSIGN", "sex": "M", "nationality": "MMR", "category": "EX_CREW",
				 "id": 1, "version": 42, "regionCode": "%s", "status": "DEPORTED", "createdBy": "admin",
				 "mergedInto": 1, "createdAt": "2000-01-01T00:00:00Z"}""".formatted(TAAR));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = id(created);
		assertThat(id).isNotEqualTo(1);
		Map<String, Object> row = jdbc.sql("select region_code, status, created_by, version, merged_into, created_at "
				+ "> ? as fresh from person where id = ?").param(java.sql.Timestamp.from(TestClock.now().minusSeconds(3600)))
				.param(id).query().singleRow();
		assertThat(row).containsEntry("region_code", FIDITAN).containsEntry("status", "PRESENT")
				.containsEntry("created_by", "ohoi.fiditan").containsEntry("merged_into", null)
				.containsEntry("fresh", true);
		assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");

		HttpResponse<String> elsewhere = village.json("POST", "/api/v1/persons", """
				{"primaryName": "HASSAN DITAAR", "category": "EX_CREW", "villageCode": "%s"}""".formatted(TAAR));
		assertThat(elsewhere.statusCode()).isEqualTo(400);
		assertThat(elsewhere.body()).contains("villageCode").doesNotContain("Exception");

		HttpResponse<String> updated = village.json("PUT", "/api/v1/persons/" + id, """
				{"primaryName": "HASSAN MASSASSIGN", "category": "EX_CREW", "villageCode": "%s", "regionCode": "%s",
				 "status": "DECEASED", "version": 0, "sex": null, "birthDate": null, "nationality": null,
				 "claimedNationality": null, "notes": null}""".formatted(TAAR, TAAR), "If-Match", "\"0\"");
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		assertThat(jdbc.sql("select region_code || '/' || status from person where id = ?").param(id)
				.query(String.class).single()).isEqualTo(FIDITAN + "/PRESENT");

		HttpResponse<String> page = village.post("/orang-asing/baru", Map.of("primaryName", "HASSAN HALAMAN",
				"category", "EX_CREW", "villageCode", TAAR, "regionCode", TAAR, "status", "DEPORTED"));
		assertThat(page.statusCode()).as("the form again, with the error").isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from person where primary_name = 'HASSAN HALAMAN'").query(Long.class)
				.single()).isZero();
	}

	@Test
	void extraFieldsOfAReportAreIgnoredAndAVillageReportsOnlyForItself() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		HttpResponse<String> created = village.json("POST", "/api/v1/reports", """
				{"namesAsHeard": "LAPORAN MASSASSIGN", "clientKey": "%s", "state": "VALIDATED", "id": 1,
				 "version": 9, "number": "X-1", "outcome": "KNOWN_IN_ORDER", "personId": 1, "createdBy": "admin"}"""
				.formatted(java.util.UUID.randomUUID()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Map<String, Object> row = jdbc.sql("select village_code, state, outcome, person_id from village_report "
				+ "where id = ?").param(id(created)).query().singleRow();
		assertThat(row).containsEntry("village_code", FIDITAN).containsEntry("state", "DRAFT")
				.containsEntry("outcome", null).containsEntry("person_id", null);

		HttpResponse<String> elsewhere = village.json("POST", "/api/v1/reports", """
				{"namesAsHeard": "LAPORAN DITAAR", "villageCode": "%s", "clientKey": "%s"}"""
				.formatted(TAAR, java.util.UUID.randomUUID()));
		// refused, or made in the official's own village: never in Taar
		assertThat(elsewhere.statusCode()).isIn(201, 400, 403, 404);
		if (elsewhere.statusCode() == 201) {
			assertThat(jdbc.sql("select village_code from village_report where id = ?").param(id(elsewhere))
					.query(String.class).single()).isEqualTo(FIDITAN);
		}
		assertThat(jdbc.sql("select count(*) from village_report where names_as_heard = 'LAPORAN DITAAR' "
				+ "and village_code = ?").param(TAAR).query(Long.class).single()).isZero();
	}

	@Test
	void namesWithMarkupAndInvisibleControlsRenderAsText() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> \u202Egnp.exe\u200B ZAW\u200DMIN";
		HttpResponse<String> created = village.json("POST", "/api/v1/persons", "{\"primaryName\": "
				+ json(hostile) + ", \"category\": \"EX_CREW\", \"notes\": " + json("<b onmouseover=alert(1)>x</b>")
				+ "}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = id(created);
		String stored = jdbc.sql("select primary_name from person where id = ?").param(id).query(String.class).single();
		assertThat(stored).as("no right-to-left override, no zero-width space stored").doesNotContain("\u202E")
				.doesNotContain("\u200B").contains("ZAW\u200DMIN").contains("<script>");

		for (String path : List.of("/orang-asing/" + id, "/orang-asing?q=ZAW", "/orang-asing/" + id + "/ubah")) {
			String page = village.get(path).body();
			assertThat(page).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x")
					.doesNotContain("<b onmouseover").doesNotContain("\u202E");
			assertThat(page).as(path).contains("&lt;script&gt;alert(");
		}
		HttpResponse<String> report = village.json("POST", "/api/v1/reports", "{\"namesAsHeard\": " + json(hostile)
				+ ", \"clientKey\": \"" + java.util.UUID.randomUUID() + "\"}");
		String reportPage = village.get("/laporan/" + id(report)).body();
		assertThat(reportPage).doesNotContain("<script>alert").doesNotContain("<img src=x")
				.contains("&lt;script&gt;alert(");
	}

	@Test
	void htmxMayCallOnlyItsOwnServerAndNeverEvaluatesScript() {
		String page = WebSession.loggedIn(port, "ohoi.fiditan").get("/orang-asing").body();
		Matcher config = Pattern.compile("<meta name=\"htmx-config\" content='([^']+)'>").matcher(page);
		assertThat(config.find()).isTrue();
		assertThat(config.group(1)).contains("\"selfRequestsOnly\":true", "\"allowEval\":false",
				"\"allowScriptTags\":false");
		assertThat(page).containsPattern("src=\"/webjars/htmx.org/[^\"]*htmx\\.min-[0-9a-f]{32}\\.js\"").doesNotContain("src=\"http");
	}

	@Test
	void hostileSortAndFilterFieldsGetACleanAnswerAndWidenNothing() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		WebSession city = WebSession.loggedIn(port, "kesbangpol");
		WebSession admin = WebSession.loggedIn(port, "admin");
		long before = jdbc.sql("select count(*) from person").query(Long.class).single();
		List<String> failures = new ArrayList<>();
		Map<WebSession, List<String>> pages = Map.of(
				village, List.of("/orang-asing?sort=%s", "/orang-asing?region=%s", "/orang-asing?nationality=%s",
						"/orang-asing?category=%s", "/orang-asing?status=%s", "/orang-asing?permitEndingWithinDays=%s",
						"/orang-asing?page=%s", "/orang-asing?q=%s", "/laporan?status=%s",
						"/api/v1/persons?sort=%s", "/api/v1/persons?region=%s", "/api/v1/persons?nationality=%s",
						"/api/v1/persons?page=%s", "/api/v1/persons?q=%s", "/api/v1/persons?category=%s",
						"/api/v1/reports?state=%s", "/api/v1/reports?page=%s", "/wilayah/%s"),
				city, List.of("/perlintasan?from=%s", "/perlintasan?direction=%s", "/perlintasan?port=%s",
						"/perlintasan?nationality=%s", "/perlintasan?page=%s", "/api/v1/crossings?from=%s",
						"/api/v1/crossings?direction=%s", "/api/v1/crossings?port=%s", "/api/v1/crossings?linked=%s",
						"/api/v1/crossings?page=%s", "/api/v1/changes?since=%s", "/api/v1/changes?limit=%s",
						"/pencocokan?queue=%s", "/pencocokan?page=%s", "/perlintasan?linked=%s", "/api/v1/matches?queue=%s", "/laporan/ekspor?format=%s",
						"/laporan/ekspor?from=%s", "/pencocokan?source=%s", "/pencocokan?nationality=%s",
						"/pencocokan?score=%s", "/pencocokan?age=%s", "/pencocokan?sort=%s", "/api/v1/matches?source=%s",
						"/api/v1/matches?nationality=%s", "/api/v1/matches?score=%s", "/api/v1/matches?age=%s",
						"/api/v1/matches?sort=%s", "/api/v1/matches?page=%s"),
				admin, List.of("/admin/audit?action=%s", "/admin/audit?actor=%s", "/admin/audit?before=%s",
						"/admin/pengguna?q=%s", "/admin/pengguna?role=%s", "/admin/pengguna?page=%s"));
		RandomInputs inputs = new RandomInputs(9);
		List<String> values = new ArrayList<>(HOSTILE);
		for (int i = 0; i < 8; i++) {
			values.add(inputs.anyText(40));
		}
		pages.forEach((session, templates) -> {
			for (String template : templates) {
				for (String value : values) {
					String path = template.formatted(URLEncoder.encode(value, StandardCharsets.UTF_8));
					HttpResponse<String> response = path.startsWith("/api/") ? session.json("GET", path, null)
							: session.get(path);
					int status = response.statusCode();
					if (status >= 500 || (status != 200 && status != 400 && status != 404)
							|| INTERNALS.matcher(response.body()).find()) {
						failures.add(path + " -> " + status);
					}
					if (session == village && response.body().contains("PENANDATAAR")) {
						failures.add(path + " showed another village's record");
					}
				}
			}
		});
		assertThat(failures).isEmpty();
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(before);
		HttpResponse<String> problem = village.json("GET", "/api/v1/persons?sort=NAME;drop", null);
		assertThat(problem.statusCode()).isEqualTo(400);
		assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).contains("problem+json"));
	}

	@Test
	void writesWithoutTheCsrfTokenAreRefused() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		assertThat(village.postRaw("/orang-asing/baru", Map.of("primaryName", "TANPA TOKEN", "category", "EX_CREW"))
				.statusCode()).isEqualTo(403);
		assertThat(village.postRaw("/laporan/baru", Map.of("namesAsHeard", "TANPA TOKEN")).statusCode())
				.isEqualTo(403);
		assertThat(village.jsonWithoutCsrf("POST", "/api/v1/persons",
				"{\"primaryName\": \"TANPA TOKEN\", \"category\": \"EX_CREW\"}").statusCode()).isEqualTo(403);
		assertThat(village.jsonWithoutCsrf("POST", "/api/v1/reports", "{\"namesAsHeard\": \"TANPA TOKEN\"}")
				.statusCode()).isEqualTo(403);
		assertThat(village.postWithHeader("/orang-asing/baru", Map.of("primaryName", "TANPA TOKEN"), "X-CSRF-TOKEN",
				"palsu").statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from person where primary_name = 'TANPA TOKEN'").query(Long.class)
				.single()).isZero();
	}

	private static long id(HttpResponse<String> created) {
		Matcher m = ID.matcher(WebSession.location(created));
		assertThat(m.find()).as(created.statusCode() + " " + created.body()).isTrue();
		return Long.parseLong(m.group(1));
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c > 0x7e) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}
}
