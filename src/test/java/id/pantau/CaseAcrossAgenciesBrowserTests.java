package id.pantau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person's case walked across the agencies in Chromium: the village reports from a phone, BPMPD forwards, Polres
 * and Lanal give their views from their own accounts, Kesbangpol finds the person by the passport number and
 * concludes "possible violation", Immigration opens the case from its notification and decides, the village sees the
 * outcome, and the person's timeline shows each step. Polres, on the same case, is offered none of Immigration's
 * measures.
 */
@PantauIntegrationTest
class CaseAcrossAgenciesBrowserTests {

	private static final String FIDITAN = "81.72.01.2001";

	@RegisterExtension
	static final Browser chromium = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVillageReportBecomesImmigrationsCaseAndEveryStepIsOnThePersonsTimeline() {
		String tag = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L));
		String passport = "C" + tag;
		long person = knownPerson(tag, passport);
		ChromeDriver browser = chromium.driver();
		Browser.consoleErrors(browser);

		as("ohoi.fiditan", new Dimension(360, 740));
		browser.get(url("/laporan/baru"));
		type("namesAsHeard", "Nguyễn Văn Hùng, dipanggil Hung");
		type("nationalityText", "Vietnam");
		type("ageOrBirth", "1988");
		type("documentNumbers", "paspor " + passport);
		type("stayingAt", "Rumah Bapak Rahanra, RT 03");
		type("activity", "Membantu di perahu nelayan");
		type("employerOrVessel", "Eks ABK KM Hai Phong 07");
		type("presentSince", "2023");
		chromium.click(browser.findElement(By.id("report-submit")));
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-number")));
		String number = browser.findElement(By.id("report-number")).getText();
		long report = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/laporan/(\\d+).*", "$1"));
		Browser.screenshot(browser, "case-1-village-sent");

		as("bpmpd", new Dimension(1280, 900));
		browser.get(url("/laporan/" + report));
		chromium.click(browser.findElement(By.id("report-forward")));
		chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-state"), "Diteruskan"));

		giveView("timpora.polres", report, "Tidak ada catatan kriminal; pernah diperiksa saat razia pelabuhan 2024.");
		giveView("timpora.lanal", report, "Eks ABK KM Hai Phong 07; kapal ditahan di Tual sejak 2023.");

		as("kesbangpol", new Dimension(1280, 900));
		browser.get(url("/laporan/" + report));
		assertThat(browser.findElement(By.id("views-spoken")).getText()).contains("2 dari 8");
		assertThat(browser.findElement(By.id("agency-views")).getText()).contains("dari akun timpora.polres")
				.contains("dari akun timpora.lanal");
		assertThat(browser.findElements(By.name("view.POLRES"))).as("Polres has spoken itself").isEmpty();
		new Select(browser.findElement(By.id("outcome"))).selectByValue("POSSIBLE_VIOLATION");
		type("person-search", passport);
		chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#person-search-results [data-pick-person='" + person + "']")));
		chromium.click(browser.findElement(By.cssSelector("#person-search-results [data-pick-person='" + person + "']")));
		assertThat(browser.findElement(By.id("personId")).getAttribute("value")).isEqualTo(Long.toString(person));
		assertThat(browser.findElement(By.id("person-picked")).getText()).contains("NGUYEN VAN HUNG");
		type("view-IMIGRASI", "Tidak ada catatan masuk atas paspor ini di TPI Tual.");
		type("decisionNote", "Diduga tinggal tanpa izin; diserahkan ke Imigrasi untuk diperiksa.");
		Browser.screenshot(browser, "case-2-kesbangpol-concludes");
		chromium.click(browser.findElement(By.id("report-validate")));
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-outcome")));
		assertThat(browser.findElement(By.id("report-outcome")).getText()).contains("Dugaan pelanggaran");

		long alert = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select id from alert where rule = 'REPORTED_VIOLATION' and person_id = :p""").param("p", person)
				.query(Long.class).optional(), java.util.Optional::isPresent).get();

		as("imigrasi", new Dimension(1280, 900));
		browser.get(url("/notifikasi"));
		WebElement notice = chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//a[contains(., '" + number + "')]")));
		chromium.click(notice);
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-summary")));
		assertThat(browser.getCurrentUrl()).endsWith("/peringatan/" + alert);
		assertThat(browser.findElement(By.id("alert-person")).getText()).contains("NGUYEN VAN HUNG");
		new Select(browser.findElement(By.id("kind"))).selectByValue("SUMMONS");
		type("note", "Dipanggil ke Kantor Imigrasi Tual, 7 Desember.");
		chromium.click(browser.findElement(By.id("action-submit")));
		chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-history"),
				"Dipanggil ke Kantor Imigrasi Tual"));

		as("timpora.polres", new Dimension(1280, 900));
		browser.get(url("/peringatan/" + alert));
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-summary")));
		List<String> offered = browser.findElements(By.cssSelector("#kind option")).stream()
				.map(o -> o.getAttribute("value")).toList();
		assertThat(offered).as("Polres records its own steps, never Immigration's measures").contains("FIELD_CHECK")
				.doesNotContain("DEPORTATION", "DETENTION", "ENTRY_BAN", "OVERSTAY_CHARGE", "REGULARISATION");
		assertThat(browser.findElements(By.id("close-form"))).isEmpty();

		as("imigrasi", new Dimension(1280, 900));
		browser.get(url("/peringatan/" + alert));
		new Select(browser.findElement(By.id("outcome"))).selectByValue("ADMINISTRATIVE_ACTION");
		type("close-note", "Dikenai tindakan administratif keimigrasian.");
		chromium.click(browser.findElement(By.id("close-submit")));
		chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-status"), "Ditutup"));
		assertThat(jdbc.sql("select count(*) from notification where username = 'kesbangpol' and link = :l")
				.param("l", "/peringatan/" + alert).query(Long.class).single()).as("Kesbangpol hears the decision")
				.isPositive();

		browser.get(url("/orang-asing/" + person));
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline-entries")));
		String timeline = browser.findElement(By.id("timeline-entries")).getText();
		assertThat(timeline).contains("Laporan " + number + " dari Fiditan: Dikirim ke BPMPD")
				.contains("Diteruskan").contains("hasil: Dugaan pelanggaran")
				.contains("Pandangan Kepolisian (Polres/Polda) atas laporan " + number + " disampaikan dari akun timpora.polres")
				.contains("Pandangan Kantor Imigrasi atas laporan " + number + " dicatat kesbangpol dari rapat atau surat")
				.contains("diserahkan ke Kantor Imigrasi").contains("Tindak lanjut Pemanggilan")
				.contains("hasil: Tindakan administratif keimigrasian (oleh imigrasi)")
				.doesNotContain("Tidak ada catatan kriminal");
		Browser.screenshot(browser, "case-3-timeline-immigration");

		as("ohoi.fiditan", new Dimension(360, 740));
		browser.get(url("/laporan/" + report));
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-outcomes")));
		String seen = browser.findElement(By.tagName("main")).getText();
		assertThat(seen).contains("Diduga tinggal tanpa izin").contains("Selesai")
				.doesNotContain("Tidak ada catatan kriminal").doesNotContain("Tidak ada catatan masuk atas paspor")
				.doesNotContain("Meja validasi");
		Browser.screenshot(browser, "case-4-village-outcome");
		assertThat(Browser.consoleErrors(browser)).isEmpty();
	}

	private long knownPerson(String tag, String passport) {
		WebSession city = WebSession.loggedIn(port, "imigrasi");
		HttpResponse<String> created = city.json("POST", "/api/v1/persons", """
				{"primaryName": "NGUYEN VAN HUNG", "sex": "M", "nationality": "VNM", "category": "EX_CREW",
				 "documentType": "PASSPORT", "documentNumber": "%s", "documentIssuingState": "VNM",
				 "villageCode": "%s", "residentSince": "%s"}""".formatted(passport, FIDITAN,
				TestClock.today().minusYears(3)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonMapper.builder().build().readTree(created.body()).get("id").asLong();
	}

	private void giveView(String member, long report, String view) {
		ChromeDriver browser = chromium.driver();
		as(member, new Dimension(1280, 900));
		chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#awaiting-view a[href$='/laporan/" + report + "']")));
		chromium.click(browser.findElement(By.cssSelector("#awaiting-view a[href$='/laporan/" + report + "']")));
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("own-view")));
		type("own-view", view);
		chromium.click(browser.findElement(By.id("own-view-save")));
		chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("agency-views"), view));
	}

	private void as(String username, Dimension size) {
		ChromeDriver browser = chromium.driver();
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(size);
		chromium.logIn(port, username, WebSession.DEMO_PASSWORD);
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("home-heading")));
	}

	private void type(String id, String text) {
		WebElement field = chromium.driver().findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
