package id.pantau.followup;

import static id.pantau.followup.FollowUpData.FIDITAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.Browser;
import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
