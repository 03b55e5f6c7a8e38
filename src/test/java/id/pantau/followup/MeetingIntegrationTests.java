package id.pantau.followup;

import static id.pantau.followup.FollowUpData.FIDITAN;
import static id.pantau.followup.FollowUpData.TAAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.WebSession;
import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import id.pantau.identity.domain.AccountSeeding;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PantauIntegrationTest
class MeetingIntegrationTests {

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
	void aMeetingTakesOpenAlertsAsAgendaRecordsAttendanceViewsAndDecisionsAndPrintsItsMinutes() throws IOException {
		long first = data.alert(FollowUpData.rule(), "HIGH", FIDITAN, null, 9, "KYAW MIN HTUN", "15");
		long somchai = data.person("SOMCHAI SRISUK " + FollowUpData.rule(), TAAR);
		long second = data.alert(FollowUpData.rule(), "MEDIUM", TAAR, somchai, 4, "SOMCHAI SRISUK", "2");
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		HttpResponse<String> created = kesbangpol.post("/timpora", Map.of("heldAt", "2026-02-10T09:30", "place",
				"Aula Kantor Wali Kota Tual", "chair", "Kepala Kantor Imigrasi Tual"));
		Matcher path = Pattern.compile("/timpora/(\\d+)$").matcher(WebSession.location(created));
		assertThat(path.find()).as(WebSession.location(created)).isTrue();
		long meeting = Long.parseLong(path.group(1));
		assertThat(kesbangpol.get("/timpora/" + meeting).body()).contains("pick-" + first, "pick-" + second);

		String base = "/timpora/" + meeting;
		act(kesbangpol, meeting, base + "/agenda?alertId=" + first + "&alertId=" + second, Map.of());
		act(kesbangpol, meeting, base + "/hadir", Map.of("agency", "POLRES", "attendee", "AKP Rahanra"));
		act(kesbangpol, meeting, base + "/hadir", Map.of("agency", "IMIGRASI", "attendee", "Kasi Inteldakim"));
		WebSession polres = WebSession.loggedIn(port, "timpora.polres");
		polres.post("/timpora/" + meeting + "/butir/" + first + "/pandangan",
				Map.of("agency", "POLRES", "view", "Tidak ada laporan gangguan keamanan"));
		assertThat(polres.get("/timpora/" + meeting).body()).contains("Pandangan instansi dicatat");
		HttpResponse<String> other = polres.post("/timpora/" + meeting + "/butir/" + first + "/pandangan",
				Map.of("agency", "KODIM", "view", "pandangan atas nama instansi lain"));
		assertThat(other.statusCode()).as(other.headers().map().toString()).isEqualTo(302);
		assertThat(polres.get("/timpora/" + meeting).body()).as("a member writes only its own agency's view")
				.contains("tidak boleh melakukan");
		act(polres, meeting, base + "/butir/" + first + "/keputusan", Map.of("decision", "bukan hak Polres"));
		act(kesbangpol, meeting, "/timpora/" + meeting + "/butir/" + first + "/keputusan",
				Map.of("decision", "Imigrasi memanggil yang bersangkutan dalam 7 hari"));
		act(kesbangpol, meeting, "/timpora/" + meeting + "/selesai",
				Map.of("version", "0", "notes", "Rapat dibuka pukul 09.30 WIT; hadir juru bahasa NGUYỄN VĂN HÙNG"));

		String page = kesbangpol.get("/timpora/" + meeting).body();
		assertThat(page).contains("Telah dilaksanakan", "AKP Rahanra", "Tidak ada laporan gangguan keamanan",
				"Imigrasi memanggil yang bersangkutan dalam 7 hari").doesNotContain("pandangan atas nama instansi lain")
				.doesNotContain("bukan hak Polres").doesNotContain("agenda-form");
		String alertPage = kesbangpol.get("/peringatan/" + first).body();
		assertThat(alertPage).contains("alert-decisions", "Imigrasi memanggil yang bersangkutan dalam 7 hari",
				"Keputusan rapat TIMPORA");
		assertThat(jdbc.sql("select meeting_id from alert_action where alert_id = :id and kind = 'MEETING_DECISION'")
				.param("id", first).query(Long.class).single()).isEqualTo(meeting);
		assertThat(data.audits("MEETING_DECISION_RECORDED", "MEETING", meeting)).isEqualTo(1);

		String minutes = pdfText(kesbangpol, "/timpora/" + meeting + "/notulen.pdf");
		assertThat(minutes).contains("NOTULEN RAPAT", "Aula Kantor Wali Kota Tual", "Selasa, 10 Februari 2026",
				"AKP Rahanra", "Tidak ada laporan gangguan keamanan", "KYAW MIN HTUN", "SOMCHAI SRISUK",
				"Imigrasi memanggil yang bersangkutan dalam 7 hari", "belum diputuskan", "Rapat dibuka pukul 09.30 WIT",
				"NGUYỄN VĂN HÙNG");
		String agenda = pdfText(kesbangpol, "/timpora/" + meeting + "/agenda.pdf");
		assertThat(agenda).contains("AGENDA RAPAT", "1.", "KYAW MIN HTUN", "2.", "SOMCHAI SRISUK")
				.as("who and where, by name").contains("SOMCHAI SRISUK TEST_").contains("Taar (#" + second + ")");
		assertThat(data.audits("MEETING_PRINTED", "MEETING", meeting)).isEqualTo(2);

		assertThat(act(kesbangpol, meeting, "/timpora/" + meeting + "/agenda?alertId=" + first, Map.of()))
				.contains("sudah dilaksanakan");
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").get("/timpora/" + meeting).statusCode()).isEqualTo(403);
	}

