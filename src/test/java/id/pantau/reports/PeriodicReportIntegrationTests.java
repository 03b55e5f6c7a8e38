package id.pantau.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly report tells the truth: a count with "nihil" is refused, the month offered is the last complete one,
 * what was typed survives an error, and a sent report is corrected (a new version with a reason, audited, shown to
 * BPMPD as a correction) until BPMPD closes the month. Each test uses a month of its own and clears it first; the
 * demo data's five months may be replaced, an older month is left as it was found.
 */
@PantauIntegrationTest
class PeriodicReportIntegrationTests {

	private static final String FIDITAN = "81.72.01.2001";

	private static final String TAAR = "81.72.02.2002";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCountWithNihilTickedIsRefusedAtTheFieldAndWhatWasTypedComesBack() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		YearMonth month = clear(FIDITAN, 4);
		HttpResponse<String> answer = village.post("/laporan/bulanan",
				Map.of("month", month.toString(), "foreigners", "2", "nil", "true", "note",
						"Dua nelayan Vietnam KM Sinar"));
		assertThat(answer.statusCode()).isEqualTo(200);
		String page = answer.body();
		assertThat(page).contains("Nihil berarti tidak ada orang asing, tetapi jumlahnya diisi 2")
				.containsPattern("class=\"form-control is-invalid\" type=\"number\"[^>]*id=\"foreigners\""
						+ " name=\"foreigners\"\\s+value=\"2\"")
				.contains("value=\"" + month + "\" selected=\"selected\"")
				.contains("id=\"nil\" name=\"nil\" value=\"true\" checked=\"checked\"")
				.contains("value=\"Dua nelayan Vietnam KM Sinar\"");
		assertThat(reports(FIDITAN, month)).as("nothing saved").isZero();
	}

	@Test
	void theFormOffersTheLastCompleteMonthAndRefusesTheCurrentAndFutureOnesKeepingTheInput() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		YearMonth current = TestClock.thisMonth();
		String form = village.get("/laporan/bulanan").body();
		// the page offers the months BPMPD sees on its completeness page, which it can close there
		assertThat(form).contains("<option value=\"" + current.minusMonths(1) + "\" selected=\"selected\"")
				.doesNotContain("<option value=\"" + current + "\"");
		// the village home links to the month it still owes
		assertThat(village.get("/laporan/bulanan?month=" + current.minusMonths(2)).body())
				.contains("<option value=\"" + current.minusMonths(2) + "\" selected=\"selected\"");
		assertThat(village.get("/laporan/bulanan?month=bukan-bulan").body())
				.contains("<option value=\"" + current.minusMonths(1) + "\" selected=\"selected\"");

		String early = village.post("/laporan/bulanan",
				Map.of("month", current.toString(), "foreigners", "5", "note", "Lapor awal Kur")).body();
		assertThat(early).contains("belum berakhir: laporannya dapat dikirim mulai 1")
				.containsPattern("id=\"foreigners\" name=\"foreigners\"\\s+value=\"5\"")
				.contains("value=\"Lapor awal Kur\"");
		assertThat(village.post("/laporan/bulanan", Map.of("month", current.plusMonths(1).toString(), "nil", "true"))
				.body()).contains("bulan itu belum tiba");
		YearMonth old = clear(FIDITAN, 6);
		assertThat(form).doesNotContain("<option value=\"" + old + "\"");
		assertThat(village.post("/laporan/bulanan", Map.of("month", old.toString(), "foreigners", "1")).body())
				.contains("sudah di luar jangka pelaporan");
		assertThat(reports(FIDITAN, current) + reports(FIDITAN, current.plusMonths(1)) + reports(FIDITAN, old))
				.isZero();
	}

	@Test
	void aSentReportIsCorrectedWithAReasonKeepingTheEarlierVersionAuditedAndShownToBpmpd() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		YearMonth month = clear(FIDITAN, 2);
		village.post("/laporan/bulanan", Map.of("month", month.toString(), "nil", "true"));
		assertThat(village.get("/laporan/bulanan").body()).contains("Laporan bulanan dikirim.");
		assertThat(reports(FIDITAN, month)).isOne();

		Map<String, String> noReason = Map.of("month", month.toString(), "foreigners", "3", "note", "Tiga ABK Myanmar");
		String refused = village.post("/laporan/bulanan/koreksi", noReason).body();
		assertThat(refused).contains("Koreksi belum dikirim").contains("tulis alasan koreksi")
				.containsPattern("<details class=\"mt-2\" open=\"open\"")
				.containsPattern("name=\"foreigners\"\\s+id=\"c-foreigners-" + month + "\"[^>]*value=\"3\"")
				.contains("value=\"Tiga ABK Myanmar\"");
		Map<String, String> nilAndCount = new HashMap<>(noReason);
		nilAndCount.put("nil", "true");
		nilAndCount.put("reason", "Salah centang kemarin");
		assertThat(village.post("/laporan/bulanan/koreksi", nilAndCount).body())
				.contains("Nihil berarti tidak ada orang asing").contains("value=\"Salah centang kemarin\"");

		Map<String, String> correction = new HashMap<>(noReason);
		correction.put("reason", "Tiga ABK Myanmar terlewat saat pendataan");
		HttpResponse<String> sent = village.post("/laporan/bulanan/koreksi", correction);
		assertThat(sent.statusCode()).isEqualTo(302);
		String page = village.get("/laporan/bulanan").body();
		assertThat(page).contains("Koreksi laporan bulanan dikirim").contains("koreksi (versi 2)")
				.contains("Alasan: Tiga ABK Myanmar terlewat saat pendataan").contains("versi 1: Nihil");

		assertThat(jdbc.sql("select version || ' ' || nil || ' ' || foreigners from periodic_report"
				+ " where village_code = :v and month = :m").param("v", FIDITAN).param("m", month.atDay(1))
				.query(String.class).list()).as("one current row, the latest version").containsExactly("2 false 3");
		assertThat(jdbc.sql("""
				select v.version || ' ' || v.nil || ' ' || v.foreigners from periodic_report_version v
				join periodic_report p on p.id = v.periodic_report_id where p.village_code = :v and p.month = :m""")
				.param("v", FIDITAN).param("m", month.atDay(1)).query(String.class).list()).containsExactly("1 true 0");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select details from audit_event where action = 'PERIODIC_REPORT_CORRECTED' and subject_id = :s
				  and actor = 'ohoi.fiditan'""").param("s", FIDITAN + "/" + month).query(String.class).list())
				.singleElement().satisfies(d -> assertThat(d).contains("\"previousNil\":\"true\"")
						.contains("\"foreigners\":\"3\"").contains("reasonLength")
						.doesNotContain("terlewat")));

		WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");
		String completeness = bpmpd.get("/laporan/kelengkapan").body();
		assertThat(completeness).as("the village's cell of the month is marked")
				.containsPattern("data-village=\"" + FIDITAN + "\" data-month=\"" + month
						+ "\"[^>]*><span>[^<]*</span>\\s*<a [^>]*corrected-mark")
				.contains("id=\"corrections\"").contains("Kini 3 orang asing; sebelumnya Nihil")
				.contains("Alasan: Tiga ABK Myanmar terlewat saat pendataan");
		assertThat(bpmpd.get("/rekap?month=" + month + "&region=" + FIDITAN).body())
				.as("the recap counts the report once, in its latest version, and says it was corrected")
				.containsPattern("id=\"recap-corrected\"><span>1</span>\\s*<a href=\"/laporan/kelengkapan#koreksi\"");
		assertThat(jdbc.sql("""
				select message_key from notification where username = 'bpmpd' and argument like 'Fiditan, %'
				  and link = '/laporan/kelengkapan#koreksi'""").query(String.class).list())
				.contains("notify.periodicCorrected");
		assertThat(bpmpd.get("/notifikasi").body()).contains("Koreksi laporan bulanan Fiditan, ")
				.contains("(bukan laporan baru)");
	}

	@Test
	void anotherVillageCanNeitherCorrectNorSeeTheCorrection() {
		WebSession fiditan = WebSession.loggedIn(port, "ohoi.fiditan");
		YearMonth month = clear(FIDITAN, 3);
		clear(TAAR, 3);
		fiditan.post("/laporan/bulanan", Map.of("month", month.toString(), "foreigners", "4"));
		fiditan.post("/laporan/bulanan/koreksi", Map.of("month", month.toString(), "foreigners", "6",
				"reason", "Dua pekerja Tiongkok tiba akhir bulan di Fiditan"));

		WebSession taar = WebSession.loggedIn(port, "ohoi.taar");
		String refused = taar.post("/laporan/bulanan/koreksi", Map.of("month", month.toString(), "foreigners", "1",
				"reason", "Mencoba mengubah laporan desa lain", "villageCode", FIDITAN)).body();
		assertThat(refused).contains("yang dapat dikoreksi; kirim laporannya lebih dulu");
		assertThat(jdbc.sql("select foreigners from periodic_report where village_code = :v and month = :m")
				.param("v", FIDITAN).param("m", month.atDay(1)).query(Integer.class).single()).isEqualTo(6);
		assertThat(reports(TAAR, month)).isZero();
		assertThat(taar.get("/laporan/bulanan").body()).doesNotContain("Dua pekerja Tiongkok");
		assertThat(taar.get("/laporan/kelengkapan").body()).doesNotContain("Dua pekerja Tiongkok")
				.doesNotContain("data-village=\"" + FIDITAN + "\"");

		assertThat(WebSession.loggedIn(port, "bpmpd").post("/laporan/bulanan/koreksi", Map.of("month",
				month.toString(), "foreigners", "1", "reason", "BPMPD mencoba")).statusCode())
				.as("a correction is the village's own").isEqualTo(403);
		assertThat(taar.post("/laporan/kelengkapan/tutup", Map.of("month", month.toString())).statusCode())
				.as("a village cannot close a month").isEqualTo(403);
	}

	@Test
	void bpmpdClosesAMonthAfterWhichTheVillageSeesItClosedAndACorrectionIsRefusedNamingWhoClosedIt() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		YearMonth month = clear(FIDITAN, 5);
		clear(TAAR, 5);
		jdbc.sql("delete from periodic_month_closing where month = :m").param("m", month.atDay(1)).update();
		try {
			village.post("/laporan/bulanan", Map.of("month", month.toString(), "foreigners", "7"));
			WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");
			String before = bpmpd.get("/laporan/kelengkapan").body();
			assertThat(before).containsPattern("id=\"close-" + month + "\"\\s+data-confirm=\"Tutup bulan ")
					.doesNotContain("id=\"close-" + TestClock.thisMonth() + "\"");
			assertThat(bpmpd.post("/laporan/kelengkapan/tutup", Map.of("month", TestClock.thisMonth().toString()))
					.statusCode()).isEqualTo(302);
			assertThat(bpmpd.get("/laporan/kelengkapan").body()).contains("belum berakhir, jadi belum dapat ditutup");
			YearMonth longAgo = TestClock.thisMonth().minusYears(3);
			assertThat(bpmpd.post("/laporan/kelengkapan/tutup", Map.of("month", longAgo.toString())).statusCode())
					.isEqualTo(302);
			assertThat(bpmpd.get("/laporan/kelengkapan").body()).as("a month past the reporting period is not closed again")
					.contains("sudah di luar jangka pelaporan");
			assertThat(bpmpd.post("/laporan/kelengkapan/tutup", Map.of("month", "+999999999-12")).statusCode())
					.isEqualTo(302);
			assertThat(bpmpd.get("/laporan/kelengkapan").body()).contains("pilihan tidak dikenal");
			assertThat(jdbc.sql("select count(*) from periodic_month_closing where month = :m or month > :far")
					.param("m", longAgo.atDay(1)).param("far", java.time.LocalDate.of(2999, 1, 1)).query(Long.class)
					.single()).isZero();

			assertThat(bpmpd.post("/laporan/kelengkapan/tutup", Map.of("month", month.toString())).statusCode())
					.isEqualTo(302);
			long villages = jdbc.sql("select count(*) from region where level = 'VILLAGE' and code like '81.72.%'")
					.query(Long.class).single();
			assertThat(jdbc.sql("select count(*) from periodic_month_closing where month = :m and closed_by = 'bpmpd'")
					.param("m", month.atDay(1)).query(Long.class).single()).isEqualTo(villages);
			assertThat(bpmpd.get("/laporan/kelengkapan").body()).contains("Bulan ditutup untuk desa-desa")
					.containsPattern("ditutup oleh bpmpd pada \\d\\d-\\d\\d-\\d{4}");
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
					select count(*) from audit_event where action = 'PERIODIC_MONTH_CLOSED' and subject_id = :m
					  and actor = 'bpmpd'""").param("m", month.toString()).query(Long.class).single()).isOne());

			String page = village.get("/laporan/bulanan").body();
			assertThat(page).contains("Bulan ini ditutup oleh bpmpd pada")
					.doesNotContain("id=\"correct-" + month + "\"")
					.containsPattern("<option value=\"" + month + "\"[^>]*>[^<]+\\(ditutup\\)<");
			// the closing is told first, even when the figures are wrong as well (nihil with a count)
			String refused = village.post("/laporan/bulanan/koreksi", Map.of("month", month.toString(),
					"foreigners", "8", "nil", "true", "reason", "Satu orang lagi di Fiditan setelah penutupan")).body();
			assertThat(refused)
					.containsPattern("sudah ditutup oleh bpmpd pada \\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d:\\d\\d WIT")
					.contains("tidak dapat dikirim atau dikoreksi lagi");
			assertThat(jdbc.sql("select foreigners from periodic_report where village_code = :v and month = :m")
					.param("v", FIDITAN).param("m", month.atDay(1)).query(Integer.class).single()).isEqualTo(7);
			assertThat(WebSession.loggedIn(port, "ohoi.taar").post("/laporan/bulanan", Map.of("month",
					month.toString(), "foreigners", "1", "note", "Terlambat setelah penutupan di Taar")).body())
					.as("a first report of a closed month is refused too")
					.containsPattern("sudah ditutup oleh bpmpd pada \\d\\d-\\d\\d-\\d{4}")
					.contains("value=\"Terlambat setelah penutupan di Taar\"");
			assertThat(reports(TAAR, month)).isZero();
		}
		finally {
			// the month is older than the demo data's: its report goes too (TestClockIntegrationTests)
			clear(FIDITAN, 5);
			jdbc.sql("delete from periodic_month_closing where month = :m").param("m", month.atDay(1)).update();
		}
	}

	/** The month {@code back} months before this one, with no report and no closing for the village. */
	private YearMonth clear(String village, int back) {
		YearMonth month = TestClock.thisMonth().minusMonths(back);
		for (String table : List.of("periodic_report", "periodic_month_closing")) {
			jdbc.sql("delete from " + table + " where village_code = :v and month = :m").param("v", village)
					.param("m", month.atDay(1)).update();
		}
		return month;
	}

	private long reports(String village, YearMonth month) {
		return jdbc.sql("select count(*) from periodic_report where village_code = :v and month = :m")
				.param("v", village).param("m", month.atDay(1)).query(Long.class).single();
	}
}
