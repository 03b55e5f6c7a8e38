package id.pantau.reports;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import id.pantau.Browser;
import id.pantau.DevToolsTargets;
import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The village report in Chromium: the chain from the ohoi through BPMPD to Kesbangpol, and a report written without a
 * connection that waits in the phone's outbox and arrives once when the connection is back.
 * <p>
 * The test that works on the service worker through DevTools runs last: after it, Chromium took about a second to
 * hand each page to the service worker (seen as {@code workerStart} in the navigation timing), which made the chain
 * test four times slower when it ran afterwards.
 */
@PantauIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportBrowserTests {

	private static final String FIDITAN = "81.72.01.2001";

	/** How long the outbox may take to send once online: it tries at once, then every 30 seconds. */
	private static final Duration ARRIVAL = Duration.ofSeconds(40);

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
	void aReportGoesFromTheVillageThroughBpmpdBackAndForthToKesbangpolAndTheVillageSeesTheOutcome() {
		logIn("ohoi.fiditan");
		browser.get(url("/laporan"));
		click(By.id("report-new"));
		type("namesAsHeard", "Zaw Min Htet, dipanggil Pak Zaw");
		type("nationalityText", "Myanmar");
		new Select(browser.findElement(By.id("sex"))).selectByValue("M");
		type("stayingAt", "Rumah Bapak Raja, RT 03");
		type("activity", "nelayan di kapal kayu");
		click(By.id("report-submit"));
		assertState("Dikirim ke BPMPD");
		String number = browser.findElement(By.id("report-number")).getText();
		String reportUrl = browser.getCurrentUrl();
		assertThat(number).startsWith("LAP-8172012001-");
		assertNoConsoleErrors();

		switchTo("bpmpd");
		browser.get(url("/laporan?status=SUBMITTED"));
		click(By.linkText(number));
		type("reason", "Sejak kapan berada di desa belum diisi");
		click(By.id("report-return"));
		assertState("Dikembalikan ke desa");
		assertNoConsoleErrors();

		switchTo("ohoi.fiditan");
		browser.get(reportUrl);
		assertThat(browser.findElement(By.id("return-reason")).getText())
				.contains("Sejak kapan berada di desa belum diisi");
		click(By.id("report-edit"));
		wait(browser).until(ExpectedConditions.urlContains("/ubah"));
		assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("return-reason"))).getText())
				.as("the reason is shown while editing").contains("belum diisi");
		type("presentSince", "Maret 2019");
		click(By.id("report-submit"));
		assertState("Dikirim ke BPMPD");
		assertNoConsoleErrors();

		switchTo("bpmpd");
		browser.get(reportUrl);
		click(By.id("report-forward"));
		assertState("Diteruskan ke Kesbangpol");
		assertNoConsoleErrors();

		switchTo("kesbangpol");
		browser.get(url("/laporan?status=FORWARDED"));
		click(By.linkText(number));
		new Select(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome"))))
				.selectByValue("NOT_A_FOREIGNER");
		assertThat(browser.findElement(By.id("personId")).isDisplayed()).as("no person to name").isFalse();
		assertThat(browser.findElement(By.id("category")).isDisplayed()).as("no person to register").isFalse();
		browser.findElement(By.cssSelector("#validation-form input[name='view.IMIGRASI']"))
				.sendKeys("Tercatat WNI, KTP Kota Tual");
		click(By.id("report-validate"));
		assertState("Ditolak");
		assertNoConsoleErrors();

		switchTo("ohoi.fiditan");
		browser.get(reportUrl);
		assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("report-outcome"))).getText())
				.isEqualTo("Bukan orang asing");
		assertThat(browser.findElements(By.id("agency-views"))).as("the agencies' views are theirs").isEmpty();
		assertThat(browser.getPageSource()).doesNotContain("Tercatat WNI, KTP Kota Tual");
		assertThat(browser.findElement(By.id("report-history")).getText()).contains("Dikembalikan ke desa")
				.contains("Sejak kapan berada di desa belum diisi");
		assertNoConsoleErrors();
		Browser.screenshot(browser, "report-outcome");
	}

	@Test
	void aReportWrittenOfflineWaitsOnThePhoneAndArrivesOnceWhenTheConnectionIsBack() {
		String name = "Nguyen Van Offline";
		logIn("ohoi.fiditan");
		openFormUnderServiceWorker();
		String firstKey = clientKey();

		pageOffline(true);
		assertThat(onLine()).as("navigator.onLine under DevTools emulation").isFalse();
		type("namesAsHeard", name);
		type("nationalityText", "Vietnam");
		browser.findElement(By.id("photo")).sendKeys(photo().toString());
		click(By.id("report-submit"));

		WebElement status = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("outbox-status")));
		wait(browser).until(ExpectedConditions.textToBePresentInElement(status, "1 laporan menunggu dikirim"));
		assertThat(status.getText()).contains("tidak tersambung").contains(name);
		assertThat(browser.findElement(By.id("namesAsHeard")).getAttribute("value")).as("an empty form").isEmpty();
		assertThat(clientKey()).as("a new key for the next report").isNotEqualTo(firstKey).isNotBlank();
		assertThat(reports(name)).as("nothing reached the server").isZero();

		pageOffline(false);
		assertThat(onLine()).isTrue();
		new WebDriverWait(browser, ARRIVAL).until(driver -> reports(name) == 1);
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("outbox-status"),
				"Semua laporan sudah terkirim"));
		assertThat(browser.findElement(By.id("outbox-status")).getText()).doesNotContain("menunggu");
		Map<String, Object> report = jdbc.sql("""
				select village_code, state, client_key::text as client_key, photo_id is not null as has_photo,
				       created_by from village_report where names_as_heard = :name""").param("name", name).query()
				.singleRow();
		assertThat(report).containsEntry("village_code", FIDITAN).containsEntry("state", "SUBMITTED")
				.containsEntry("client_key", firstKey).containsEntry("has_photo", true)
				.containsEntry("created_by", "ohoi.fiditan");
		assertThat(reports(name)).as("sent once").isEqualTo(1);
		assertNoConsoleErrors();
		Browser.screenshot(browser, "report-outbox-sent");
	}

	/**
	 * The service worker's own path: the network fails under a normal post while the page believes it is online. Also
	 * the form kept for offline use: forgotten at login, kept again once the list shows the link to it.
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	void aSubmissionWhoseNetworkFailsOnTheWayIsKeptByTheServiceWorkerListedAndSentLater() {
		String name = "Somchai Jaringan Putus";
		logIn("ohoi.fiditan");
		wait(browser).until(driver -> !formKept());
		browser.get(url("/laporan"));
		wait(browser).until(driver -> formKept());
		openFormUnderServiceWorker();

		try (DevToolsTargets devTools = DevToolsTargets.of(browser)) {
			assertThat(devTools.failRequests("service_worker", "*/laporan/baru*", null)).as("service workers")
					.isPositive();
			assertThat(devTools.failRequests("page", "*/laporan/baru*", "Fetch")).as("the outbox's own sending")
					.isPositive();
			assertThat(onLine()).as("the page believes it is online and posts the form").isTrue();
			type("namesAsHeard", name);
			click(By.id("report-save"));

			wait(browser).until(ExpectedConditions.urlContains("/laporan/baru?queue=1"));
			wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("outbox-status"),
					"1 laporan menunggu dikirim"));
			assertThat(browser.findElement(By.id("outbox-status")).getText()).contains("tidak tersambung")
					.contains(name);
			assertThat(browser.findElement(By.id("namesAsHeard")).getAttribute("value")).isEmpty();
			assertThat(reports(name)).isZero();

			browser.get(url("/laporan"));
			wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("outbox-status"),
					"1 laporan menunggu dikirim"));
			assertThat(Browser.texts(browser, "#outbox-list .outbox-name")).as("listed once").containsExactly(name);
			assertThat(Browser.texts(browser, "#outbox-list .outbox-why")).singleElement(as(STRING))
					.as("why it waits and when it was tried").contains("menunggu sambungan internet")
					.contains("terakhir dicoba");

			devTools.stopFailingRequests();
			assertThat(Browser.consoleErrors(browser)).as("only the failures made on purpose")
					.allMatch(error -> error.contains("/laporan/baru - Failed to load resource: net::ERR_INTERNET_DISCONNECTED"));
			browser.navigate().refresh();
			new WebDriverWait(browser, ARRIVAL).until(driver -> reports(name) == 1);
			wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("outbox-status"),
					"Semua laporan sudah terkirim"));
			assertThat(jdbc.sql("select state from village_report where names_as_heard = :name").param("name", name)
					.query(String.class).single()).as("saved as a draft, the button pressed").isEqualTo("DRAFT");
			assertNoConsoleErrors();

			assertThat(devTools.offline("service_worker", true)).isPositive();
			pageOffline(true);
			browser.get(url("/laporan/baru"));
			assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("namesAsHeard")))
					.getAttribute("value")).as("the kept form, empty").isEmpty();
			assertThat(clientKey()).isNotBlank();
			assertThat(browser.findElement(By.id("report-submit")).getCssValue("background-color"))
					.as("Bootstrap from the cache").isEqualTo("rgba(13, 110, 253, 1)");
			browser.get(url("/laporan/1"));
			assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("offline-heading")))
					.getText()).isEqualTo("Anda sedang tidak tersambung");
			assertThat(browser.findElement(By.id("offline-new-report")).getCssValue("background-color"))
					.isEqualTo("rgba(13, 110, 253, 1)");
			assertNoConsoleErrors();
			Browser.screenshot(browser, "report-offline-page");
		}
		finally {
			pageOffline(false);
		}
		assertThat(reports(name)).isEqualTo(1);
	}

	/**
	 * Opens the empty form under the service worker's control, so that the worker keeps it: the first visit installs
	 * the worker, which takes over the open page; the form is loaded once more through it.
	 */
	private void openFormUnderServiceWorker() {
		browser.get(url("/laporan/baru"));
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> Boolean.TRUE.equals(browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				navigator.serviceWorker.ready.then(function () { done(true); }, function () { done(false); });""")));
		if (!controlled()) {
			browser.navigate().refresh();
		}
		wait(browser).until(driver -> controlled());
		browser.navigate().refresh();
		wait(browser).until(driver -> formKept());
	}

	/** The service worker keeps a copy of the empty form. */
	private boolean formKept() {
		return Boolean.TRUE.equals(browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				caches.match('/laporan/baru').then(function (r) { done(!!r); }, function () { done(false); });"""));
	}

	private boolean controlled() {
		return Boolean.TRUE.equals(browser.executeScript("return navigator.serviceWorker.controller !== null"));
	}

	private void pageOffline(boolean offline) {
		browser.executeCdpCommand("Network.enable", Map.of());
		browser.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
		if (!offline) {
			browser.executeCdpCommand("Network.disable", Map.of());
		}
		wait(browser).until(driver -> onLine() != offline);
	}

	private boolean onLine() {
		return Boolean.TRUE.equals(browser.executeScript("return navigator.onLine"));
	}

	private String clientKey() {
		return browser.findElement(By.cssSelector("#report-form input[name='clientKey']")).getAttribute("value");
	}

	private int reports(String name) {
		return jdbc.sql("select count(*) from village_report where names_as_heard = :name and village_code = :village")
				.param("name", name).param("village", FIDITAN).query(Integer.class).single();
	}

	private static Path photo() {
		return Path.of("src/main/resources/static/img/pantau-192.png").toAbsolutePath();
	}

	private void type(String id, String text) {
		WebElement field = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
		field.clear();
		field.sendKeys(text);
	}

	private void click(By locator) {
		chromium.click(wait(browser).until(ExpectedConditions.presenceOfElementLocated(locator)));
	}

	private void assertState(String state) {
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-state"), state));
	}

	private void assertNoConsoleErrors() {
		assertThat(Browser.consoleErrors(browser)).as("no script error or CSP violation").isEmpty();
	}

	private void switchTo(String username) {
		browser.manage().deleteAllCookies();
		logIn(username);
	}

	private void logIn(String username) {
		chromium.logIn(port, username, WebSession.DEMO_PASSWORD);
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-heading")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static WebDriverWait wait(ChromeDriver driver) {
		return chromium.waiting();
	}
}
