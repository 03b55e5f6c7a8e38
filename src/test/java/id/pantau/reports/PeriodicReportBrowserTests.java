package id.pantau.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import id.pantau.Browser;
import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly report in Chromium: the village is refused for a count with nihil and keeps what it typed, sends,
 * corrects with a reason; BPMPD sees the correction and closes the month after confirming; the village sees it closed.
 */
@PantauIntegrationTest
class PeriodicReportBrowserTests {

	private static final String FIDITAN = "81.72.01.2001";

	@RegisterExtension
	static final Browser chromium = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private ChromeDriver browser;

	@Test
	void theVillageSendsAndCorrectsAMonthlyReportAndBpmpdSeesTheCorrectionAndClosesTheMonth() {
		browser = chromium.driver();
		Browser.consoleErrors(browser);
		YearMonth month = TestClock.thisMonth().minusMonths(4);
		clear(month);
		try {
			logIn("ohoi.fiditan");
			browser.get(url("/laporan/bulanan"));
			new Select(browser.findElement(By.id("month"))).selectByValue(month.toString());
			type("foreigners", "2");
			click(By.id("nil"));
			type("note", "Dua pemancing dari Timor-Leste di Fiditan");
			click(By.id("periodic-submit"));
			assertThat(visible(By.id("foreigners-error")).getText()).contains("Nihil berarti tidak ada orang asing");
			assertThat(browser.findElement(By.id("foreigners")).getAttribute("value")).isEqualTo("2");
			assertThat(new Select(browser.findElement(By.id("month"))).getFirstSelectedOption().getAttribute("value"))
					.isEqualTo(month.toString());
			click(By.id("nil"));
			click(By.id("periodic-submit"));
			assertThat(visible(By.id("periodic-" + month)).getText()).contains("2 orang asing");

			click(By.id("correct-" + month));
			type("c-foreigners-" + month, "3");
			type("c-reason-" + month, "Satu pemancing Timor-Leste lagi tiba tanggal 30");
			click(By.id("correct-submit-" + month));
			assertThat(visible(By.id("periodic-" + month)).getText()).contains("3 orang asing")
					.contains("koreksi (versi 2)").contains("Alasan: Satu pemancing Timor-Leste lagi tiba");
			assertThat(Browser.consoleErrors(browser)).as("no script error or CSP violation").isEmpty();

			switchTo("bpmpd");
			browser.get(url("/laporan/kelengkapan"));
			assertThat(visible(By.id("corrections")).getText()).contains("Fiditan")
					.contains("Kini 3 orang asing; sebelumnya 2 orang asing")
					.contains("Satu pemancing Timor-Leste lagi tiba");
			click(By.id("close-" + month));
			chromium.waiting().until(ExpectedConditions.alertIsPresent()).accept();
			assertThat(visible(By.cssSelector("#month-closings [data-month='" + month + "'] .month-closed")).getText())
					.contains("ditutup oleh bpmpd");
			assertThat(Browser.consoleErrors(browser)).isEmpty();

			switchTo("ohoi.fiditan");
			browser.get(url("/laporan/bulanan"));
			assertThat(visible(By.id("periodic-" + month)).getText()).contains("ditutup oleh bpmpd");
			assertThat(browser.findElements(By.id("correct-" + month))).as("no correction once closed").isEmpty();
		}
		finally {
			clear(month);
		}
	}

	private void clear(YearMonth month) {
		jdbc.sql("delete from periodic_report where village_code = :v and month = :m").param("v", FIDITAN)
				.param("m", month.atDay(1)).update();
		jdbc.sql("delete from periodic_month_closing where month = :m").param("m", month.atDay(1)).update();
	}

	private WebElement visible(By locator) {
		return chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	private void type(String id, String text) {
		WebElement field = visible(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private void click(By locator) {
		chromium.click(chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(locator)));
	}

	private void switchTo(String username) {
		browser.manage().deleteAllCookies();
		logIn(username);
	}

	private void logIn(String username) {
		chromium.logIn(port, username, WebSession.DEMO_PASSWORD);
		visible(By.id("home-heading"));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
