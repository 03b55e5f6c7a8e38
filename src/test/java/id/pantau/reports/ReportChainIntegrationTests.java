package id.pantau.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.WebSession;
import id.pantau.identity.PantauUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PantauIntegrationTest
class ReportChainIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void aReportGoesFromTheVillageThroughBpmpdToKesbangpolAndTheVillageSeesTheOutcome() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		long unreadBefore = unread("bpmpd");

		HttpResponse<String> created = village.post("/laporan/baru", Map.of("namesAsHeard", "Htun Htun Oo",
				"nationalityText", "Burma", "sex", "M", "ageOrBirth", "1979", "stayingAt", "RT 02",
				"activity", "nelayan", "submit", "true"));
		long id = idFrom(WebSession.location(created));
		String page = village.get("/laporan/" + id).body();
		assertThat(page).contains("LAP-8172012001-").contains("Dikirim ke BPMPD").as("said Burma, named").contains("(Myanmar)");
		assertThat(unread("bpmpd")).as("BPMPD is told").isGreaterThan(unreadBefore);
		assertThat(bpmpd.get("/laporan?status=SUBMITTED").body()).contains("Htun Htun Oo");

		bpmpd.post("/laporan/" + id + "/kembalikan", Map.of("version", version(id), "reason",
				"Sejak kapan berada di desa belum diisi"));
		assertThat(village.get("/laporan/" + id).body()).contains("Dikembalikan ke desa")
				.contains("Sejak kapan berada di desa belum diisi");
		assertThat(village.get("/notifikasi").body()).contains("dikembalikan ke desa");

		HttpResponse<String> fixed = village.post("/laporan/" + id + "/ubah", Map.of("version", version(id),
				"namesAsHeard", "Htun Htun Oo", "nationalityText", "Burma", "sex", "M", "ageOrBirth", "1979",
				"presentSince", "2011", "submit", "true"));
		assertThat(WebSession.location(fixed)).endsWith("/laporan/" + id);
		assertThat(state(id)).isEqualTo("SUBMITTED");

		bpmpd.post("/laporan/" + id + "/teruskan", Map.of("version", version(id)));
		assertThat(state(id)).isEqualTo("FORWARDED");
		assertThat(kesbangpol.get("/laporan?status=FORWARDED").body()).contains("Htun Htun Oo");

		Map<String, String> validation = new HashMap<>(Map.of("version", version(id), "outcome", "NEW_PERSON_ADDED",
				"category", "EX_CREW", "note", "Dibahas di rapat TIMPORA"));
		validation.put("view.IMIGRASI", "Tidak ada data perlintasan; perlu pendataan");
		validation.put("view.POLRES", "Tidak ada catatan gangguan");
		kesbangpol.post("/laporan/" + id + "/validasi", validation);
		assertThat(state(id)).isEqualTo("VALIDATED");
		Long person = jdbc.sql("select person_id from village_report where id = :id").param("id", id)
				.query(Long.class).single();
		assertThat(person).isNotNull();
		assertThat(jdbc.sql("select region_code from person where id = :id").param("id", person).query(String.class)
				.single()).isEqualTo("81.72.01.2001");

		String outcome = village.get("/laporan/" + id).body();
		assertThat(outcome).contains("Orang baru, ditambahkan ke daftar").as("the agencies' views are theirs")
				.doesNotContain("Tidak ada catatan gangguan");
		assertThat(kesbangpol.get("/laporan/" + id).body()).contains("Tidak ada catatan gangguan");
		assertThat(village.json("GET", "/api/v1/reports/" + id, null).body()).contains("\"agencyViews\":[]");
		assertThat(jdbc.sql("select action from audit_event where subject_type = 'REPORT' and subject_id = :id order by id")
				.param("id", Long.toString(id)).query(String.class).list()).contains("REPORT_CREATED",
						"REPORT_SUBMITTED", "REPORT_RETURNED", "REPORT_EDITED", "REPORT_FORWARDED", "REPORT_VALIDATED",
						"REPORT_VIEWED");
	}

	@Test
	void anotherVillageCannotSeeTheReportAndTheVillageCannotChangeItOnceSubmitted() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		long id = idFrom(WebSession.location(village.post("/laporan/baru", Map.of("namesAsHeard", "Somchai Tanpa Izin Lihat",
				"submit", "true"))));
		assertThat(WebSession.loggedIn(port, "ohoi.taar").get("/laporan/" + id).statusCode()).isEqualTo(404);
		assertThat(WebSession.loggedIn(port, "ohoi.taar").get("/laporan").body()).doesNotContain("Somchai Tanpa Izin Lihat");

		village.post("/laporan/" + id + "/ubah", Map.of("version", version(id), "namesAsHeard", "Diubah"));
		assertThat(jdbc.sql("select names_as_heard from village_report where id = :id").param("id", id)
				.query(String.class).single()).isEqualTo("Somchai Tanpa Izin Lihat");
		assertThat(WebSession.loggedIn(port, "admin").get("/laporan/" + id).statusCode()).isEqualTo(403);
	}

	@Test
	void aSubmissionSentAgainWithTheSameClientKeyGivesTheSameReportSubmittedOnce() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		Map<String, String> form = Map.of("namesAsHeard", "Aung Ko Ko Dua Kali", "clientKey",
				java.util.UUID.randomUUID().toString(), "submit", "true");
		HttpResponse<String> first = village.post("/laporan/baru", form);
		HttpResponse<String> again = village.post("/laporan/baru", form);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(again.statusCode()).as("an outbox retry whose answer was lost").isEqualTo(302);
		assertThat(WebSession.location(again)).isEqualTo(WebSession.location(first));
		long id = idFrom(WebSession.location(first));
		assertThat(state(id)).isEqualTo("SUBMITTED");
		assertThat(jdbc.sql("select count(*) from village_report where names_as_heard = 'Aung Ko Ko Dua Kali'")
				.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from report_event where village_report_id = :id and to_state = 'SUBMITTED'")
				.param("id", id).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void twoOfficersActingOnTheSameReportCannotBothWin() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		long id = idFrom(WebSession.location(village.post("/laporan/baru", Map.of("namesAsHeard", "Sok Vannak",
				"submit", "true"))));
		String read = version(id);
		WebSession first = WebSession.loggedIn(port, "bpmpd");
		WebSession second = WebSession.loggedIn(port, "bpmpd");
		first.post("/laporan/" + id + "/teruskan", Map.of("version", read));
		second.post("/laporan/" + id + "/kembalikan", Map.of("version", read, "reason", "Kurang lengkap"));
		assertThat(state(id)).isEqualTo("FORWARDED");
		assertThat(second.get("/laporan/" + id).body()).contains("baru saja diproses orang lain");
	}

	@Test
	void theApiFollowsTheSameRulesAndAnsweresAStepThatCannotBeTakenWithAConflict() {
		WebSession village = WebSession.loggedIn(port, "ohoi.taar");
		String clientKey = java.util.UUID.randomUUID().toString();
		String body = "{\"clientKey\":\"" + clientKey + "\",\"namesAsHeard\":\"Li Qiang\",\"nationalityText\":\"RRC\"}";
		HttpResponse<String> created = village.json("POST", "/api/v1/reports", body);
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode report = JSON.readTree(created.body());
		assertThat(report.get("number").asString()).startsWith("LAP-8172022002-");
		assertThat(report.get("content").get("nationality").asString()).isEqualTo("CHN");
		assertThat(JSON.readTree(village.json("POST", "/api/v1/reports", body).body()).get("id").asLong())
				.as("a retry with the same client key").isEqualTo(report.get("id").asLong());

		long id = report.get("id").asLong();
		String etag = created.headers().firstValue("ETag").orElseThrow();
		WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");
		assertThat(bpmpd.json("POST", "/api/v1/reports/" + id + "/forward", null, "If-Match", etag).statusCode())
				.as("a draft is the village's own, not BPMPD's to see").isEqualTo(404);
		HttpResponse<String> submitted = village.json("POST", "/api/v1/reports/" + id + "/submit", null, "If-Match",
				etag);
		assertThat(submitted.statusCode()).isEqualTo(200);
		HttpResponse<String> repeated = village.json("POST", "/api/v1/reports/" + id + "/submit", null, "If-Match",
				etag);
		assertThat(repeated.statusCode()).as("a repeated submit answers with the report as it is").isEqualTo(200);
		assertThat(JSON.readTree(repeated.body()).get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(village.json("PUT", "/api/v1/reports/" + id, "{\"namesAsHeard\":\"Li Qiang\"}", "If-Match", etag)
				.statusCode()).as("stale").isEqualTo(412);
		assertThat(village.json("POST", "/api/v1/reports/" + id + "/forward", null, "If-Match",
				submitted.headers().firstValue("ETag").orElseThrow()).statusCode()).as("not a village's step")
				.isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "kesbangpol").json("POST", "/api/v1/reports/" + id + "/validate",
				"{\"outcome\":\"NOT_A_FOREIGNER\"}", "If-Match", submitted.headers().firstValue("ETag").orElseThrow())
				.statusCode()).as("not forwarded yet: a step it cannot take").isEqualTo(409);
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").json("GET", "/api/v1/reports/" + id, null).statusCode())
				.isEqualTo(404);
	}

	@Test
	void aPhotoIsCheckedByItsContentAndServedOnlyWithinScope() throws Exception {
		PantauUser fiditan = (PantauUser) users.loadUserByUsername("ohoi.fiditan");
		PantauUser taar = (PantauUser) users.loadUserByUsername("ohoi.taar");
		byte[] png = id.pantau.TestPhotos.png();
		var notAPhoto = mvc.perform(multipart("/laporan/baru").file(new MockMultipartFile("photo", "foto.jpg",
				"image/jpeg", "<script>alert(1)</script>".getBytes())).param("namesAsHeard", "Dara Sok")
				.with(user(fiditan)).with(csrf())).andReturn().getResponse();
		assertThat(notAPhoto.getContentAsString()).contains("bukan foto JPEG, PNG atau WebP");

		var saved = mvc.perform(multipart("/laporan/baru").file(new MockMultipartFile("photo", "x.bin",
				"application/octet-stream", png)).param("namesAsHeard", "Dara Sok").with(user(fiditan)).with(csrf()))
				.andReturn().getResponse();
		long id = idFrom(saved.getRedirectedUrl());
		var photo = mvc.perform(get("/laporan/" + id + "/foto").with(user(fiditan))).andReturn().getResponse();
		assertThat(photo.getStatus()).isEqualTo(200);
		assertThat(photo.getContentType()).isEqualTo("image/png");
		assertThat(mvc.perform(get("/laporan/" + id + "/foto").with(user(taar))).andReturn().getResponse().getStatus())
				.isEqualTo(404);

		long person = jdbc.sql("select id from person where region_code = '81.72.01.2001' order by id limit 1")
				.query(Long.class).single();
		jdbc.sql("update village_report set person_id = :p where id = :id").param("p", person).param("id", id).update();
		assertThat(mvc.perform(get("/laporan/orang/" + person + "/foto").with(user(fiditan))).andReturn().getResponse()
				.getContentAsString()).as("the person's page shows the village's photo")
				.contains("src=\"/laporan/" + id + "/foto\"");
		assertThat(mvc.perform(get("/laporan/orang/" + person + "/foto").with(user(taar))).andReturn().getResponse()
				.getContentAsString()).doesNotContain("/laporan/" + id + "/foto");
	}

	@Test
	void theMonthlyReportIsSentOnceAndCompletenessShowsWhoIsLateOrMissing() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		// a month is reported once it is over: the last complete month, whose report is not due before the 5th
		YearMonth month = TestClock.thisMonth().minusMonths(1);
		jdbc.sql("delete from periodic_report where village_code = '81.72.01.2001' and month = :m")
				.param("m", month.atDay(1)).update();
		jdbc.sql("delete from periodic_month_closing where village_code = '81.72.01.2001' and month = :m")
				.param("m", month.atDay(1)).update();
		village.post("/laporan/bulanan", Map.of("month", month.toString(), "nil", "true"));
		assertThat(village.get("/laporan/bulanan").body()).contains("Laporan bulanan dikirim.");
		assertThat(village.post("/laporan/bulanan", Map.of("month", month.toString(), "foreigners", "3")).body())
				.contains("sudah dikirim").contains("Koreksi");
		assertThat(village.post("/laporan/bulanan", Map.of("month", month.plusMonths(2).toString(), "nil", "true"))
				.body()).contains("bulan itu belum tiba");

		String completeness = WebSession.loggedIn(port, "bpmpd").get("/laporan/kelengkapan").body();
		String state = TestClock.now().isAfter(month.plusMonths(1).atDay(6).atStartOfDay(TestClock.WIT).toInstant())
				? "terlambat" : "tepat waktu";
		assertThat(completeness).containsPattern("data-village=\"81.72.01.2001\" data-month=\"" + month
				+ "\"[^>]*><span>" + state + "<");
		assertThat(completeness).contains("belum melapor").contains("Kur Selatan");
	}

	private long unread(String username) {
		return jdbc.sql("select count(*) from notification where username = :u and read_at is null")
				.param("u", username).query(Long.class).single();
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
