package id.pantau.followup;

import static id.pantau.followup.FollowUpData.FIDITAN;
import static id.pantau.followup.FollowUpData.TAAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.TokenClient;
import id.pantau.WebSession;
import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import id.pantau.identity.domain.AccountSeeding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PantauIntegrationTest
class AlertWorkflowIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountSeeding seeding;

	FollowUpData data;

	@BeforeEach
	void data() {
		data = new FollowUpData(jdbc);
	}

	@Test
	void aDistrictOfficerSeesOnlyAlertsOfItsDistrictAndTheCityOfficerSeesAllWithFilters() {
		String rule = FollowUpData.rule();
		long fiditan = data.alert(rule, "HIGH", FIDITAN, null, 10, "ZAW MIN", "12");
		long taar = data.alert(rule, "LOW", TAAR, null, 2, "SOMCHAI", "3");
		long unplaced = data.alert(rule, "CRITICAL", null, null, 40, "AUNG", "70");
		String districtOfficer = officer(Role.KESBANGPOL, Agency.KESBANGPOL, "81.72.02");

		WebSession district = WebSession.loggedIn(port, districtOfficer);
		String page = district.get("/peringatan?rule=" + rule).body();
		assertThat(page).contains(row(taar)).doesNotContain(row(fiditan))
				.doesNotContain(row(unplaced)).contains("SOMCHAI");
		assertThat(district.get("/peringatan/" + fiditan).statusCode()).as("another district's alert").isEqualTo(404);
		assertThat(district.get("/peringatan/" + unplaced).statusCode()).as("a city-wide alert").isEqualTo(404);
		HttpResponse<String> outside = district.json("GET", "/api/v1/alerts?region=81.72.01&rule=" + rule, null);
		assertThat(outside.statusCode()).isEqualTo(400);
		assertThat(outside.body()).contains("di luar wilayah tugas Anda");
		assertThat(district.get("/peringatan?region=81.72.01&rule=" + rule).body()).contains("filter-errors")
				.doesNotContain(row(fiditan));

		WebSession city = WebSession.loggedIn(port, "kesbangpol");
		assertThat(city.get("/peringatan?rule=" + rule).body()).contains(row(fiditan), row(taar),
				row(unplaced));
		String bySeverity = city.json("GET", "/api/v1/alerts?rule=" + rule, null).body();
		assertThat(bySeverity.indexOf("\"id\":" + unplaced)).as("critical first")
				.isLessThan(bySeverity.indexOf("\"id\":" + fiditan));
		assertThat(bySeverity.indexOf("\"id\":" + fiditan)).isLessThan(bySeverity.indexOf("\"id\":" + taar));
		assertThat(city.json("GET", "/api/v1/alerts?severity=HIGH&rule=" + rule, null).body())
				.contains("\"id\":" + fiditan).doesNotContain("\"id\":" + taar);
		assertThat(city.json("GET", "/api/v1/alerts?region=81.72.01&rule=" + rule, null).body())
				.contains("\"id\":" + fiditan).doesNotContain("\"id\":" + taar).doesNotContain("\"id\":" + unplaced);
		assertThat(city.json("GET", "/api/v1/alerts?minAgeDays=30&rule=" + rule, null).body())
				.contains("\"id\":" + unplaced).doesNotContain("\"id\":" + fiditan);
		assertThat(city.json("GET", "/api/v1/alerts?sort=newest&rule=" + rule, null).body())
				.matches("(?s).*\"id\":" + taar + ".*\"id\":" + fiditan + ".*\"id\":" + unplaced + ".*");
		assertThat(city.json("GET", "/api/v1/alerts?sort=drop+table", null).statusCode()).isEqualTo(400);

		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").get("/peringatan").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "bpmpd").get("/peringatan?rule=" + rule).body())
				.contains(row(fiditan)).doesNotContain("action-form");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'ALERTS_LISTED' and actor = :a")
				.param("a", districtOfficer).query(Long.class).single()).isPositive();
	}

	@Test
	void anAlertIsAssignedAcknowledgedFollowedUpAndClosedByTheAgenciesThatOwnEachStep() {
		long id = data.alert(FollowUpData.rule(), "HIGH", FIDITAN, null, 5, "KYAW", "20");
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		WebSession timpora = WebSession.loggedIn(port, "timpora.polres");
		WebSession imigrasi = WebSession.loggedIn(port, "imigrasi");

		step(kesbangpol, id, "tugaskan", Map.of("officer", "timpora.polres", "agency", "POLRES"));
		step(timpora, id, "terima", Map.of());
		assertThat(data.status(id)).isEqualTo("ACKNOWLEDGED");
		step(timpora, id, "tindakan", Map.of("kind", "FIELD_CHECK", "note", "Dicek di rumah Bapak Raja", "happenedOn",
				"2026-01-10"));
		String refused = step(timpora, id, "tindakan", Map.of("kind", "DEPORTATION", "note", "dideportasi"));
		assertThat(refused).as("immigration owns administrative action").contains("tidak boleh melakukan");
		step(imigrasi, id, "tindakan", Map.of("kind", "OVERSTAY_CHARGE", "note", "Biaya beban 20 hari dibayar"));
		assertThat(step(kesbangpol, id, "tutup", Map.of("outcome", "ADMINISTRATIVE_ACTION", "note", "x")))
				.contains("tidak boleh melakukan");
		assertThat(step(timpora, id, "tutup", Map.of("outcome", "RESOLVED_COMPLIANT"))).contains("tidak boleh");
		step(imigrasi, id, "tutup", Map.of("outcome", "ADMINISTRATIVE_ACTION", "note", "Biaya beban lunas"));

		assertThat(data.status(id)).isEqualTo("CLOSED");
		assertThat(jdbc.sql("select outcome || '/' || closed_by from alert where id = :id").param("id", id)
				.query(String.class).single()).isEqualTo("ADMINISTRATIVE_ACTION/imigrasi");
		assertThat(jdbc.sql("select string_agg(kind, ',' order by id) from alert_action where alert_id = :id")
				.param("id", id).query(String.class).single())
				.isEqualTo("ASSIGNED,ACKNOWLEDGED,FIELD_CHECK,OVERSTAY_CHARGE,CLOSED");
		for (String action : new String[] { "ALERT_ASSIGNED", "ALERT_ACKNOWLEDGED", "ALERT_CLOSED" }) {
			assertThat(data.audits(action, "ALERT", id)).as(action).isEqualTo(1);
		}
		assertThat(data.audits("ALERT_ACTION_RECORDED", "ALERT", id)).isEqualTo(2);
		String page = kesbangpol.get("/peringatan/" + id).body();
		assertThat(page).contains("Dicek di rumah Bapak Raja", "Tindakan administratif keimigrasian",
				"UU 6/2011 Pasal 78", "bukan putusan", "href=\"/perlintasan?from=2026-01-02&amp;to=2026-01-02\"")
				.doesNotContain("action-form");
		assertThat(data.audits("ALERT_VIEWED", "ALERT", id)).isPositive();
		assertThat(step(imigrasi, id, "tindakan", Map.of("kind", "OTHER", "note", "lagi")))
				.contains("sudah selesai");
	}

	@Test
	void aStaleFormIsRefusedWithAMessageAndTheApiAnswers412() {
		long id = data.alert(FollowUpData.rule(), "MEDIUM", FIDITAN, null, 1, "LIN");
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		int seen = data.version(id);
		step(kesbangpol, id, "terima", Map.of());
		Map<String, String> stale = new LinkedHashMap<>(Map.of("kind", "FIELD_CHECK", "note", "lama"));
		stale.put("version", String.valueOf(seen));
		kesbangpol.post("/peringatan/" + id + "/tindakan", stale);
		assertThat(kesbangpol.get("/peringatan/" + id).body()).contains("telah diubah orang lain");
		assertThat(jdbc.sql("select count(*) from alert_action where alert_id = :id and kind = 'FIELD_CHECK'")
				.param("id", id).query(Long.class).single()).isZero();

		HttpResponse<String> read = kesbangpol.json("GET", "/api/v1/alerts/" + id, null);
		String etag = read.headers().firstValue("ETag").orElseThrow();
		assertThat(read.body()).contains("\"evidence\"", "Masuk lewat TPI Tual");
		String body = "{\"kind\":\"SUMMONS\",\"note\":\"dipanggil ke kantor\",\"happenedOn\":\"2026-01-03\"}";
		assertThat(kesbangpol.json("POST", "/api/v1/alerts/" + id + "/actions", body, "If-Match", "\"" + seen + "\"")
				.statusCode()).isEqualTo(412);
		assertThat(kesbangpol.json("POST", "/api/v1/alerts/" + id + "/actions", body).statusCode()).isEqualTo(400);
		HttpResponse<String> done = kesbangpol.json("POST", "/api/v1/alerts/" + id + "/actions", body, "If-Match", etag);
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(kesbangpol.json("GET", "/api/v1/alerts/" + id + "/actions", null).body())
				.contains("\"kind\":\"SUMMONS\"", "dipanggil ke kantor");
		HttpResponse<String> bad = kesbangpol.json("POST", "/api/v1/alerts/" + id + "/actions",
				"{\"kind\":\"SUMMONS\",\"note\":\"x\",\"happenedOn\":\"kemarin\"}", "If-Match",
				done.headers().firstValue("ETag").orElseThrow());
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("bukan tanggal yang sah").doesNotContain("Exception");
	}

	@Test
	void aFalseAlertIsDismissedOnlyWithAReasonAndNotByAReadOnlyAgency() {
		long id = data.alert(FollowUpData.rule(), "LOW", TAAR, null, 3, "NGUYEN");
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		String etag = "\"" + data.version(id) + "\"";
		assertThat(WebSession.loggedIn(port, "bpmpd")
				.json("POST", "/api/v1/alerts/" + id + "/dismissal", "{\"reason\":\"salah\"}", "If-Match", etag)
				.statusCode()).isEqualTo(403);
		HttpResponse<String> noReason = kesbangpol.json("POST", "/api/v1/alerts/" + id + "/dismissal",
				"{\"reason\":\"  \"}", "If-Match", etag);
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("alasan wajib diisi");
		assertThat(kesbangpol.json("POST", "/api/v1/alerts/" + id + "/dismissal",
				"{\"reason\":\"Orangnya WNI, salah catat\"}", "If-Match", etag).statusCode()).isEqualTo(200);
		assertThat(data.status(id)).isEqualTo("DISMISSED");
		assertThat(jdbc.sql("select close_note from alert where id = :id").param("id", id).query(String.class)
				.single()).isEqualTo("Orangnya WNI, salah catat");
		assertThat(data.audits("ALERT_DISMISSED", "ALERT", id)).isEqualTo(1);
		assertThat(kesbangpol.json("POST", "/api/v1/alerts/" + id + "/acknowledgement", null, "If-Match",
				"\"" + data.version(id) + "\"").statusCode()).as("a dismissed alert stays dismissed").isEqualTo(409);
	}

	@Test
	void aPartnerSystemWithATokenReadsTheAlertsOfItsRegencyOnly() {
		String rule = FollowUpData.rule();
		long fiditan = data.alert(rule, "HIGH", FIDITAN, null, 1, "A");
		long ambon = data.alert(rule, "HIGH", "81.71.01.1001", null, 1, "B");
		WebSession admin = WebSession.loggedIn(port, "admin");
		TokenClient.Issued issued = TokenClient.issue(admin, "kecamatan-" + UUID.randomUUID().toString().substring(0, 8),
				"PARTNER", "KESBANGPOL", "81.72");
		TokenClient client = new TokenClient(port, issued.token());
		HttpResponse<String> list = client.get("/api/v1/alerts?rule=" + rule);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"id\":" + fiditan).doesNotContain("\"id\":" + ambon);
		assertThat(client.get("/api/v1/alerts/" + ambon).statusCode()).isEqualTo(404);
		assertThat(client.post("/api/v1/alerts/" + fiditan + "/acknowledgement", "{}").statusCode())
				.as("a token has no CSRF token and needs none, but still the version").isEqualTo(400);
	}

	private String officer(Role role, Agency agency, String scope) {
		String name = "uji." + UUID.randomUUID().toString().substring(0, 8);
		seeding.seed(name, "Uji " + name, role, agency, scope, WebSession.DEMO_PASSWORD, false);
		return name;
	}

	/** Posts a step with the alert's current version and answers the alert's page as shown after it. */
	@Test
	void anAlertIsAssignedOnlyToAnActiveOfficerWhoseAreaCoversItAndWhoseAgencyIsTheOneChosen() {
		long id = data.alert(FollowUpData.rule(), "HIGH", FIDITAN, null, 2, "KYAW", "3");
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		String page = kesbangpol.get("/peringatan/" + id).body();
		assertThat(page).contains("<option value=\"timpora.polres\"").contains("<option value=\"imigrasi\"")
				.as("a village official is not given alerts").doesNotContain("<option value=\"ohoi.fiditan\"");

		assertThat(step(kesbangpol, id, "tugaskan", Map.of("officer", "petugas.khayalan")))
				.contains("bukan petugas aktif yang wilayahnya mencakup tempat peringatan ini");
		assertThat(step(kesbangpol, id, "tugaskan", Map.of("officer", "ohoi.fiditan")))
				.contains("bukan petugas aktif");
		assertThat(step(kesbangpol, id, "tugaskan", Map.of("officer", "timpora.polres", "agency", "LANAL")))
				.contains("petugas itu bukan dari instansi yang dipilih");
		assertThat(jdbc.sql("select coalesce(assigned_to, '-') from alert where id = :id").param("id", id)
				.query(String.class).single()).as("nothing refused was saved").isEqualTo("-");

		step(kesbangpol, id, "tugaskan", Map.of("officer", "Timpora.Polres", "agency", "POLRES"));
		assertThat(jdbc.sql("select assigned_to || '/' || assigned_agency from alert where id = :id").param("id", id)
				.query(String.class).single()).isEqualTo("timpora.polres/POLRES");
	}

	private String step(WebSession session, long id, String path, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("version", String.valueOf(data.version(id)));
		HttpResponse<String> response = session.post("/peringatan/" + id + "/" + path, form);
		assertThat(response.statusCode()).isEqualTo(302);
		return session.get("/peringatan/" + id).body();
	}

	@Test
	void alertsSayWhoAndWhereByNameInTheListAndOnTheirPage() {
		String rule = FollowUpData.rule();
		String name = "NGUYEN VAN SIAPA " + rule;
		long person = data.person(name, FIDITAN);
		jdbc.sql("update person set nationality = 'VNM' where id = :id").param("id", person).update();
		long alert = data.alert(rule, "HIGH", FIDITAN, person, 3, "2026-11-01", "3");

		WebSession city = WebSession.loggedIn(port, "kesbangpol");
		String list = city.get("/peringatan?rule=" + rule).body();
		String row = list.substring(list.indexOf(row(alert)));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains(name).contains("Viet Nam").contains(">Fiditan<")
				.doesNotContain(">" + FIDITAN + "<");
		assertThat(city.get("/peringatan/" + alert).body()).containsPattern(
				"id=\"alert-person\"><a href=\"/orang-asing/" + person + "\"\\s*>" + name + "</a>");
	}

	@Test
	void onlyTheActionsThatFitTheAlertAndTheRoleAreOfferedOrAccepted() {
		String rule = FollowUpData.rule();
		long person = data.person("ORANG TINDAKAN " + rule, FIDITAN);
		long aboutPerson = data.alert(rule, "HIGH", FIDITAN, person, 5, "x", "1");
		long aboutVillage = jdbc.sql("""
				insert into alert (rule, severity, subject_type, subject_key, region_code, facts_key, summary_args,
				  evidence, legal_reference, status, opened_at, last_seen_at, version)
				values (:rule, 'LOW', 'VILLAGE', :village, :village, :facts, '[]', '[]', '-', 'OPEN', :now, :now, 0)
				returning id""").param("rule", rule).param("village", FIDITAN).param("facts", "month:" + rule)
				.param("now", java.sql.Timestamp.from(TestClock.now())).query(Long.class).single();

		WebSession immigration = WebSession.loggedIn(port, "imigrasi");
		assertThat(immigration.get("/peringatan/" + aboutPerson).body()).contains("value=\"DEPORTATION\"")
				.contains("value=\"ADMINISTRATIVE_ACTION\"");
		assertThat(immigration.get("/peringatan/" + aboutVillage).body()).contains("value=\"FIELD_CHECK\"")
				.doesNotContain("value=\"DEPORTATION\"").doesNotContain("value=\"ADMINISTRATIVE_ACTION\"");
		assertThat(WebSession.loggedIn(port, "timpora.polres").get("/peringatan/" + aboutPerson).body())
				.contains("value=\"FIELD_CHECK\"").doesNotContain("value=\"DEPORTATION\"");

		HttpResponse<String> refused = immigration.post("/peringatan/" + aboutVillage + "/tindakan", Map.of("version",
				"0", "kind", "DEPORTATION", "note", "tidak pada tempatnya"));
		assertThat(refused.body() + WebSession.location(refused)).doesNotContain("Exception");
		assertThat(jdbc.sql("select count(*) from alert_action where alert_id = :id").param("id", aboutVillage)
				.query(Long.class).single()).isZero();
	}

	/** The row of an alert in a list: exactly that id, not another whose id starts with the same digits. */
	private static String row(long alertId) {
		return "id=\"alert-row-" + alertId + "\"";
	}
}
