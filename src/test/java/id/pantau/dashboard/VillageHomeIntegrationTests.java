package id.pantau.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.WebSession;
import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import id.pantau.identity.domain.AccountSeeding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A village official's home over real HTTP, in a village of its own that no other test reports from: it starts with
 * what to do (a new report, the reports BPMPD returned with their reasons and count, the drafts, the monthly report of
 * the last complete month while it is owed, the unread notifications), and it asks for no chart library.
 */
@PantauIntegrationTest
class VillageHomeIntegrationTests {

	private static final String OFFICIAL = "ohoi.beranda.uji";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountSeeding seeding;

	@Test
	void theHomeListsReturnedReportsWithReasonsDraftsAndTheMonthlyReportStillOwed() {
		YearMonth due = TestClock.thisMonth().minusMonths(1);
		String village = quietVillage(due);
		seeding.seed(OFFICIAL, "Petugas Beranda Uji", Role.OHOI, Agency.PEMERINTAH_OHOI, village,
				WebSession.DEMO_PASSWORD, false);
		WebSession official = WebSession.loggedIn(port, OFFICIAL);
		WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");

		String home = official.get("/").body();
		assertThat(home).contains("id=\"home-new-report\"").contains("Laporan baru")
				.contains("id=\"home-returned-count\"").contains("Tidak ada laporan yang dikembalikan.")
				.doesNotContain("id=\"home-drafts\"").doesNotContain("echarts").doesNotContain("leaflet");
		assertThat(countIn(home, "home-returned-count")).isZero();
		assertThat(home).contains("id=\"home-monthly-missing\"")
				.contains("href=\"/laporan/bulanan?month=" + due + "\"");

		long first = submitted(official, "Berandawati Uji Pertama");
		long second = submitted(official, "Berandawan Uji Kedua");
		long draft = idFrom(WebSession.location(official.post("/laporan/baru",
				Map.of("namesAsHeard", "Berandawan Uji Draf", "nationalityText", "Filipina"))));
		assertThat(state(draft)).isEqualTo("DRAFT");
		bpmpd.post("/laporan/" + first + "/kembalikan",
				Map.of("version", version(first), "reason", "Umur belum diisi, mohon dilengkapi"));
		bpmpd.post("/laporan/" + second + "/kembalikan",
				Map.of("version", version(second), "reason", "Tempat tinggal belum jelas"));
		assertThat(state(first)).isEqualTo("RETURNED");

		home = official.get("/").body();
		assertThat(countIn(home, "home-returned-count")).isEqualTo(2);
		assertThat(home).contains("href=\"/laporan/" + first + "\"").contains("href=\"/laporan/" + second + "\"")
				.contains("Berandawati Uji Pertama").contains("Alasan: Umur belum diisi, mohon dilengkapi")
				.contains("Alasan: Tempat tinggal belum jelas");
		assertThat(countIn(home, "home-drafts-count")).isEqualTo(1);
		assertThat(home).contains("href=\"/laporan/" + draft + "/ubah\"").contains("Berandawan Uji Draf");
		long unread = jdbc.sql("select count(*) from notification where username = :u and read_at is null")
				.param("u", OFFICIAL).query(Long.class).single();
		assertThat(unread).as("each return told the village").isGreaterThanOrEqualTo(2);
		assertThat(home).contains("id=\"home-unread-count\"").contains(unread + " belum dibaca");
		assertThat(countIn(home, "bell-count")).as("the bell beside the menu button").isEqualTo(unread);

		HttpResponse<String> monthly = official.post("/laporan/bulanan", Map.of("month", due.toString(), "nil", "true"));
		assertThat(monthly.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from periodic_report where village_code = :v and month = :m")
				.param("v", village).param("m", java.sql.Date.valueOf(due.atDay(1))).query(Long.class).single())
				.isEqualTo(1);
		home = official.get("/").body();
		assertThat(home).doesNotContain("id=\"home-monthly-missing\"").contains("id=\"home-monthly-sent\"");

		// the returned report, fixed and sent again, leaves the list
		official.post("/laporan/" + first + "/ubah", Map.of("version", version(first), "namesAsHeard",
				"Berandawati Uji Pertama", "nationalityText", "Filipina", "ageOrBirth", "41", "submit", "true"));
		assertThat(state(first)).isEqualTo("SUBMITTED");
		home = official.get("/").body();
		assertThat(countIn(home, "home-returned-count")).isEqualTo(1);
		assertThat(home).doesNotContain("href=\"/laporan/" + first + "\"");
	}

	@Test
	void officersKeepTheirChartsAndSeeNoVillageTasks() {
		String home = WebSession.loggedIn(port, "bpmpd").get("/").body();
		assertThat(home).contains("echarts").contains("id=\"dashboard\"").doesNotContain("id=\"home-new-report\"");
	}

	/**
	 * A village of this test's own: no village report, its monthly report for {@code due} not sent (the demo data
	 * leaves a few villages silent last month), and not one that other tests name (the demo's silent and rising
	 * villages, the recap's, the registry's).
	 */
	private String quietVillage(YearMonth due) {
		List<String> village = jdbc.sql("""
				select r.code from region r where r.level = 'VILLAGE' and r.code <> all(:used)
				  and not exists (select 1 from village_report v where v.village_code = r.code)
				  and not exists (select 1 from periodic_report p where p.village_code = r.code and p.month = :due)
				order by r.code desc limit 1""")
				.param("used", new String[] { "81.72.05.2006", "81.72.01.2003", "81.72.04.2004", "81.72.04.2012",
						"81.72.05.2003", "81.72.05.2007", "81.72.01.2004" })
				.param("due", java.sql.Date.valueOf(due.atDay(1))).query(String.class).list();
		assertThat(village).as("a village that has not sent its monthly report for " + due).isNotEmpty();
		return village.get(0);
	}

	private long submitted(WebSession session, String names) {
		long id = idFrom(WebSession.location(session.post("/laporan/baru", Map.of("namesAsHeard", names,
				"nationalityText", "Filipina", "sex", "F", "stayingAt", "rumah kepala dusun", "submit", "true"))));
		assertThat(state(id)).isEqualTo("SUBMITTED");
		return id;
	}

	private static long countIn(String page, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(\\d+)").matcher(page);
		assertThat(m.find()).as("count " + id).isTrue();
		return Long.parseLong(m.group(1));
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