	@Test
	void theVillageSeesWhatWasDecidedAboutItsReportsPersonButNoInternalNote() {
		long person = data.person("ZAW MIN HTET", FIDITAN);
		long report = data.report(FIDITAN, person);
		long alert = data.alert(FollowUpData.rule(), "HIGH", FIDITAN, person, 20, "ZAW MIN HTET");
		WebSession imigrasi = WebSession.loggedIn(port, "imigrasi");
		HttpResponse<String> created = imigrasi.post("/timpora", Map.of("heldAt", "2026-03-02T10:00", "place",
				"Kantor Imigrasi Tual"));
		long meeting = Long.parseLong(WebSession.location(created).replaceAll(".*/timpora/", ""));
		imigrasi.post("/timpora/" + meeting + "/agenda", Map.of("alertId", String.valueOf(alert)));
		imigrasi.post("/timpora/" + meeting + "/butir/" + alert + "/keputusan",
				Map.of("decision", "Izin tinggal diurus melalui penjamin"));
		imigrasi.post("/peringatan/" + alert + "/tutup", Map.of("version", String.valueOf(data.version(alert)),
				"outcome", "REGULARISED", "note", "catatan internal: penjamin bermasalah"));

		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		assertThat(village.get("/laporan/" + report).body()).contains("hx-get=\"/peringatan/laporan/" + report + "\"",
				"hx-trigger=\"load\"");
		HttpResponse<String> fragment = village.get("/peringatan/laporan/" + report, "HX-Request", "true");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).contains("Izin tinggal diurus/dipulihkan", "Izin tinggal diurus melalui penjamin",
				"Selesai").doesNotContain("catatan internal").doesNotContain("<html");
		assertThat(data.audits("ALERT_OUTCOMES_VIEWED", "REPORT", report)).isPositive();
		assertThat(WebSession.loggedIn(port, "ohoi.taar").get("/peringatan/laporan/" + report).statusCode())
				.isEqualTo(404);
		assertThat(WebSession.loggedIn(port, "kesbangpol").get("/peringatan/laporan/" + report).body())
				.contains("Izin tinggal diurus melalui penjamin");
	}

	@Test
	void theAgendaPickerGroupsByRuleNamesEachPersonAndOffersNeitherAddedNorOutOfScopeAlerts() {
		String overstay = FollowUpData.rule();
		String noPermit = FollowUpData.rule();
		long somchai = data.person("SOMCHAI PICKER " + overstay, TAAR);
		jdbc.sql("update person set nationality = 'THA' where id = :id").param("id", somchai).update();
		long anan = data.person("ANAN PICKER " + overstay, TAAR);
		long kyaw = data.person("KYAW PICKER " + overstay, FIDITAN);
		long somchaiLate = data.alert(overstay, "HIGH", TAAR, somchai, 6, "SOMCHAI");
		long somchaiNoPermit = data.alert(noPermit, "MEDIUM", TAAR, somchai, 3, "SOMCHAI");
		long somchaiOld = data.alert(overstay, "MEDIUM", TAAR, somchai, 30, "SOMCHAI");
		long ananLate = data.alert(overstay, "LOW", TAAR, anan, 2, "ANAN");
		long kyawLate = data.alert(overstay, "CRITICAL", FIDITAN, kyaw, 8, "KYAW");
		String districtOfficer = "uji." + UUID.randomUUID().toString().substring(0, 8);
		seeding.seed(districtOfficer, "Uji " + districtOfficer, Role.KESBANGPOL, Agency.KESBANGPOL, "81.72.02",
				WebSession.DEMO_PASSWORD, false);
		WebSession district = WebSession.loggedIn(port, districtOfficer);
		long meeting = Long.parseLong(WebSession.location(district.post("/timpora",
				Map.of("heldAt", "2026-02-12T09:00", "place", "Kantor Kecamatan"))).replaceAll(".*/timpora/", ""));
		act(district, meeting, "/timpora/" + meeting + "/agenda", Map.of("alertId", String.valueOf(somchaiOld)));

		String page = district.get("/timpora/" + meeting).body();
		assertThat(page).as("on the agenda already").contains("item-" + somchaiOld)
				.doesNotContain("id=\"pick-" + somchaiOld + "\"");
		assertThat(page).as("another district's alert and person").doesNotContain("pick-" + kyawLate)
				.doesNotContain("KYAW PICKER");
		String overstays = group(page, overstay);
		assertThat(overstays).contains(">2 peringatan<", "SOMCHAI PICKER " + overstay, "Thailand", "Taar",
				"ANAN PICKER " + overstay, "Tinggi", "Rendah",
				"dibuka " + DateTimeFormatter.ofPattern("dd-MM-yyyy").withZone(TestClock.WIT)
						.format(TestClock.now().minus(6, ChronoUnit.DAYS)) + " (6 hari)");
		assertThat(overstays.indexOf("pick-" + somchaiLate)).as("the more severe person first")
				.isLessThan(overstays.indexOf("pick-" + ananLate)).isPositive();
		assertThat(row(page, somchaiLate)).contains("Orang ini juga: " + noPermit,
				"Orang ini sudah ada di agenda");
		assertThat(row(page, ananLate)).doesNotContain("Orang ini juga").doesNotContain("sudah ada di agenda");
		assertThat(group(page, noPermit)).contains(">1 peringatan<", "pick-" + somchaiNoPermit,
				"data-search=\"somchai picker " + overstay.toLowerCase());

		assertThat(act(district, meeting, "/timpora/" + meeting + "/agenda?alertId=" + kyawLate, Map.of()))
				.contains("step-errors").doesNotContain("item-" + kyawLate);
		assertThat(WebSession.loggedIn(port, "kesbangpol").get("/timpora/" + meeting).body())
				.as("the city officer is offered the whole city").contains("pick-" + kyawLate, "KYAW PICKER");
		assertThat(WebSession.loggedIn(port, "timpora.polres").get("/timpora/" + meeting).body())
				.as("a member reads the meeting but plans no agenda").doesNotContain("agenda-form");
	}

	/** The picker's group of a rule, from its heading to the end of its rows. */
	private static String group(String page, String rule) {
		int start = page.indexOf("id=\"group-" + rule + "\"");
		assertThat(start).as("group " + rule).isPositive();
		return page.substring(start, page.indexOf("</fieldset>", start));
	}

	private static String row(String page, long alert) {
		int start = page.indexOf("id=\"pick-row-" + alert + "\"");
		assertThat(start).as("row " + alert).isPositive();
		return page.substring(start, page.indexOf("</div>", start));
	}

	/** Posts a step and answers the meeting's page as shown after it (with the step's message). */
	private static String act(WebSession session, long meeting, String path, Map<String, String> form) {
		assertThat(session.post(path, form).statusCode()).isEqualTo(302);
		return session.get("/timpora/" + meeting).body();
	}

	private String pdfText(WebSession session, String path) throws IOException {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Cookie", "PANTAU_SESSION=" + session.sessionId()).GET().build();
		try {
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
			try (PDDocument document = Loader.loadPDF(response.body())) {
				return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
