package id.pantau.crossings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import id.pantau.PantauIntegrationTest;
import id.pantau.TokenClient;
import id.pantau.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PantauIntegrationTest
class CrossingApiIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PROVENANCE = "?legal_basis=" + URLEncoder.encode("Surat Kanim Tual W.27-456",
			StandardCharsets.UTF_8) + "&origin=SIMKIM";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String feedName;
	TokenClient feed;

	@BeforeEach
	void immigrationsFeed() {
		feedName = "simkim-" + unique();
		feed = new TokenClient(port, TokenClient.issue(WebSession.loggedIn(port, "admin"), feedName, "IMIGRASI_FEED",
				"IMIGRASI", "").token());
	}

	@Test
	void immigrationsSystemPostsRecordsEachAddedKnownOrRefusedAndTheSameRequestAgainAddsNothing() {
		String tag = unique();
		String body = "[" + String.join(",",
				"""
						{"direction": "MASUK", "crossed_at": "2026-03-01 14:30", "port": "TUAL-LAUT",
						 "document_number": "MA%s1", "nationality": "Myanmar", "full_name": "KYAW MIN HTUN",
						 "birth_date": "1979-03-15", "sex": "L", "permit_type": "VOA", "stay_until": "2026-03-31",
						 "transport": "KM Sirimau"}""".formatted(tag),
				"""
						{"direction": "EXIT", "crossed_at": "2026-03-20T09:00:00+09:00", "port": "TUAL-LAUT",
						 "document_number": "MA%s1", "nationality": "MMR", "full_name": "KYAW MIN HTUN",
						 "birth_date": 1979, "sex": null}""".formatted(tag),
				"""
						{"direction": "ENTRY", "crossed_at": "2026-04-04 10:00", "port": "TUAL-LAUT",
						 "document_number": "X%s", "nationality": "Narnia", "full_name": "ASLAN"}""".formatted(tag))
				+ "]";

		HttpResponse<String> first = feed.post("/api/v1/crossings" + PROVENANCE, body);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		JsonNode answer = JSON.readTree(first.body());
		assertThat(statuses(answer)).containsExactly("ADDED", "ADDED", "REFUSED");
		assertThat(answer.get("records").get(2).get("index").asInt()).isEqualTo(2);
		assertThat(answer.get("records").get(2).get("reason").asString())
				.isEqualTo("kewarganegaraan \"Narnia\" tidak dikenal");
		assertThat(answer.get("records").get(0).has("reason")).isFalse();
		assertThat(answer.get("added").asInt()).isEqualTo(2);
		long batch = answer.get("batchId").asLong();
		assertThat(count("crossing", "document_number = 'MA" + tag + "1'")).isEqualTo(2);
		assertThat(jdbc.sql("select stay_until::text from crossing where document_number = :doc and direction = 'ENTRY'")
				.param("doc", "MA" + tag + "1").query(String.class).single()).isEqualTo("2026-03-31");
		assertThat(jdbc.sql("select file_name || '|' || created_by || '|' || legal_basis || '|' || rows_refused "
				+ "from import_batch where id = :id").param("id", batch).query(String.class).single())
				.isEqualTo("api:" + feedName + "|api:" + feedName + "|Surat Kanim Tual W.27-456|1");
		assertThat(jdbc.sql("select actor || ' ' || details from audit_event where action = 'CROSSINGS_IMPORTED' "
				+ "and subject_id = :id").param("id", Long.toString(batch)).query(String.class).single())
				.startsWith("api:" + feedName + " ").contains("\"added\":\"2\"").contains("SIMKIM");
		assertThat(jdbc.sql("select reason_key from import_row_error where batch_id = :id").param("id", batch)
				.query(String.class).single()).isEqualTo("import.row.nationality");

		HttpResponse<String> again = feed.post("/api/v1/crossings" + PROVENANCE, body);
		JsonNode second = JSON.readTree(again.body());
		assertThat(statuses(second)).containsExactly("KNOWN", "KNOWN", "REFUSED");
		assertThat(second.get("alreadyReceived").asBoolean()).isTrue();
		assertThat(second.get("batchId").asLong()).isEqualTo(batch);
		assertThat(count("crossing", "document_number = 'MA" + tag + "1'")).isEqualTo(2);
		assertThat(count("import_batch", "file_name = 'api:" + feedName + "'")).isEqualTo(1);
	}

	@Test
	void aRecordStoredBeforeIsKnownInAnotherRequestAndTwiceInOneRequestIsAddedOnce() {
		String tag = unique();
		String stored = """
				{"direction": "ENTRY", "crossed_at": "2026-05-01 10:00", "port": "TUAL-LAUT",
				 "document_number": "MB%s", "nationality": "MMR", "full_name": "ZAW WIN"}""".formatted(tag);
		feed.post("/api/v1/crossings" + PROVENANCE, "[" + stored + "]");

		String reordered = """
				{"full_name": "Zaw  Win", "nationality": "Myanmar", "document_number": "mb-%s", "port": "tual-laut",
				 "crossed_at": "2026-05-01T01:00:00Z", "direction": "masuk"}""".formatted(tag);
		String exit = """
				{"direction": "EXIT", "crossed_at": "2026-05-09 10:00", "port": "TUAL-LAUT",
				 "document_number": "MB%s", "nationality": "MMR", "full_name": "ZAW WIN"}""".formatted(tag);
		HttpResponse<String> response = feed.post("/api/v1/crossings", """
				{"legal_basis": "Surat Kanim Tual W.27-457", "origin": "SIMKIM",
				 "records": [%s, %s, %s, {"direction": "ENTRY", "tpi": "TUAL-LAUT"}, "MASUK", {"port": ["A"]}]}"""
				.formatted(reordered, exit, exit));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode answer = JSON.readTree(response.body());
		assertThat(statuses(answer)).containsExactly("KNOWN", "ADDED", "KNOWN", "REFUSED", "REFUSED", "REFUSED");
		assertThat(answer.get("records").get(3).get("reason").asString()).isEqualTo("kolom tidak dikenal: tpi");
		assertThat(answer.get("records").get(4).get("reason").asString()).isEqualTo("catatan bukan objek JSON");
		assertThat(answer.get("records").get(5).get("reason").asString())
				.isEqualTo("kolom port harus berupa teks, angka atau null");
		assertThat(count("crossing", "document_number = 'MB" + tag + "'")).isEqualTo(2);
	}

	@Test
	void aRefusedRecordNamesTheRequestsFieldAndTheAnswerCanBeInEnglish() {
		String record = "[{\"direction\": \"ENTRY\", \"crossed_at\": \"2026-05-01 10:00\", \"port\": \"TUAL-LAUT\","
				+ " \"nationality\": \"MMR\", \"full_name\": \"ZAW WIN\"}]";
		JsonNode answer = JSON.readTree(feed.post("/api/v1/crossings" + PROVENANCE, record).body());
		assertThat(answer.get("records").get(0).get("reason").asString()).isEqualTo("kolom document_number kosong");
		JsonNode english = JSON.readTree(feed.post("/api/v1/crossings" + PROVENANCE + "&lang=en",
				record.replace("ZAW WIN", "ZAW WIN OO")).body());
		assertThat(english.get("records").get(0).get("reason").asString()).isEqualTo("column document_number is empty");
	}

	@Test
	void legalBasisAndOriginAreRequiredAndTenThousandRecordsAreTheMost() {
		HttpResponse<String> missing = feed.post("/api/v1/crossings",
				"[{\"direction\": \"ENTRY\"}]");
		assertThat(missing.statusCode()).isEqualTo(400);
		JsonNode problem = JSON.readTree(missing.body());
		assertThat(problem.get("errors").toString()).contains("legal_basis").contains("origin").contains("wajib diisi");

		assertThat(feed.post("/api/v1/crossings" + PROVENANCE, "[]").statusCode()).isEqualTo(400);
		assertThat(feed.post("/api/v1/crossings" + PROVENANCE, "{\"records\": 5}").statusCode()).isEqualTo(400);
		assertThat(feed.post("/api/v1/crossings" + PROVENANCE, "[{").statusCode()).isEqualTo(400);

		List<String> many = new ArrayList<>();
		for (int i = 0; i <= 10_000; i++) {
			many.add("{\"direction\": \"ENTRY\", \"crossed_at\": \"2026-05-01 10:00\", \"port\": \"TUAL-LAUT\", "
					+ "\"document_number\": \"TM" + i + "\", \"nationality\": \"MMR\", \"full_name\": \"A B\"}");
		}
		long before = count("import_batch", "true");
		HttpResponse<String> tooMany = feed.post("/api/v1/crossings" + PROVENANCE, "[" + String.join(",", many) + "]");
		assertThat(tooMany.statusCode()).isEqualTo(413);
		assertThat(JSON.readTree(tooMany.body()).get("detail").asString()).contains("maksimal 10.000");
		assertThat(count("import_batch", "true")).isEqualTo(before);
	}

	/**
	 * Issue 16, item 6: a 30 MB name was taken and kept in a refused row. A body beyond the JSON limit is refused at
	 * the door (413), a field beyond any real one refuses the whole request (400), each with a problem detail in
	 * Indonesian, and nothing is stored.
	 */
	@Test
	void aThirtyMegabyteNameOrAFieldLongerThanAnyRealOneIsRefusedWithAProblemAndNothingIsStored() {
		long batches = count("import_batch", "true");
		long refusedRows = count("import_row_error", "true");
		String record = "[{\"direction\": \"ENTRY\", \"crossed_at\": \"2026-05-01 10:00\", \"port\": \"TUAL-LAUT\","
				+ " \"document_number\": \"LN" + unique() + "\", \"nationality\": \"MMR\", \"full_name\": \"%s\"}]";

		HttpResponse<String> huge = feed.post("/api/v1/crossings" + PROVENANCE,
				record.formatted("A".repeat(30 << 20)));
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(huge.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode tooLarge = JSON.readTree(huge.body());
		assertThat(tooLarge.get("detail").asString()).contains("Isi permintaan terlalu besar").contains("8 MB");

		HttpResponse<String> longName = feed.post("/api/v1/crossings" + PROVENANCE, record.formatted("B".repeat(5000)));
		assertThat(longName.statusCode()).isEqualTo(400);
		assertThat(longName.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(JSON.readTree(longName.body()).get("errors").toString()).contains("records[0].full_name")
				.contains("lebih panjang dari 1.000 karakter");

		assertThat(count("import_batch", "true")).isEqualTo(batches);
		assertThat(count("import_row_error", "true")).isEqualTo(refusedRows);

		HttpResponse<String> form = new WebSession(port).postRaw("/login",
				java.util.Map.of("username", "x", "password", "p".repeat(2 << 20)));
		assertThat(form.statusCode()).as("a form beyond 1 MB").isEqualTo(413);
	}

	@Test
	void aPartnerCannotPostCrossingsButListsThemWithTheFiltersOfThePage() {
		String tag = unique();
		feed.post("/api/v1/crossings" + PROVENANCE, """
				[{"direction": "EXIT", "crossed_at": "2026-06-02 10:00", "port": "TUAL-LAUT",
				  "document_number": "MG%s", "nationality": "THA", "full_name": "SOMCHAI SRISUK"}]""".formatted(tag));
		TokenClient partner = new TokenClient(port, TokenClient.issue(WebSession.loggedIn(port, "admin"),
				"mitra-" + unique(), "PARTNER", "KESBANGPOL", "81.72").token());

		HttpResponse<String> post = partner.post("/api/v1/crossings" + PROVENANCE, "[]");
		assertThat(post.statusCode()).isEqualTo(403);
		assertThat(post.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));

		HttpResponse<String> list = partner.get(
				"/api/v1/crossings?from=2026-06-02&to=2026-06-02&direction=EXIT&nationality=THA&port=TUAL-LAUT&linked=false");
		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode page = JSON.readTree(list.body());
		assertThat(page.get("rows").toString()).contains("MG" + tag).contains("SOMCHAI SRISUK");
		for (JsonNode row : page.get("rows")) {
			assertThat(row.get("direction").asString()).isEqualTo("EXIT");
			assertThat(row.get("nationality").asString()).isEqualTo("THA");
		}
		assertThat(page.get("pageSize").asInt()).isEqualTo(50);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'CROSSINGS_LISTED' and actor like 'api:mitra-%'")
				.query(Long.class).single()).isPositive();
		assertThat(partner.get("/api/v1/crossings?direction=SIDEWAYS").statusCode()).isEqualTo(400);
	}

	@Test
	void theBrowserSessionApiStillNeedsItsCsrfTokenWhileATokenRequestNeedsNone() {
		String tag = unique();
		String record = """
				[{"direction": "ENTRY", "crossed_at": "2026-07-01 10:00", "port": "TUAL-LAUT",
				  "document_number": "MH%s", "nationality": "VNM", "full_name": "NGUYEN VAN HUNG"}]""".formatted(tag);
		WebSession officer = WebSession.loggedIn(port, "imigrasi");
		assertThat(officer.jsonWithoutCsrf("POST", "/api/v1/crossings" + PROVENANCE, record).statusCode())
				.isEqualTo(403);
		assertThat(count("crossing", "document_number = 'MH" + tag + "'")).isZero();

		HttpResponse<String> withCsrf = officer.json("POST", "/api/v1/crossings" + PROVENANCE, record);
		assertThat(withCsrf.statusCode()).as(withCsrf.body()).isEqualTo(200);
		assertThat(statuses(JSON.readTree(withCsrf.body()))).containsExactly("ADDED");
		assertThat(jdbc.sql("select file_name from import_batch where id = :id")
				.param("id", JSON.readTree(withCsrf.body()).get("batchId").asLong()).query(String.class).single())
				.isEqualTo("api:imigrasi");
		assertThat(officer.json("GET", "/api/v1/crossings?nationality=VNM", null).body()).contains("MH" + tag);

		HttpResponse<String> token = feed.post("/api/v1/crossings" + PROVENANCE, record.replace("ENTRY", "EXIT"));
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.headers().firstValue("Set-Cookie")).as("stateless").isEmpty();
		assertThat(WebSession.loggedIn(port, "kesbangpol").json("POST", "/api/v1/crossings" + PROVENANCE, record)
				.statusCode()).as("Kesbangpol does not post crossings").isEqualTo(403);
	}

	private static List<String> statuses(JsonNode answer) {
		List<String> statuses = new ArrayList<>();
		answer.get("records").forEach(r -> statuses.add(r.get("status").asString()));
		return statuses;
	}

	private long count(String table, String condition) {
		return jdbc.sql("select count(*) from " + table + " where " + condition).query(Long.class).single();
	}

	private static String unique() {
		return Long.toString(System.nanoTime() % 1_000_000_000L);
	}
}
