package id.pantau.followup;

import static id.pantau.followup.FollowUpData.FIDITAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A report concluded as a possible violation becomes Immigration's case at once, and Immigration's decision goes
 * back to Kesbangpol and to the village.
 */
@PantauIntegrationTest
class HandOffIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPossibleViolationOpensImmigrationsCaseAndItsDecisionReachesKesbangpolAndTheVillage() {
		FollowUpData data = new FollowUpData(jdbc);
		long person = data.person("PELANGGAR DUGAAN " + FollowUpData.rule(), FIDITAN);
		long report = data.report(FIDITAN, person);
		String number = jdbc.sql("select number from village_report where id = :id").param("id", report)
				.query(String.class).single();
		long immigrationBefore = notifications("imigrasi", "notify.violationReported");

		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		Map<String, String> validation = new HashMap<>(Map.of("version", "0", "outcome", "POSSIBLE_VIOLATION",
				"personId", Long.toString(person), "note", "Dibahas di rapat TIMPORA"));
		validation.put("view.IMIGRASI", "Tidak ada catatan masuk");
		kesbangpol.post("/laporan/" + report + "/validasi", validation);
		assertThat(jdbc.sql("select state || ' ' || outcome from village_report where id = :id").param("id", report)
				.query(String.class).single()).isEqualTo("VALIDATED POSSIBLE_VIOLATION");

		long alert = await().atMost(Duration.ofSeconds(20)).until(() -> caseOf(report), Optional::isPresent).get();
		Map<String, Object> row = jdbc.sql("""
				select status, severity, assigned_agency, person_id, region_code, evidence from alert where id = :id""")
				.param("id", alert).query().singleRow();
		assertThat(row).containsEntry("status", "OPEN").containsEntry("severity", "HIGH")
				.containsEntry("assigned_agency", "IMIGRASI").containsEntry("person_id", person)
				.containsEntry("region_code", FIDITAN);
		assertThat((String) row.get("evidence")).contains("\"type\":\"REPORT\",\"id\":\"" + report + "\"");
		await().atMost(Duration.ofSeconds(10)).until(() -> notifications("imigrasi", "notify.violationReported"),
				n -> n > immigrationBefore);
		long notification = jdbc.sql("""
				select max(id) from notification where username = 'imigrasi' and message_key = 'notify.violationReported'
				""").query(Long.class).single();
		WebSession immigration = WebSession.loggedIn(port, "imigrasi");
		assertThat(immigration.get("/notifikasi").body()).contains("Laporan " + number + ": dugaan pelanggaran diserahkan"
				+ " ke Imigrasi").contains("href=\"/notifikasi/" + notification + "\"");
		assertThat(WebSession.loggedIn(port, "kesbangpol").get("/notifikasi/" + notification).statusCode())
				.as("not Kesbangpol's notification").isEqualTo(404);
		HttpResponse<String> opened = immigration.get("/notifikasi/" + notification);
		assertThat(WebSession.location(opened)).endsWith("/peringatan/" + alert);
		assertThat(jdbc.sql("select read_at is not null from notification where id = :id").param("id", notification)
				.query(Boolean.class).single()).as("opening it marks it read").isTrue();
		assertThat(immigration.get("/peringatan/" + alert).body()).contains("Dugaan pelanggaran dari laporan desa")
				.contains(number);

		int version = jdbc.sql("select version from alert where id = :id").param("id", alert).query(Integer.class)
				.single();
		immigration.post("/peringatan/" + alert + "/tutup", Map.of("version", Integer.toString(version), "outcome",
				"ADMINISTRATIVE_ACTION", "note", "Pemeriksaan keimigrasian; dikenai TAK"));
		assertThat(jdbc.sql("select status || ' ' || outcome from alert where id = :id").param("id", alert)
				.query(String.class).single()).isEqualTo("CLOSED ADMINISTRATIVE_ACTION");

		assertThat(links("kesbangpol", "notify.violationDecided")).contains("/peringatan/" + alert);
		assertThat(links("ohoi.fiditan", "notify.reportDecided")).contains("/laporan/" + report);
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		assertThat(village.get("/laporan/" + report).body()).contains("hx-get=\"/peringatan/laporan/" + report + "\"");
		assertThat(village.get("/peringatan/laporan/" + report, "HX-Request", "true").body())
				.contains("Tindakan administratif keimigrasian").doesNotContain("dikenai TAK");
	}

	private Optional<Long> caseOf(long report) {
		return jdbc.sql("select id from alert where rule = 'REPORTED_VIOLATION' and facts_key = :facts")
				.param("facts", "report:" + report).query(Long.class).optional();
	}

	private long notifications(String username, String key) {
		return jdbc.sql("select count(*) from notification where username = :u and message_key = :k")
				.param("u", username).param("k", key).query(Long.class).single();
	}

	private List<String> links(String username, String key) {
		return jdbc.sql("select link from notification where username = :u and message_key = :k")
				.param("u", username).param("k", key).query(String.class).list();
	}
}
