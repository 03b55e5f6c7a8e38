package id.pantau.followup;

import static id.pantau.followup.FollowUpData.FIDITAN;
import static id.pantau.followup.FollowUpData.TAAR;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.Browser;
import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An alert followed up in Chromium: Kesbangpol finds it in the list, records a field check and closes it; the village
 * then sees the outcome on its report, loaded by htmx. No console error may appear (no inline script under the CSP).
 */
@PantauIntegrationTest
class FollowUpBrowserTests {

	@RegisterExtension
	static final Browser chromium = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void kesbangpolFollowsUpAnAlertAndTheVillageSeesTheOutcomeOnItsReport() {
		FollowUpData data = new FollowUpData(jdbc);
		String rule = FollowUpData.rule();
		long person = data.person("THAN HTIKE", FIDITAN);
		long report = data.report(FIDITAN, person);
		long alert = data.alert(rule, "HIGH", FIDITAN, person, 12, "THAN HTIKE", "12");
		ChromeDriver browser = chromium.driver();
		Browser.consoleErrors(browser);

		chromium.logIn(port, "kesbangpol", WebSession.DEMO_PASSWORD);
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("home-heading")));
		browser.get(url("/peringatan"));
		new Select(browser.findElement(By.id("rule"))).selectByValue(rule);
		chromium.click(browser.findElement(By.id("filter-submit")));
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-row-" + alert)));
		chromium.click(browser.findElement(By.cssSelector("#alert-row-" + alert + " a")));
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-evidence")));
		assertThat(browser.findElement(By.id("alert-summary")).getText()).contains("THAN HTIKE");

		new Select(browser.findElement(By.id("kind"))).selectByValue("FIELD_CHECK");
		browser.findElement(By.id("note")).sendKeys("Ditemui di rumah kepala ohoi, paspor ada");
		chromium.click(browser.findElement(By.id("action-submit")));
		chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-history"),
				"Ditemui di rumah kepala ohoi"));
		new Select(browser.findElement(By.id("outcome"))).selectByValue("RESOLVED_COMPLIANT");
		chromium.click(browser.findElement(By.id("close-submit")));
		chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-status"), "Ditutup"));
		assertThat(Browser.consoleErrors(browser)).isEmpty();

		browser.manage().deleteAllCookies();
		chromium.logIn(port, "ohoi.fiditan", WebSession.DEMO_PASSWORD);
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("home-heading")));
		browser.get(url("/laporan/" + report));
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-outcomes")));
		assertThat(browser.findElement(By.id("report-outcomes")).getText()).contains("Selesai: patuh")
				.doesNotContain("Ditemui di rumah kepala ohoi");
		Browser.screenshot(browser, "followup-village-outcome");
		assertThat(Browser.consoleErrors(browser)).isEmpty();
	}

	@Test
	void imigrasiFindsAPersonsAlertsInTheAgendaPickerByTypingAndTakesAWholeRuleGroup() {
		FollowUpData data = new FollowUpData(jdbc);
		String overstay = FollowUpData.rule();
		String noPermit = FollowUpData.rule();
		long nguyen = data.person("NGUYỄN VĂN PICKER", TAAR);
		long anan = data.person("ANAN PICKER", FIDITAN);
		long nguyenLate = data.alert(overstay, "HIGH", TAAR, nguyen, 5, "NGUYỄN");
		long nguyenNoPermit = data.alert(noPermit, "MEDIUM", TAAR, nguyen, 3, "NGUYỄN");
		long ananLate = data.alert(overstay, "LOW", FIDITAN, anan, 2, "ANAN");
		ChromeDriver browser = chromium.driver();
		Browser.consoleErrors(browser);

		chromium.logIn(port, "imigrasi", WebSession.DEMO_PASSWORD);
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("home-heading")));
		WebSession imigrasi = WebSession.loggedIn(port, "imigrasi");
		long meeting = Long.parseLong(WebSession.location(imigrasi.post("/timpora",
				Map.of("heldAt", "2026-02-14T09:00", "place", "Kantor Imigrasi Tual"))).replaceAll(".*/timpora/", ""));
		browser.get(url("/timpora/" + meeting));
		WebElement search = chromium.waiting()
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("agenda-search")));
		Browser.screenshot(browser, "agenda-picker");

		search.sendKeys("nguyen van picker");
		chromium.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("pick-row-" + ananLate)));
		assertThat(browser.findElement(By.id("pick-row-" + nguyenLate)).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("pick-row-" + nguyenNoPermit)).isDisplayed()).isTrue();
		assertThat(visibleRows(browser)).as("only Nguyễn's two alerts, found without diacritics").hasSize(2);
		assertThat(browser.findElement(By.cssSelector("#group-" + overstay + " .agenda-group-count")).getText())
				.isEqualTo("1 dari 2 peringatan");
		Browser.screenshot(browser, "agenda-picker-search");
		chromium.click(browser.findElement(By.cssSelector("#pick-row-" + nguyenLate + " [data-pick-case]")));
		assertThat(browser.findElement(By.id("pick-" + nguyenLate)).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("pick-" + nguyenNoPermit)).isSelected()).as("the whole case").isTrue();
		assertThat(browser.findElement(By.id("agenda-selected")).getText()).isEqualTo("2 dipilih");

		search.clear();
		search.sendKeys("zzz tidak ada");
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("agenda-no-match")));
		search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		search.sendKeys(overstay.toLowerCase());
		chromium.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("pick-row-" + nguyenNoPermit)));
		chromium.click(browser.findElement(By.id("all-" + overstay)));
		assertThat(browser.findElement(By.id("pick-" + ananLate)).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("agenda-selected")).getText()).isEqualTo("3 dipilih");
		search.sendKeys(Keys.ENTER);
		assertThat(browser.findElement(By.id("agenda-search")).getDomProperty("value"))
				.as("Enter in the search box does not submit (a submit would reload the page)")
				.isEqualTo(overstay.toLowerCase());
		assertThat(browser.findElements(By.id("item-" + ananLate))).isEmpty();
		chromium.click(browser.findElement(By.id("agenda-submit")));

		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-" + ananLate)));
		assertThat(browser.findElements(By.id("item-" + nguyenLate))).hasSize(1);
		assertThat(browser.findElements(By.id("item-" + nguyenNoPermit))).hasSize(1);
		assertThat(browser.findElements(By.id("pick-" + ananLate))).as("not offered again").isEmpty();
		assertThat(Browser.consoleErrors(browser)).isEmpty();
	}

	private static List<WebElement> visibleRows(ChromeDriver browser) {
		return browser.findElements(By.cssSelector("#agenda-form .agenda-row")).stream().filter(WebElement::isDisplayed)
				.toList();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
