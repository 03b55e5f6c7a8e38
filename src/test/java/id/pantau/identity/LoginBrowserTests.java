package id.pantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.Browser;
import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

@PantauIntegrationTest
class LoginBrowserTests {

	@RegisterExtension
	static final Browser chromium = new Browser();

	@LocalServerPort
	int port;

	private ChromeDriver browser;

	@BeforeEach
	void useBrowser() {
		browser = chromium.driver();
	}

	@ParameterizedTest
	@CsvSource({ "ohoi.fiditan, Beranda pemerintah ohoi, Fiditan", "ohoi.taar, Beranda pemerintah ohoi, Taar",
			"bpmpd, Beranda BPMPD, Kota Tual", "kesbangpol, Beranda Kesbangpol, Kota Tual",
			"imigrasi, Beranda Imigrasi, Seluruh wilayah", "timpora.polres, Beranda TIMPORA, Kota Tual",
			"admin, Beranda administrator, Seluruh wilayah" })
	void eachDemoRoleLogsInAndSeesItsHomePage(String username, String heading, String scope) {
		logIn(username, WebSession.DEMO_PASSWORD);
		assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-heading"))).getText())
				.isEqualTo(heading);
		assertThat(browser.findElement(By.id("home-scope")).getText()).isEqualTo(scope);
		assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo(username);
		assertThat(Browser.consoleErrors(browser)).as("no script error or CSP violation").isEmpty();
		Browser.screenshot(browser, "home-" + username);

		browser.findElement(By.id("logout")).click();
		wait(browser).until(ExpectedConditions.urlContains("/login?logout"));
		assertThat(browser.getPageSource()).contains("Anda telah keluar.");
	}

	@Test
	void aWrongPasswordShowsTheErrorMessage() {
		logIn("kesbangpol", "kata-sandi-yang-salah");
		assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error"))).getText())
				.isEqualTo("Nama pengguna atau kata sandi salah.");
		assertThat(browser.getCurrentUrl()).endsWith("/login?error");
	}

	@Test
	void onAPhoneThePagesFitTheScreenAndTheMenuOpens() {
		browser.manage().window().setSize(new Dimension(360, 740));
		browser.get("http://localhost:" + port + "/login");
		assertThat(horizontalOverflow()).as("login page scrolls sideways").isLessThanOrEqualTo(0);

		logIn("ohoi.fiditan", WebSession.DEMO_PASSWORD);
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-heading")));
		assertThat(horizontalOverflow()).as("home page scrolls sideways").isLessThanOrEqualTo(0);
		Browser.screenshot(browser, "phone-home-ohoi");
		assertThat(browser.findElement(By.id("logout")).isDisplayed()).as("menu collapsed").isFalse();
		browser.findElement(By.cssSelector(".navbar-toggler")).click();
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("logout"))).click();
		wait(browser).until(ExpectedConditions.urlContains("/login?logout"));
	}

	@Test
	void englishIsOneClickAway() {
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.linkText("English")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Log in to Pantau"));
		browser.findElement(By.linkText("Bahasa Indonesia")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Masuk ke Pantau"));
	}

	private void logIn(String username, String password) {
		chromium.logIn(port, username, password);
	}

	private long horizontalOverflow() {
		return (Long) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
	}

	private static WebDriverWait wait(ChromeDriver driver) {
		return chromium.waiting();
	}
}
