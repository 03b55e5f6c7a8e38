package id.pantau.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import id.pantau.Browser;
import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard and the map in Chromium, as Kesbangpol (the whole city) and as the ohoi of Fiditan (its village
 * only): charts drawn, markers placed on a plain background with no tile requested, no console error (no CSP
 * violation), and the ohoi's figures cover Fiditan alone, drawn as plain bars without the chart library.
 */
@PantauIntegrationTest
class DashboardBrowserTests {

	@RegisterExtension
	static final Browser chromium = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private ChromeDriver browser;

	@BeforeEach
	void useBrowser() {
		browser = chromium.driver();
		Browser.consoleErrors(browser);
	}

	@Test
	void kesbangpolSeesTheCityOnChartsAndOnTheMapAndAChartClickOpensTheList() {
		chromium.logIn(port, "kesbangpol", WebSession.DEMO_PASSWORD);
		chromium.waiting().until(d -> d.findElements(By.id("dashboard")).size() == 1);
		chromium.waiting().until(d -> "true".equals(
				d.findElement(By.cssSelector("[data-chart-table='table-category']")).getAttribute("data-chart-ready")));
		long present = count("select count(*) from person where status = 'PRESENT'");
		assertThat(browser.findElement(By.cssSelector("#fig-present .dash-value")).getText())
				.isEqualTo(String.valueOf(present));
		assertThat(browser.findElements(By.cssSelector("#table-crossings tbody tr"))).hasSize(12);
		Browser.screenshot(browser, "dashboard-kesbangpol");
		assertNoConsoleErrors();

		chromium.click(browser.findElement(By.cssSelector("#table-category tbody tr a")));
		chromium.waiting().until(d -> d.getCurrentUrl().contains("/orang-asing?status=PRESENT&category="));

		browser.get("http://localhost:" + port + "/peta");
		WebElement map = browser.findElement(By.id("village-map"));
		chromium.waiting().until(d -> map.getAttribute("data-markers") != null);
		long villages = count("""
				select count(*) from region r left join island i on i.code = r.island_code
				where r.level = 'VILLAGE' and coalesce(r.lat, i.lat) is not null""");
		assertThat(Long.parseLong(map.getAttribute("data-markers"))).isEqualTo(villages).isPositive();
		assertThat(map.getAttribute("data-present-total")).isEqualTo(String.valueOf(count(
				"select count(*) from person where status = 'PRESENT' and region_code is not null")));
		assertThat(browser.findElements(By.cssSelector("#village-map .leaflet-tile"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("#village-map path.leaflet-interactive"))).hasSize((int) villages);
		Browser.screenshot(browser, "map-kesbangpol");
		assertNoConsoleErrors();
	}

	@Test
	void theOhoiOfFiditanSeesOnlyItsVillagesFiguresOnTheDashboardAndTheMap() {
		chromium.logIn(port, "ohoi.fiditan", WebSession.DEMO_PASSWORD);
		chromium.waiting().until(d -> d.findElements(By.id("dashboard")).size() == 1);
		long fiditan = count("select count(*) from person where status = 'PRESENT' and region_code = '"
				+ DashboardIntegrationTests.FIDITAN + "'");
		assertThat(browser.findElement(By.cssSelector("#fig-present .dash-value")).getText())
				.isEqualTo(String.valueOf(fiditan));
		// its figures are plain bars drawn by the server, one per category present in Fiditan, with no chart library
		long categories = count("select count(distinct category) from person where status = 'PRESENT' and region_code = '"
				+ DashboardIntegrationTests.FIDITAN + "'");
		List<WebElement> bars = browser.findElements(By.cssSelector("#bars-category li svg.bar"));
		assertThat(bars).hasSize((int) categories);
		assertThat(browser.findElements(By.id("table-crossings"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("script[src*='echarts']"))).isEmpty();
		Browser.screenshot(browser, "dashboard-ohoi");
		assertNoConsoleErrors();

		browser.get("http://localhost:" + port + "/peta");
		WebElement map = browser.findElement(By.id("village-map"));
		chromium.waiting().until(d -> map.getAttribute("data-markers") != null);
		assertThat(map.getAttribute("data-markers")).isEqualTo("1");
		assertThat(map.getAttribute("data-present-total")).isEqualTo(String.valueOf(fiditan));
		assertThat(browser.findElements(By.cssSelector("#map-villages tbody tr"))).hasSize(1);
		chromium.click(browser.findElement(By.cssSelector("#village-map path.leaflet-interactive")));
		chromium.waiting().until(d -> !d.findElements(By.cssSelector(".leaflet-popup-content a")).isEmpty());
		assertThat(browser.findElement(By.cssSelector(".leaflet-popup-content a")).getAttribute("href"))
				.endsWith("/orang-asing?status=PRESENT&region=" + DashboardIntegrationTests.FIDITAN);
		assertNoConsoleErrors();
	}

	private void assertNoConsoleErrors() {
		assertThat(Browser.consoleErrors(browser)).isEmpty();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
