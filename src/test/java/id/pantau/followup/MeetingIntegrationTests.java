package id.pantau.followup;

import static id.pantau.followup.FollowUpData.FIDITAN;
import static id.pantau.followup.FollowUpData.TAAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
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
