package id.pantau.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exactly one report per intention: the same client key posted again (Back and submit again, an outbox retry, two
 * posts racing) answers with the report made first and never a 500; a key of another user's report does not lead to
 * it. And the report page, the list and BPMPD's notification tell a report the village fixed and sent again from a
 * new one.
 */
@PantauIntegrationTest
class OneReportPerIntentionIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String FIDITAN = "81.72.01.2001";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void twoFormPostsOfTheSameReportRacingMakeOneSubmittedReportAndBothLeadToIt() throws Exception {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		for (int round = 0; round < 4; round++) {
			String name = "Thura Balapan Formulir " + round;
			Map<String, String> form = new HashMap<>(Map.of("namesAsHeard", name, "nationalityText", "Myanmar",
					"clientKey", UUID.randomUUID().toString(), "submit", "true"));
			form.put("_csrf", village.csrfToken());
			List<HttpResponse<String>> answers = race(() -> village.postRaw("/laporan/baru", form));

			assertThat(answers).extracting(HttpResponse::statusCode).as("round %d", round).containsOnly(302);
			assertThat(WebSession.location(answers.get(0))).isEqualTo(WebSession.location(answers.get(1)));
			long id = idFrom(WebSession.location(answers.get(0)));
			assertThat(count("select count(*) from village_report where names_as_heard = :name", name)).isOne();
			assertThat(state(id)).isEqualTo("SUBMITTED");
			assertThat(jdbc.sql("select count(*) from report_event where village_report_id = :id and to_state = 'SUBMITTED'")
					.param("id", id).query(Integer.class).single()).as("submitted once").isOne();
		}
	}

	@Test
	void twoApiPostsWithTheSameClientKeyRacingAnswerWithTheSameReport() throws Exception {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		// the session's CSRF token is made on first use after login: made here, not by the two racing posts, each of
		// which would otherwise make its own and one would be refused (403) for the other's
		village.csrfToken();
		for (int round = 0; round < 4; round++) {
			String name = "Zaw Balapan Api " + round;
			String body = "{\"clientKey\":\"" + UUID.randomUUID() + "\",\"namesAsHeard\":\"" + name + "\"}";
			List<HttpResponse<String>> answers = race(() -> village.json("POST", "/api/v1/reports", body));

			assertThat(answers).extracting(HttpResponse::statusCode).as("round %d: made once, then found", round)
					.containsExactlyInAnyOrder(201, 200);
			assertThat(JSON.readTree(answers.get(0).body()).get("id").asLong())
					.isEqualTo(JSON.readTree(answers.get(1).body()).get("id").asLong());
			assertThat(count("select count(*) from village_report where names_as_heard = :name", name)).isOne();
		}
	}

	/**
	 * The race made certain: a report with the key is inserted and left uncommitted, the post's own insert waits for
	 * it on the unique key, and once it commits the post answers with that report instead of failing.
	 */
	@Test
	void aPostWhoseInsertLosesTheRaceOnTheClientKeyAnswersWithTheWinner() throws Exception {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		UUID key = UUID.randomUUID();
		String name = "Min Naing Pemenang Balapan";
		String body = "{\"clientKey\":\"" + key + "\",\"namesAsHeard\":\"Min Naing Kalah Balapan\"}";
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (Connection winner = dataSource.getConnection()) {
			winner.setAutoCommit(false);
			long winnerId;
			try (PreparedStatement insert = winner.prepareStatement("""
					insert into village_report (number, village_code, state, names_as_heard, client_key, created_at,
					  created_by, state_since, updated_at, version)
					values (?, ?, 'DRAFT', ?, ?, now(), 'ohoi.fiditan', now(), now(), 0) returning id""")) {
				insert.setString(1, "LAP-UJI-BALAPAN-" + System.nanoTime());
				insert.setString(2, FIDITAN);
				insert.setString(3, name);
				insert.setObject(4, key);
				try (ResultSet rs = insert.executeQuery()) {
					rs.next();
					winnerId = rs.getLong(1);
				}
			}
			Future<HttpResponse<String>> post = pool.submit(() -> village.json("POST", "/api/v1/reports", body));
			await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
					select count(*) from pg_stat_activity where wait_event_type = 'Lock'
					  and query ilike 'insert into%village_report%'""").query(Integer.class).single() > 0);
			winner.commit();

			HttpResponse<String> answer = post.get(20, TimeUnit.SECONDS);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			assertThat(JSON.readTree(answer.body()).get("id").asLong()).isEqualTo(winnerId);
			assertThat(JSON.readTree(answer.body()).get("content").get("namesAsHeard").asString()).isEqualTo(name);
			assertThat(count("select count(*) from village_report where names_as_heard = :name",
					"Min Naing Kalah Balapan")).isZero();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theSameFormPostedAgainAfterBackLeadsToTheReportMadeFirstWithANotice() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		String key = UUID.randomUUID().toString();
		Map<String, String> saved = Map.of("namesAsHeard", "Kyaw Zin Tombol Kembali", "clientKey", key);
		HttpResponse<String> first = village.post("/laporan/baru", saved);
		long id = idFrom(WebSession.location(first));
		assertThat(state(id)).isEqualTo("DRAFT");
		assertThat(village.get("/laporan/" + id).body()).contains("Laporan disimpan sebagai draf.");

		HttpResponse<String> again = village.post("/laporan/baru", saved);
		assertThat(WebSession.location(again)).isEqualTo(WebSession.location(first));
		assertThat(village.get("/laporan/" + id).body()).contains("sudah tersimpan sebagai draf");

		Map<String, String> sent = new HashMap<>(saved);
		sent.put("submit", "true");
		HttpResponse<String> submitted = village.post("/laporan/baru", sent);
		assertThat(WebSession.location(submitted)).as("saved first, then sent from the same form")
				.isEqualTo(WebSession.location(first));
		assertThat(state(id)).isEqualTo("SUBMITTED");
		assertThat(village.get("/laporan/" + id).body()).contains("Laporan dikirim ke BPMPD.")
				.as("a sent report is no longer the village's to change, and its page says so")
				.contains("Tidak ada yang perlu dilakukan desa pada laporan ini sekarang").doesNotContain("id=\"report-edit\"");
		HttpResponse<String> sentAgain = village.post("/laporan/baru", sent);
		assertThat(WebSession.location(sentAgain)).isEqualTo(WebSession.location(first));
		assertThat(village.get("/laporan/" + id).body()).contains("Laporan ini sudah terkirim ke BPMPD");
		assertThat(count("select count(*) from village_report where names_as_heard = :name", "Kyaw Zin Tombol Kembali"))
				.isOne();

		// the edit form and the send button posted again once the report has gone: the report as it is
		HttpResponse<String> editedAgain = village.post("/laporan/" + id + "/ubah", Map.of("version", "0",
				"namesAsHeard", "Diubah Setelah Terkirim", "submit", "true"));
		assertThat(editedAgain.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(editedAgain)).endsWith("/laporan/" + id);
		assertThat(village.get("/laporan/" + id).body()).contains("Laporan ini sudah terkirim ke BPMPD");
		assertThat(village.get("/laporan/" + id + "/ubah").statusCode()).isEqualTo(302);
		assertThat(village.post("/laporan/" + id + "/kirim", Map.of("version", "0")).statusCode()).isEqualTo(302);
		assertThat(village.get("/laporan/" + id).body()).contains("Laporan ini sudah terkirim ke BPMPD")
				.doesNotContain("baru saja diproses orang lain");
		assertThat(jdbc.sql("select names_as_heard from village_report where id = :id").param("id", id)
				.query(String.class).single()).isEqualTo("Kyaw Zin Tombol Kembali");
		assertThat(jdbc.sql("select count(*) from report_event where village_report_id = :id and to_state = 'SUBMITTED'")
				.param("id", id).query(Integer.class).single()).isOne();
	}

	@Test
	void aRepeatedSubmitOverTheApiAnswersWithTheReportAsItIs() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		HttpResponse<String> created = village.json("POST", "/api/v1/reports",
				"{\"clientKey\":\"" + UUID.randomUUID() + "\",\"namesAsHeard\":\"Than Htike Kirim Ulang\"}");
		long id = JSON.readTree(created.body()).get("id").asLong();
		String etag = created.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> first = village.json("POST", "/api/v1/reports/" + id + "/submit", null, "If-Match", etag);
		HttpResponse<String> again = village.json("POST", "/api/v1/reports/" + id + "/submit", null, "If-Match", etag);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(JSON.readTree(again.body()).get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
		assertThat(jdbc.sql("select count(*) from report_event where village_report_id = :id and to_state = 'SUBMITTED'")
				.param("id", id).query(Integer.class).single()).isOne();
	}

	@Test
	void aClientKeyOfAnotherUsersReportIsRefusedAndDoesNotLeadToThatReport() {
		WebSession fiditan = WebSession.loggedIn(port, "ohoi.fiditan");
		String key = UUID.randomUUID().toString();
		String secret = "Nilar Rahasia Kunci";
		long id = idFrom(WebSession.location(fiditan.post("/laporan/baru", Map.of("namesAsHeard", secret,
				"clientKey", key, "submit", "true"))));

		WebSession taar = WebSession.loggedIn(port, "ohoi.taar");
		HttpResponse<String> page = taar.post("/laporan/baru", Map.of("namesAsHeard", "Tamu Taar Kunci Sama",
				"clientKey", key));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("kode laporan milik pengguna lain").doesNotContain(secret)
				.doesNotContain("/laporan/" + id + "\"").as("typed input kept").contains("Tamu Taar Kunci Sama")
				.as("a fresh key for saving again").doesNotContain(key);

		HttpResponse<String> api = taar.json("POST", "/api/v1/reports",
				"{\"clientKey\":\"" + key + "\",\"namesAsHeard\":\"Tamu Taar Kunci Sama\"}");
		assertThat(api.statusCode()).isEqualTo(409);
		assertThat(api.body()).contains("kode laporan milik pengguna lain").doesNotContain(secret)
				.doesNotContain("\"id\":" + id);

		HttpResponse<String> officer = WebSession.loggedIn(port, "bpmpd").json("POST", "/api/v1/reports",
				"{\"clientKey\":\"" + key + "\",\"villageCode\":\"" + FIDITAN + "\",\"namesAsHeard\":\"Atas Nama Desa\"}");
		assertThat(officer.statusCode()).as("the same village, but not the same author").isEqualTo(409);
		assertThat(count("select count(*) from village_report where client_key = :name", UUID.fromString(key))).isOne();
	}

	@Test
	void aDraftIsTheVillagesOwnAndNoOfficerSeesChangesOrSubmitsIt() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		String name = "Draf Milik Desa Hnin Wai";
		long id = idFrom(WebSession.location(village.post("/laporan/baru", Map.of("namesAsHeard", name))));
		assertThat(state(id)).isEqualTo("DRAFT");
		assertThat(village.get("/laporan/" + id).statusCode()).isEqualTo(200);
		assertThat(village.get("/laporan?status=DRAFT").body()).contains(name);

		List<String> leaks = new ArrayList<>();
		for (String username : List.of("bpmpd", "kesbangpol", "imigrasi", "timpora.polres")) {
			WebSession officer = WebSession.loggedIn(port, username);
			for (String list : List.of("/laporan", "/laporan?all=true", "/laporan?status=DRAFT",
					"/laporan?region=" + FIDITAN)) {
				if (officer.get(list).body().contains(name)) {
					leaks.add(username + " GET " + list);
				}
			}
			// BPMPD keeps a tab for the drafts it makes itself on a village's behalf
			if (!username.equals("bpmpd") && officer.get("/laporan?all=true").body().contains("id=\"state-DRAFT\"")) {
				leaks.add(username + " has a draft tab");
			}
			for (String api : List.of("/api/v1/reports", "/api/v1/reports?state=DRAFT")) {
				if (officer.json("GET", api, null).body().contains(name)) {
					leaks.add(username + " GET " + api);
				}
			}
			expectRefused(leaks, username, "GET /laporan/" + id, officer.get("/laporan/" + id));
			expectRefused(leaks, username, "GET /laporan/" + id + "/ubah", officer.get("/laporan/" + id + "/ubah"));
			expectRefused(leaks, username, "GET /laporan/" + id + "/foto", officer.get("/laporan/" + id + "/foto"));
			expectRefused(leaks, username, "POST /laporan/" + id + "/ubah", officer.post("/laporan/" + id + "/ubah",
					Map.of("version", version(id), "namesAsHeard", "Diubah Petugas", "submit", "true")));
			for (String action : List.of("kirim", "kembalikan", "teruskan", "pandangan", "validasi")) {
				HttpResponse<String> acted = officer.post("/laporan/" + id + "/" + action,
						Map.of("version", version(id), "reason", "uji", "view", "uji", "outcome", "NOT_A_FOREIGNER"));
				expectRefused(leaks, username, "POST /laporan/" + id + "/" + action, acted);
			}
			expectRefused(leaks, username, "GET /api/v1/reports/" + id,
					officer.json("GET", "/api/v1/reports/" + id, null));
			expectRefused(leaks, username, "PUT /api/v1/reports/" + id, officer.json("PUT", "/api/v1/reports/" + id,
					"{\"namesAsHeard\":\"Diubah Petugas\"}", "If-Match", "\"" + version(id) + "\""));
			for (String step : List.of("submit", "return", "forward", "views", "validate")) {
				expectRefused(leaks, username, "POST /api/v1/reports/" + id + "/" + step,
						officer.json("POST", "/api/v1/reports/" + id + "/" + step,
								"{\"reason\":\"uji\",\"view\":\"uji\",\"outcome\":\"NOT_A_FOREIGNER\"}", "If-Match",
								"\"" + version(id) + "\""));
			}
		}
		assertThat(leaks).isEmpty();
		assertThat(state(id)).isEqualTo("DRAFT");
		assertThat(jdbc.sql("select names_as_heard from village_report where id = :id").param("id", id)
				.query(String.class).single()).isEqualTo(name);
	}

	@Test
	void aDraftBpmpdMadeOnAVillagesBehalfStaysItsOwnToFinish() {
		WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");
		String name = "Draf Atas Nama Desa Soe Moe";
		long id = idFrom(WebSession.location(bpmpd.post("/laporan/baru", Map.of("namesAsHeard", name,
				"villageCode", FIDITAN))));
		assertThat(bpmpd.get("/laporan/" + id).statusCode()).isEqualTo(200);
		assertThat(bpmpd.get("/laporan?status=DRAFT").body()).contains(name);
		assertThat(WebSession.loggedIn(port, "kesbangpol").get("/laporan/" + id).statusCode()).isEqualTo(404);
		bpmpd.post("/laporan/" + id + "/kirim", Map.of("version", version(id)));
		assertThat(state(id)).isEqualTo("SUBMITTED");
	}

	@Test
	void aReportBpmpdReturnedIsTheVillagesToFixNotBpmpds() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");
		long id = idFrom(WebSession.location(village.post("/laporan/baru", Map.of("namesAsHeard",
				"Dikembalikan Bukan Milik BPMPD", "submit", "true"))));
		bpmpd.post("/laporan/" + id + "/kembalikan", Map.of("version", version(id), "reason", "Umur belum diisi"));
		assertThat(state(id)).isEqualTo("RETURNED");

		assertThat(bpmpd.get("/laporan/" + id).body()).doesNotContain("id=\"report-edit\"")
				.doesNotContain("id=\"report-send\"");
		assertThat(bpmpd.get("/laporan/" + id + "/ubah").statusCode()).isEqualTo(403);
		assertThat(bpmpd.post("/laporan/" + id + "/ubah", Map.of("version", version(id), "namesAsHeard",
				"Diubah BPMPD", "submit", "true")).statusCode()).isEqualTo(403);
		assertThat(bpmpd.post("/laporan/" + id + "/kirim", Map.of("version", version(id))).statusCode())
				.isEqualTo(403);
		String etag = "\"" + version(id) + "\"";
		assertThat(bpmpd.json("PUT", "/api/v1/reports/" + id, "{\"namesAsHeard\":\"Diubah BPMPD\"}", "If-Match", etag)
				.statusCode()).isEqualTo(403);
		assertThat(bpmpd.json("POST", "/api/v1/reports/" + id + "/submit", null, "If-Match", etag).statusCode())
				.isEqualTo(403);
		assertThat(state(id)).isEqualTo("RETURNED");
		assertThat(village.get("/laporan/" + id).body()).contains("id=\"report-edit\"").contains("id=\"report-send\"");
	}

	@Test
	void eachOfficersListOpensOnItsWork() {
		assertThat(activeTab(WebSession.loggedIn(port, "bpmpd").get("/laporan").body())).isEqualTo("state-SUBMITTED");
		assertThat(activeTab(WebSession.loggedIn(port, "kesbangpol").get("/laporan").body()))
				.isEqualTo("state-FORWARDED");
		assertThat(activeTab(WebSession.loggedIn(port, "imigrasi").get("/laporan").body())).isEqualTo("state-FORWARDED");
		assertThat(activeTab(WebSession.loggedIn(port, "ohoi.fiditan").get("/laporan").body())).isEqualTo("all");
		assertThat(activeTab(WebSession.loggedIn(port, "bpmpd").get("/laporan?all=true").body())).isEqualTo("all");
		assertThat(activeTab(WebSession.loggedIn(port, "bpmpd").get("/laporan?status=FORWARDED").body()))
				.isEqualTo("state-FORWARDED");
		assertThat(activeTab(WebSession.loggedIn(port, "bpmpd").get("/laporan?region=" + FIDITAN).body()))
				.as("a link narrowed to a village shows all its reports").isEqualTo("all");
	}

	@Test
	void aReportFixedAndSentAgainIsToldApartFromANewOne() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");
		String name = "Ye Lin Diperbaiki Ulang";
		long id = idFrom(WebSession.location(village.post("/laporan/baru", Map.of("namesAsHeard", name,
				"nationalityText", "Myanmar", "submit", "true"))));
		String number = jdbc.sql("select number from village_report where id = :id").param("id", id)
				.query(String.class).single();
		assertThat(bpmpd.get("/notifikasi").body()).contains("Laporan " + number + " masuk dan menunggu pemeriksaan");
		assertThat(bpmpd.get("/laporan/" + id).body()).doesNotContain("id=\"resubmission\"");

		bpmpd.post("/laporan/" + id + "/kembalikan", Map.of("version", version(id), "reason",
				"Sejak kapan dan tempat tinggal belum diisi"));
		village.post("/laporan/" + id + "/ubah", Map.of("version", version(id), "namesAsHeard", name,
				"nationalityText", "Myanmar", "presentSince", "2019", "stayingAt", "RT 03", "submit", "true"));
		assertThat(state(id)).isEqualTo("SUBMITTED");

		assertThat(bpmpd.get("/notifikasi").body())
				.contains("Laporan " + number + " diperbaiki desa dan dikirim ulang");
		String list = bpmpd.get("/laporan").body();
		String row = list.substring(list.indexOf(number), list.indexOf("</tr>", list.indexOf(number)));
		assertThat(row).contains("Diperbaiki dan dikirim ulang");
		String page = bpmpd.get("/laporan/" + id).body();
		assertThat(page).contains("id=\"resubmission\"").contains("Diperbaiki dan dikirim ulang")
				.contains("Sejak kapan dan tempat tinggal belum diisi").doesNotContain("id=\"return-reason\"");
		String changes = page.substring(page.indexOf("id=\"resubmission-changes\""));
		assertThat(changes.substring(0, changes.indexOf("</div>")).replaceAll("<[^>]+>|\\s+", " "))
				.contains("Yang diubah desa:").contains("tempat tinggal, ").contains("berada di desa sejak")
				.doesNotContain("nama");
		assertThat(changes.substring(0, changes.indexOf("</div>"))).as("the fields read apart, a space after each comma")
				.doesNotContain(",</span>");
		assertThat(jdbc.sql("select action from audit_event where subject_type = 'REPORT' and subject_id = :id")
				.param("id", Long.toString(id)).query(String.class).list()).contains("REPORT_RESUBMITTED");

		bpmpd.post("/laporan/" + id + "/teruskan", Map.of("version", version(id)));
		assertThat(WebSession.loggedIn(port, "kesbangpol").get("/laporan/" + id).body())
				.as("only while it waits at BPMPD").doesNotContain("id=\"resubmission\"");
	}

	private static void expectRefused(List<String> leaks, String username, String what, HttpResponse<String> answer) {
		int status = answer.statusCode();
		if (status != 403 && status != 404) {
			leaks.add(username + " " + what + " answered " + status);
		}
	}

	private static String activeTab(String page) {
		java.util.regex.Matcher active = java.util.regex.Pattern
				.compile("<a class=\"nav-link active\"[^>]*?(?:id=\"([^\"]+)\"[^>]*)?>").matcher(page);
		assertThat(active.find()).as("an active tab").isTrue();
		return active.group(1) == null ? "all" : active.group(1);
	}

	/** Runs the call on two threads released at once, and gives both answers. */
	private static List<HttpResponse<String>> race(java.util.concurrent.Callable<HttpResponse<String>> call)
			throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				answers.add(CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
						return call.call();
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
				}, pool));
			}
			start.countDown();
			List<HttpResponse<String>> done = new ArrayList<>();
			for (CompletableFuture<HttpResponse<String>> answer : answers) {
				done.add(answer.get(30, TimeUnit.SECONDS));
			}
			return done;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int count(String sql, Object value) {
		return jdbc.sql(sql).param("name", value).query(Integer.class).single();
	}

	private String version(long id) {
		return jdbc.sql("select version from village_report where id = :id").param("id", id).query(Integer.class)
				.single().toString();
	}

	private String state(long id) {
		return jdbc.sql("select state from village_report where id = :id").param("id", id).query(String.class).single();
	}

	private static long idFrom(String location) {
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}
}
