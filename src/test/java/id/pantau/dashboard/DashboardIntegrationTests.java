package id.pantau.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.WebSession;
import id.pantau.dashboard.domain.MonthlyRecap;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.Scope;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard, the map, the recap and the exports over real HTTP on the demo data, each figure checked against the
 * database: a figure and the list it links to agree, an ohoi sees its village only, files read back as they should.
 */
@PantauIntegrationTest
class DashboardIntegrationTests {

	static final String FIDITAN = "81.72.01.2001";
	static final String TAAR = "81.72.02.2002";
	static final String TAG = "DASHTEST";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	MonthlyRecap recaps;

	private static boolean detectionQuiet;

	@BeforeEach
	void alerts() {
		// these tests compare figures with counts of alerts: first let the detection run that follows the start-up's
		// matching (asynchronous, then 5 s of gathering) come and finish, or it raises alerts between a page and its
		// count: 15 s after the start and no rule run for 8 s
		if (!detectionQuiet) {
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> System
					.currentTimeMillis() - context.getStartupDate() > 15_000 && jdbc.sql(
							"select coalesce(max(finished_at), 'epoch') from rule_run").query(java.sql.Timestamp.class)
							.single().toInstant().isBefore(TestClock.now().minusSeconds(8)));
			detectionQuiet = true;
		}
		// two open alerts in Fiditan and one closed in Taar, raised this month, with a follow-up action
		insertAlert("OVERSTAY", "HIGH", "OPEN", FIDITAN, "=HYPERLINK(\"http://x\")", null);
		insertAlert("PERMIT_EXPIRING", "LOW", "ACKNOWLEDGED", FIDITAN, "a", null);
		long closed = insertAlert("NO_SKTT", "MEDIUM", "CLOSED", TAAR, "b", "REGULARISED");
		jdbc.sql("""
				insert into alert_action (alert_id, kind, actor, recorded_at) values (:id, 'FIELD_CHECK', 'test', :now)""")
				.param("id", closed).param("now", now()).update();
	}

	@AfterEach
	void removeAlerts() {
		jdbc.sql("delete from alert_action where alert_id in (select id from alert where facts_key like :tag)")
				.param("tag", TAG + "%").update();
		jdbc.sql("delete from alert where facts_key like :tag").param("tag", TAG + "%").update();
		jdbc.sql("delete from village_point").update();
	}

	/** What Kesbangpol's city scope sees: alerts in Kota Tual's villages, and those placed nowhere. */
	private static final String IN_CITY = "(region_code is null or region_code = '81.72' or region_code like '81.72.%')";

	@Test
	void kesbangpolSeesTheFiguresOfTheWholeCityAndEachLinksToItsList() {
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		String home = kesbangpol.get("/").body();
		long present = count("select count(*) from person where status = 'PRESENT'");
		assertThat(value(home, "fig-present")).isEqualTo(present);
		assertThat(present).isPositive();
		// the list behind the figure counts the same persons
		assertThat(listCount(kesbangpol, "/orang-asing?status=PRESENT")).isEqualTo(present);
		// and a nationality's figure too
		String nationality = jdbc.sql("""
				select nationality from person where status = 'PRESENT' and nationality is not null
				group by nationality order by count(*) desc, nationality limit 1""").query(String.class).single();
		long ofNationality = count("select count(*) from person where status = 'PRESENT' and nationality = '"
				+ nationality + "'");
		assertThat(home).contains("/orang-asing?status=PRESENT&amp;nationality=" + nationality);
		assertThat(listCount(kesbangpol, "/orang-asing?status=PRESENT&nationality=" + nationality))
				.isEqualTo(ofNationality);
		assertThat(value(home, "fig-excrew"))
				.isEqualTo(count("select count(*) from person where status = 'PRESENT' and category = 'EX_CREW'"));
		// alerts may still be raised by the detection run after start-up's matching: compare at a quiet moment
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			long open = count("select count(*) from alert where status in ('OPEN', 'ACKNOWLEDGED') and " + IN_CITY);
			assertThat(value(kesbangpol.get("/").body(), "fig-alerts")).isEqualTo(open);
		});
		assertThat(home).contains("/peringatan?severity=HIGH").contains("/laporan?status=SUBMITTED")
				.contains("id=\"table-crossings\"");
		// the reports waiting at BPMPD, and the list behind them
		assertThat(home).containsPattern("id=\"reports-SUBMITTED\">\\s*<td><a href=\"/laporan\\?status=SUBMITTED\"");
	}

	@Test
	void anOhoiUserSeesOnlyItsOwnVillageOnTheDashboardAndTheMap() {
		WebSession ohoi = WebSession.loggedIn(port, "ohoi.fiditan");
		String home = ohoi.get("/").body();
		long fiditan = count("select count(*) from person where status = 'PRESENT' and region_code = '" + FIDITAN + "'");
		assertThat(value(home, "fig-present")).isEqualTo(fiditan);
		long alerts = count("select count(*) from alert where status in ('OPEN', 'ACKNOWLEDGED') and region_code = '"
				+ FIDITAN + "'");
		assertThat(alerts).as("this test's own alerts, and any others in the village").isGreaterThanOrEqualTo(2);
		assertThat(value(home, "fig-alerts")).isEqualTo(alerts);
		assertThat(home).doesNotContain("data-code=\"" + TAAR + "\"").doesNotContain("table-crossings");
		String map = ohoi.get("/peta/data").body();
		assertThat(map).contains(FIDITAN).doesNotContain(TAAR).contains("\"openAlerts\":" + alerts);
		// lists narrowed to another village are not there for it
		assertThat(ohoi.get("/laporan?region=" + TAAR).statusCode()).isEqualTo(404);
		assertThat(ohoi.get("/rekap?region=" + TAAR).statusCode()).isEqualTo(404);
		assertThat(ohoi.get("/laporan?region=" + FIDITAN).statusCode()).isEqualTo(200);
	}

	@Test
	void anAdministratorPlacesAVillageOnTheMapAndOthersMayNot() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		HttpResponse<String> saved = admin.post("/peta/titik/" + FIDITAN, Map.of("lat", "-5.612345", "lon", "132.7501"));
		assertThat(saved.statusCode()).isEqualTo(302);
		String data = admin.get("/peta/data").body();
		assertThat(data).contains("\"code\":\"" + FIDITAN + "\"");
		assertThat(jdbc.sql("select lat || ',' || lon from village_point where village_code = :c").param("c", FIDITAN)
				.query(String.class).single()).isEqualTo("-5.612345,132.750100");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'VILLAGE_POINT_SET' and subject_id = :c")
				.param("c", FIDITAN).query(Long.class).single()).isPositive();
		assertThat(admin.post("/peta/titik/" + FIDITAN, Map.of("lat", "-95", "lon", "132")).statusCode())
				.isEqualTo(302);
		assertThat(jdbc.sql("select lat from village_point where village_code = :c").param("c", FIDITAN)
				.query(String.class).single()).isEqualTo("-5.612345");

		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		assertThat(kesbangpol.post("/peta/titik/" + TAAR, Map.of("lat", "-5.6", "lon", "132.7")).statusCode())
				.isEqualTo(403);
		assertThat(count("select count(*) from village_point where village_code = '" + TAAR + "'")).isZero();
	}

	@Test
	void thePersonsListExportsWithItsFiltersAsXlsxAndIsAudited() throws Exception {
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		HttpResponse<byte[]> file = kesbangpol.getBytes("/orang-asing/ekspor?format=xlsx&status=PRESENT");
		assertThat(file.statusCode()).isEqualTo(200);
		long present = count("select count(*) from person where status = 'PRESENT'");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("nama");
			assertThat(sheet.getLastRowNum()).isEqualTo((int) present);
		}
		assertThat(lastAudit("PERSONS_EXPORTED")).contains("\"rows\":\"" + present + "\"").contains("status=PRESENT");

		WebSession ohoi = WebSession.loggedIn(port, "ohoi.fiditan");
		String csv = new String(ohoi.getBytes("/orang-asing/ekspor?format=csv").body(), "UTF-8");
		long visible = count("select count(*) from person where status <> 'MERGED' and region_code = '" + FIDITAN + "'");
		assertThat(csv.lines().count()).isEqualTo(visible + 1);
	}

	@Test
	void alertsExportWithinTheScopeWithTheListsFiltersSafeAgainstFormulas() throws Exception {
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		long inFiditan = count("select count(*) from alert where region_code = '" + FIDITAN + "'");
		HttpResponse<byte[]> file = kesbangpol.getBytes("/rekap/peringatan/ekspor?format=xlsx&region=" + FIDITAN);
		assertThat(file.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo((int) inFiditan);
			boolean neutralised = false;
			for (Row row : sheet) {
				assertThat(row.getCell(6).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
				neutralised |= row.getCell(6).getStringCellValue().startsWith("'=HYPERLINK");
			}
			assertThat(neutralised).as("the formula-like subject, neutralised").isTrue();
		}
		assertThat(lastAudit("ALERTS_EXPORTED")).contains("\"rows\":\"" + inFiditan + "\"")
				.contains("region=" + FIDITAN);
		String csv = new String(kesbangpol.getBytes("/rekap/peringatan/ekspor?format=csv&severity=MEDIUM").body(),
				"UTF-8");
		// words, not codes: the rule by its name with its code beside it, severity and status as words
		assertThat(csv.lines().findFirst().orElseThrow().replace("\uFEFF", "")).startsWith("id,aturan,kode_aturan,tingkat,status,");
		long noSktt = count("select count(*) from alert where rule = 'NO_SKTT' and severity = 'MEDIUM' and " + IN_CITY);
		assertThat(csv.lines().filter(l -> l.contains(",Belum punya SKTT,NO_SKTT,Sedang,")).count()).isEqualTo(noSktt);
		assertThat(csv.lines().skip(1)).noneMatch(l -> l.matches(".*,(MEDIUM|OPEN|ACKNOWLEDGED|CLOSED|DISMISSED),.*"));
		// an ohoi does not export alerts
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").getBytes("/rekap/peringatan/ekspor").statusCode())
				.isEqualTo(403);
	}

	@Test
	void theMonthlyRecapAsPdfAndXlsxCarriesTheFiguresOfTheMonthAndIsAudited() throws Exception {
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		YearMonth month = TestClock.thisMonth();
		// the current month is counted up to today: the persons the recap's definition places in the city today
		long present = recaps.presentAt(Scope.of("81.72"), TestClock.today()).size();
		assertThat(present).isPositive();
		// the detection run after the start-up's matching may still be raising alerts: compare a download with the
		// counts of the same moment, taking the next download while they move
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			long raised = count("select count(*) from alert where opened_at >= :monthStart and opened_at < :monthEnd"
					+ " and " + IN_CITY, month);
			HttpResponse<byte[]> xlsx = kesbangpol.getBytes("/rekap/unduh?format=xlsx&month=" + month);
			assertThat(xlsx.statusCode()).isEqualTo(200);
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
				Sheet summary = workbook.getSheet("Ringkasan");
				assertThat(summary.getRow(0).getCell(0).getStringCellValue()).contains("Rekapitulasi Bulanan");
				assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(present);
				// raised this month: the three test alerts (and any the demo raised this month)
				assertThat(summary.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(raised);
				// the test's action, by its label
				Sheet actions = workbook.getSheet("Tindak lanjut");
				assertThat(actions.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Cek lapangan");
				assertThat(workbook.getSheet("Kewarganegaraan").getLastRowNum()).isGreaterThanOrEqualTo(2);
			}
		});
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			long regularised = count("select count(*) from alert where status = 'CLOSED' and outcome = 'REGULARISED'"
					+ " and closed_at >= :monthStart and closed_at < :monthEnd and " + IN_CITY, month);
			HttpResponse<byte[]> pdf = kesbangpol.getBytes("/rekap/unduh?format=pdf&month=" + month);
			assertThat(pdf.statusCode()).isEqualTo(200);
			assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
			try (PDDocument document = Loader.loadPDF(pdf.body())) {
				String text = new PDFTextStripper().getText(document);
				assertThat(text).contains("Rekapitulasi Bulanan Pengawasan Orang Asing").contains("Kota Tual")
						.contains("Orang asing berada di wilayah (akhir bulan) " + present)
						.contains("Peringatan ditutup menurut status dan hasil")
						.contains("Ditutup / Izin tinggal diurus/dipulihkan " + regularised)
						.doesNotContain("REGULARISED").doesNotContain("FIELD_CHECK");
			}
		});
		assertThat(lastAudit("RECAP_DOWNLOADED")).contains(month.toString());

		// an ohoi's recap is its own village's
		WebSession ohoi = WebSession.loggedIn(port, "ohoi.fiditan");
		long fiditan = recaps.presentAt(Scope.of(FIDITAN), TestClock.today()).size();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
				ohoi.getBytes("/rekap/unduh?format=xlsx&month=" + month).body()))) {
			assertThat(workbook.getSheet("Ringkasan").getRow(2).getCell(1).getNumericCellValue()).isEqualTo(fiditan);
			assertThat(workbook.getSheet("Ringkasan").getRow(0).getCell(0).getStringCellValue()).contains("Fiditan");
		}
	}

	@Test
	void theDemoDataIsPresentAtTheEndOfTheLastCompleteMonthAndTheMonthBeforeByItsResidenceDates() {
		// the demo persons were all typed in today, but most have lived in their villages for years
		YearMonth last = TestClock.thisMonth().minusMonths(1);
		MonthlyRecap.Recap recap = recaps.of(Scope.of("81.72"), "Kota Tual", last);
		assertThat(recap.present()).isPositive();
		assertThat(recap.presentBefore()).isPositive();
		assertThat(recap.present()).isEqualTo(recaps.presentAt(Scope.of("81.72"), last.atEndOfMonth()).size());
		assertThat(Math.abs(recap.presentChange())).as("a month's change, not the whole registry")
				.isLessThan(recap.present() / 2);
	}

	private long insertAlert(String rule, String severity, String status, String region, String subject,
			String outcome) {
		boolean closed = "CLOSED".equals(status);
		return jdbc.sql("""
				insert into alert (rule, severity, subject_type, subject_key, region_code, facts_key, summary_args,
				  evidence, status, opened_at, last_seen_at, closed_at, outcome, version)
				values (:rule, :severity, 'VILLAGE', :subject, :region, :facts, '[]', '[]', :status, :now, :now,
				  case when :closed then cast(:now as timestamptz) end, :outcome, 0)
				returning id""").param("rule", rule).param("severity", severity).param("subject", subject)
				.param("region", region).param("facts", TAG + "-" + rule).param("status", status)
				.param("closed", closed).param("outcome", outcome, java.sql.Types.VARCHAR).param("now", now())
				.query(Long.class).single();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/** A count with {@code :monthStart} and {@code :monthEnd} bound to the month's bounds in Maluku. */
	private long count(String sql, YearMonth month) {
		return jdbc.sql(sql).param("monthStart", startOf(month)).param("monthEnd", startOf(month.plusMonths(1)))
				.query(Long.class).single();
	}

	private static java.sql.Timestamp startOf(YearMonth month) {
		return java.sql.Timestamp.from(month.atDay(1).atStartOfDay(DisplayTime.ZONE).toInstant());
	}

	private static java.sql.Timestamp now() {
		return java.sql.Timestamp.from(TestClock.now());
	}

	private String lastAudit(String action) {
		return jdbc.sql("select details from audit_event where action = :a order by id desc limit 1")
				.param("a", action).query(String.class).single();
	}

	private static long value(String page, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[\\s\\S]*?class=\"display-6 dash-value\">(\\d+)<").matcher(page);
		assertThat(m.find()).as("figure " + id).isTrue();
		return Long.parseLong(m.group(1));
	}

	private static long listCount(WebSession session, String path) {
		Matcher m = Pattern.compile("id=\"result-count\">(\\d+) orang<").matcher(session.get(path).body());
		assertThat(m.find()).as("count on " + path).isTrue();
		return Long.parseLong(m.group(1));
	}
}
