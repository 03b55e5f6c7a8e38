package id.pantau.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.Browser;
import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The province-wide view in Chromium, as TIMPORA of Maluku (scope 81): the dashboard's row per regency, a regency's
 * figures opened from it, and the map framed on the province's islands with the villages of several regencies placed.
 */
@PantauIntegrationTest
@ActiveProfiles({ "test", "province" })
class ProvinceBrowserTests {

	@RegisterExtension
	static final Browser chromium = new Browser();

	@LocalServerPort
	int port;

	@Test
	void theProvinceOfficerSeesEveryRegencyOnTheDashboardAndTheProvinceOnTheMap() {
		ChromeDriver browser = chromium.driver();
		browser.manage().window().setSize(new Dimension(1280, 1400));
		chromium.logIn(port, "timpora.maluku", WebSession.DEMO_PASSWORD);
		chromium.waiting().until(d -> d.findElements(By.id("dash-regencies")).size() == 1);
		assertThat(browser.findElements(By.cssSelector("#dash-regencies tbody tr"))).hasSize(11);
		Browser.screenshot(browser, "province-dashboard");

		chromium.click(browser.findElement(By.cssSelector("#regency-81\\.71 a")));
		chromium.waiting().until(d -> d.getCurrentUrl().endsWith("/?region=81.71"));
		assertThat(browser.findElement(By.id("dash-within")).getText()).contains("Kota Ambon");
		assertThat(browser.findElement(By.id("home-scope")).getText()).as("the officer's own scope stays")
				.isEqualTo("Maluku");
		Browser.screenshot(browser, "province-regency-ambon");

		browser.get("http://localhost:" + port + "/peta");
		WebElement map = browser.findElement(By.id("village-map"));
		chromium.waiting().until(d -> map.getAttribute("data-markers") != null);
		assertThat(map.getAttribute("data-bounds")).isNotBlank();
		// Kota Tual's villages and those of Langgur, Saumlaki and Dobo sit on their islands
		assertThat(Long.parseLong(map.getAttribute("data-markers"))).isGreaterThan(31);
		Browser.screenshot(browser, "province-map");
	}
}
