package id.pantau.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TIMPORA's table: each member agency gives its view on a forwarded report from its own account, Kesbangpol sees who
 * has spoken, adds what it collected on paper for the others, and concludes; the village sees none of the views.
 */
@PantauIntegrationTest
class JointValidationIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void membersGiveTheirOwnViewsAndKesbangpolSeesWhoHasSpokenBeforeConcluding() {
		long id = forwardedReport("Kyaw Zin Meja Timpora");
		WebSession polres = WebSession.loggedIn(port, "timpora.polres");
		WebSession lanal = WebSession.loggedIn(port, "timpora.lanal");
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		assertThat(notified("timpora.polres", id)).as("members are asked for their view").contains("notify.reportAwaitsView");

		assertThat(polres.get("/laporan/menunggu-pandangan").body()).contains("Kyaw Zin Meja Timpora");
		assertThat(polres.get("/").body()).contains("/laporan/menunggu-pandangan");
		String before = polres.get("/laporan/" + id).body();
		assertThat(before).contains("id=\"own-view-form\"").contains("Pandangan Kepolisian (Polres/Polda)")
				.contains("0 dari 8 instansi sudah menyampaikan pandangan");
		polres.post("/laporan/" + id + "/pandangan", Map.of("version", version(id), "view",
				"Pernah ditegur karena mabuk; tidak ada proses pidana."));
		lanal.post("/laporan/" + id + "/pandangan", Map.of("version", version(id), "view",
				"Eks ABK KM Mina Jaya; kapal ditahan di Tual sejak 2023."));
		assertThat(polres.get("/laporan/menunggu-pandangan").body()).doesNotContain("Kyaw Zin Meja Timpora");
		assertThat(kesbangpol.get("/laporan?status=FORWARDED").body()).contains("2 dari 8 instansi");
		assertThat(notified("kesbangpol", id)).contains("notify.reportViewRecorded.POLRES",
				"notify.reportViewRecorded.LANAL");

		String table = kesbangpol.get("/laporan/" + id).body();
		assertThat(table).contains("2 dari 8 instansi sudah menyampaikan pandangan")
				.contains("Pernah ditegur karena mabuk").contains("dari akun timpora.polres")
				.contains("dari akun timpora.lanal");
		assertThat(table).as("no box on the paper form for an agency that has spoken")
				.doesNotContain("name=\"view.POLRES\"").doesNotContain("name=\"view.LANAL\"")
				.contains("name=\"view.KODIM\"");

		Map<String, String> overwrite = new HashMap<>(Map.of("version", version(id), "outcome", "POSSIBLE_VIOLATION",
				"note", "Diserahkan ke Imigrasi", "view.POLRES", "Tidak ada catatan"));
		HttpResponse<String> refused = kesbangpol.post("/laporan/" + id + "/validasi", overwrite);
		assertThat(kesbangpol.get(java.net.URI.create(WebSession.location(refused)).getPath()).body())
				.contains("sudah menyampaikan pandangannya sendiri").contains("Diserahkan ke Imigrasi");
		assertThat(state(id)).isEqualTo("FORWARDED");

		Map<String, String> conclusion = new HashMap<>(Map.of("version", version(id), "outcome", "POSSIBLE_VIOLATION",
				"note", "Diserahkan ke Imigrasi", "view.KODIM", "Sependapat, disampaikan dalam rapat 3 Desember"));
		kesbangpol.post("/laporan/" + id + "/validasi", conclusion);
		assertThat(state(id)).isEqualTo("VALIDATED");
		assertThat(jdbc.sql("""
				select agency || ':' || recorded_by || ':' || on_paper from report_agency_view
				where village_report_id = :id order by agency""").param("id", id).query(String.class).list())
				.containsExactly("KODIM:kesbangpol:true", "LANAL:timpora.lanal:false", "POLRES:timpora.polres:false");
		assertThat(kesbangpol.get("/laporan/" + id).body()).contains("dicatat kesbangpol dari rapat atau surat")
				.doesNotContain("id=\"own-view-form\"");

		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		String outcome = village.get("/laporan/" + id).body();
		assertThat(outcome).contains("Diserahkan ke Imigrasi").doesNotContain("Pernah ditegur")
				.doesNotContain("Meja validasi").doesNotContain("Sependapat");
		assertThat(village.json("GET", "/api/v1/reports/" + id, null).body()).contains("\"agencyViews\":[]");
	}

	@Test
	void aViewGivenAgainReplacesTheAgencysEarlierOneAndOthersCannotSpeakForIt() {
		long id = forwardedReport("Nguyen Van Meja Dua");
		WebSession polres = WebSession.loggedIn(port, "timpora.polres");
		HttpResponse<String> first = polres.json("POST", "/api/v1/reports/" + id + "/views",
				"{\"view\":\"Belum diperiksa\"}", "If-Match", "\"" + version(id) + "\"");
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode views = JSON.readTree(polres.json("POST", "/api/v1/reports/" + id + "/views",
				"{\"view\":\"Sudah diperiksa, dokumen lengkap\"}", "If-Match", "\"" + version(id) + "\"").body())
				.get("agencyViews");
		assertThat(views).hasSize(1);
		assertThat(views.get(0).get("agency").asString()).isEqualTo("POLRES");
		assertThat(views.get(0).get("viewText").asString()).isEqualTo("Sudah diperiksa, dokumen lengkap");
		assertThat(views.get(0).get("onPaper").asBoolean()).isFalse();

		assertThat(polres.json("POST", "/api/v1/reports/" + id + "/views", "{\"view\":\"  \"}", "If-Match",
				"\"" + version(id) + "\"").statusCode()).isEqualTo(400);
		for (String other : List.of("ohoi.fiditan", "bpmpd")) {
			assertThat(WebSession.loggedIn(port, other).json("POST", "/api/v1/reports/" + id + "/views",
					"{\"view\":\"Bukan instansi TIMPORA\"}", "If-Match", "\"" + version(id) + "\"").statusCode())
					.as(other).isEqualTo(403);
		}
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'REPORT_VIEW_RECORDED' and subject_id = :id")
				.param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void noViewIsTakenOnceTheReportIsConcluded() {
		long id = forwardedReport("Somchai Sudah Selesai");
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		kesbangpol.post("/laporan/" + id + "/validasi", Map.of("version", version(id), "outcome", "NOT_A_FOREIGNER",
				"note", "Warga Papua"));
		assertThat(state(id)).isEqualTo("REJECTED");
		HttpResponse<String> late = WebSession.loggedIn(port, "timpora.polres").json("POST",
				"/api/v1/reports/" + id + "/views", "{\"view\":\"Terlambat\"}", "If-Match", "\"" + version(id) + "\"");
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(jdbc.sql("select count(*) from report_agency_view where village_report_id = :id").param("id", id)
				.query(Long.class).single()).isZero();
	}

	@Test
	void theValidatorFindsThePersonByDocumentNumberAndSeesTheMatchersCandidatesBesideTheForm() {
		long id = forwardedReport("Thant Zin Cari Orang");
		Map<String, Object> known = jdbc.sql("""
				select p.id, p.primary_name, d.number from person p join travel_document d on d.person_id = p.id
				where p.region_code like '81.72%' and p.status <> 'MERGED' order by p.id limit 1""").query().singleRow();
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		String page = kesbangpol.get("/laporan/" + id).body();
		assertThat(page).contains("id=\"person-search\"").contains("/pencocokan/laporan/" + id);

		long listed = jdbc.sql("select count(*) from audit_event where action = 'PERSON_LISTED' and actor = 'kesbangpol'")
				.query(Long.class).single();
		String found = kesbangpol.get("/orang-asing/pilih?q=" + known.get("number")).body();
		assertThat(jdbc.sql("""
				select details from audit_event where action = 'PERSON_LISTED' and actor = 'kesbangpol'
				order by id desc limit 1""").query(String.class).single()).as("the names shown are audited, not the query")
				.doesNotContain(known.get("number").toString());
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'PERSON_LISTED' and actor = 'kesbangpol'")
				.query(Long.class).single()).isGreaterThan(listed);
		assertThat(found).contains("data-pick-person=\"" + known.get("id") + "\"")
				.contains(known.get("primary_name").toString());
		assertThat(kesbangpol.get("/orang-asing/pilih?q=ZZ-TIDAK-ADA-999").body())
				.contains("Tidak ada orang asing dengan nama atau nomor dokumen itu");
		assertThat(kesbangpol.get("/pencocokan/laporan/" + id).body()).contains("Kandidat dari pencocokan otomatis")
				.doesNotContain("??");
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").get("/pencocokan/laporan/" + id).statusCode())
				.isEqualTo(403);
	}

	private long forwardedReport(String name) {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		String location = WebSession.location(village.post("/laporan/baru", Map.of("namesAsHeard", name,
				"nationalityText", "Myanmar", "sex", "M", "activity", "nelayan", "submit", "true")));
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		WebSession.loggedIn(port, "bpmpd").post("/laporan/" + id + "/teruskan", Map.of("version", version(id)));
		assertThat(state(id)).isEqualTo("FORWARDED");
		return id;
	}

	private List<String> notified(String username, long reportId) {
		return jdbc.sql("select message_key from notification where username = :u and link = :link")
				.param("u", username).param("link", "/laporan/" + reportId).query(String.class).list();
	}

	private String version(long id) {
		return jdbc.sql("select version from village_report where id = :id").param("id", id).query(Integer.class)
				.single().toString();
	}

	private String state(long id) {
		return jdbc.sql("select state from village_report where id = :id").param("id", id).query(String.class).single();
	}
}
