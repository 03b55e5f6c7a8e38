package id.pantau.reports;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import id.pantau.Browser;
import id.pantau.PantauIntegrationTest;
import id.pantau.TestPhotos;
import id.pantau.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A village official's photo on a cheap phone (Chromium at 360 px, mobile): the camera's 12 MB picture, taken with the
 * phone held upright, is shrunk on the phone before it goes anywhere, and reaches the server small and upright, both
 * when sent at once and when it waited in the outbox without a connection. A double tap without a connection keeps the
 * report once; a picture the phone cannot open is said so, and the report stays as typed.
 */
@PantauIntegrationTest
class ReportPhotoBrowserTests {

	private static final String FIDITAN = "81.72.01.2001";

	/** What the issue allows a phone photo to cost on the way: 600 KB. */
	private static final int MOST_BYTES = 600 * 1024;

	/** How long the outbox may take to send once online: it tries at once, then every 30 seconds. */
	private static final Duration ARRIVAL = Duration.ofSeconds(40);

	@RegisterExtension
	static final Browser chromium = new Browser();

	@TempDir
	static Path folder;

	static Path cameraPhoto;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private ChromeDriver browser;

	@BeforeAll
	static void aPhoneCameraPhoto() throws Exception {
		cameraPhoto = Files.write(folder.resolve("IMG_20261204_101500.jpg"), TestPhotos.largePhonePhoto());
		assertThat(Files.size(cameraPhoto)).as("a cheap phone camera's photo").isGreaterThanOrEqualTo(10_000_000L);
	}

	@BeforeEach
	void aPhone() {
		browser = chromium.driver();
		Browser.consoleErrors(browser);
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
	}

	@AfterEach
	void noLongerAPhone() {
		pageOffline(false);
		browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	@Test
	void aTwelveMegabytePhotoFromTheGalleryReachesTheServerSmallAndUpright() throws Exception {
		String name = "Tran Foto Galeri";
		logIn();
		browser.get(url("/laporan/baru"));
		assertThat(browser.findElement(By.id("photo-take")).isDisplayed()).as("the camera button").isTrue();
		assertThat(browser.findElement(By.id("photo-choose")).isDisplayed()).as("the gallery button").isTrue();
		assertThat(browser.findElement(By.id("photo")).getAttribute("capture")).as("the gallery input opens the gallery")
				.isNull();
		assertThat(browser.findElement(By.id("photo-camera")).getAttribute("capture")).isEqualTo("environment");
		type("namesAsHeard", name);

		browser.findElement(By.id("photo")).sendKeys(cameraPhoto.toString());
		long shrunk = photoReady();

		assertThat(shrunk).as("what the phone will send").isLessThanOrEqualTo(MOST_BYTES);
		assertThat(browser.findElement(By.id("photo-thumb")).isDisplayed()).as("a preview").isTrue();
		assertThat(browser.findElement(By.id("photo-info")).getText()).startsWith("Foto siap dikirim: 1200 \u00d7 1600");
		browser.executeScript("document.getElementById('photo-field').scrollIntoView({block: 'center', behavior: 'instant'})");
		Browser.screenshot(browser, "report-photo-ready-360");
		click(By.id("report-submit"));

		wait(browser).until(ExpectedConditions.urlMatches("/laporan/\\d+$"));
		byte[] stored = storedPhoto(name);
		System.out.printf("photo online: chosen %d bytes, sent %d bytes, stored %d bytes%n", Files.size(cameraPhoto),
				shrunk, stored.length);
		assertUprightAndSmall(stored);
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude");
		assertThat(Browser.consoleErrors(browser)).as("no script error or CSP violation").isEmpty();
	}

	@Test
	void aPhotoTakenWithoutAConnectionWaitsShrunkInTheOutboxOnceDespiteADoubleTapAndArrivesUpright() throws Exception {
		String name = "Le Foto Tanpa Sinyal";
		logIn();
		openFormUnderServiceWorker();
		String key = browser.findElement(By.cssSelector("#report-form input[name='clientKey']")).getAttribute("value");

		pageOffline(true);
		type("namesAsHeard", name);
		browser.findElement(By.id("photo-camera")).sendKeys(cameraPhoto.toString());
		long shrunk = photoReady();
		// two taps before the first is kept, as a thumb on a slow phone does
		browser.executeScript("var b = document.getElementById('report-submit'); b.click(); b.click();");

		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("outbox-status"),
				"1 laporan menunggu dikirim"));
		assertThat(Browser.texts(browser, "#outbox-list .outbox-name")).as("listed once").containsExactly(name);
		assertThat(Browser.texts(browser, "#outbox-list .outbox-why")).singleElement(as(STRING))
				.contains("menunggu sambungan internet").contains("belum dicoba");
		@SuppressWarnings("unchecked")
		List<Object> kept = (List<Object>) browser.executeAsyncScript("""
				var key = arguments[0], done = arguments[arguments.length - 1];
				PantauOutbox.all().then(function (items) {
				  done(items.filter(function (i) { return i.clientKey === key; })
				    .map(function (i) {
				      var photo = i.fields.filter(function (f) { return f[0] === 'photo'; })[0];
				      return [i.clientKey, photo ? photo[1].size : -1];
				    }));
				}, function () { done(null); });""", key);
		assertThat(kept).as("one entry for the report's key, with the shrunk photo as a Blob")
				.containsExactly(List.of(key, shrunk));
		assertThat(reports(name)).isZero();
		Browser.screenshot(browser, "report-photo-outbox-360");

		pageOffline(false);
		new WebDriverWait(browser, ARRIVAL).until(driver -> reports(name) == 1);
		byte[] stored = storedPhoto(name);
		System.out.printf("photo through the outbox: chosen %d bytes, kept and sent %d bytes, stored %d bytes%n",
				Files.size(cameraPhoto), shrunk, stored.length);
		assertUprightAndSmall(stored);
		assertThat(jdbc.sql("select client_key::text from village_report where names_as_heard = :name")
				.param("name", name).query(String.class).single()).isEqualTo(key);
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("outbox-status"),
				"Semua laporan sudah terkirim"));
		assertThat(reports(name)).as("sent once").isEqualTo(1);
	}

	@Test
	void aPictureThePhoneCannotOpenIsNotAttachedAndSaysWhyWhileTheReportStays() throws Exception {
		String name = "Pham Foto Heic";
		Path heic = Files.write(folder.resolve("IMG_0001.heic"), new byte[] { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h',
				'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c' });
		logIn();
		browser.get(url("/laporan/baru"));
		type("namesAsHeard", name);

		browser.findElement(By.id("photo")).sendKeys(heic.toString());

		WebElement error = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("photo-error")));
		assertThat(error.getText()).contains("tidak dapat dibuka di ponsel ini").contains("HEIC");
		assertThat(browser.findElement(By.id("namesAsHeard")).getAttribute("value")).isEqualTo(name);
		assertThat(browser.executeScript("return document.getElementById('photo').files.length")).isEqualTo(0L);
		assertThat(browser.findElement(By.id("report-submit")).isEnabled()).isTrue();
		browser.executeScript("document.getElementById('photo-field').scrollIntoView({block: 'center', behavior: 'instant'})");
		Browser.screenshot(browser, "report-photo-undecodable-360");
	}

	@Test
	void aReportTheServerRefusedInTheOutboxSaysWhyAndOpensAgainInTheFormWithItsText() {
		String name = "Vo Foto Ditolak";
		String key = java.util.UUID.randomUUID().toString();
		logIn();
		browser.get(url("/laporan/baru"));
		// what a phone kept days ago, with a file the server does not take for a photo
		browser.executeAsyncScript("""
				var key = arguments[0], name = arguments[1], done = arguments[arguments.length - 1];
				var photo = new File(['bukan foto'], 'foto.jpg', { type: 'image/jpeg' });
				var data = new FormData();
				data.append('clientKey', key);
				data.append('namesAsHeard', name);
				data.append('stayingAt', 'Rumah Pak Dullah');
				data.append('photo', photo);
				data.append('submit', 'true');
				PantauOutbox.add(PantauOutbox.entry(data, 'ohoi.fiditan')).then(function () { done(true); });""",
				key, name);

		browser.navigate().refresh();

		By why = By.cssSelector("#outbox-list .outbox-item[data-client-key='" + key + "'] .outbox-why");
		new WebDriverWait(browser, ARRIVAL).until(ExpectedConditions.textToBePresentInElementLocated(why, "ditolak server"));
		assertThat(Browser.texts(browser, "#outbox-list .outbox-item[data-client-key='" + key + "'] .outbox-why"))
				.singleElement(as(STRING)).contains("bukan foto JPEG, PNG atau WebP").contains("terakhir dicoba");
		assertThat(reports(name)).as("refused: nothing saved").isZero();
		Browser.screenshot(browser, "report-outbox-refused-360");

		click(By.cssSelector("#outbox-list .outbox-item[data-client-key='" + key + "'] .outbox-restore"));

		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("outbox-status"),
				"Alasan penolakan: berkas ini bukan foto"));
		assertThat(browser.findElement(By.id("namesAsHeard")).getAttribute("value")).isEqualTo(name);
		assertThat(browser.findElement(By.id("stayingAt")).getAttribute("value")).isEqualTo("Rumah Pak Dullah");
		assertThat(browser.findElement(By.cssSelector("#report-form input[name='clientKey']")).getAttribute("value"))
				.as("the draft's own key").isEqualTo(key);
		assertThat(browser.findElements(By.cssSelector("#outbox-list .outbox-item"))).as("out of the outbox").isEmpty();
	}

	@Test
	void theDraftKeepsItsKeyAcrossAReloadAndBackAfterSendingAnswersWithTheSameReport() {
		String name = "Dang Draf Kembali";
		logIn();
		browser.get(url("/laporan/baru"));
		type("namesAsHeard", name);
		type("stayingAt", "Dusun Wearhir");
		String key = browser.findElement(By.cssSelector("#report-form input[name='clientKey']")).getAttribute("value");
		wait(browser).until(driver -> String.valueOf(browser.executeScript(
				"return localStorage.getItem('pantau-draft')")).contains("Dusun Wearhir"));

		browser.navigate().refresh();
		wait(browser).until(ExpectedConditions.attributeToBe(By.id("namesAsHeard"), "value", name));
		assertThat(browser.findElement(By.cssSelector("#report-form input[name='clientKey']")).getAttribute("value"))
				.as("the same draft after a reload").isEqualTo(key);
		click(By.id("report-submit"));
		wait(browser).until(ExpectedConditions.urlMatches("/laporan/\\d+$"));
		String report = browser.getCurrentUrl();

		browser.navigate().back();
		wait(browser).until(ExpectedConditions.attributeToBe(By.id("namesAsHeard"), "value", name));
		assertThat(browser.findElement(By.cssSelector("#report-form input[name='clientKey']")).getAttribute("value"))
				.as("Back to the sent form keeps its key").isEqualTo(key);
		click(By.id("report-submit"));
		wait(browser).until(ExpectedConditions.urlMatches("/laporan/\\d+$"));
		assertThat(browser.getCurrentUrl()).as("the report already made").isEqualTo(report);
		assertThat(reports(name)).isEqualTo(1);

		browser.get(url("/laporan/baru"));
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("namesAsHeard")));
		assertThat(browser.findElement(By.id("namesAsHeard")).getAttribute("value")).as("a new report").isEmpty();
		assertThat(browser.findElement(By.cssSelector("#report-form input[name='clientKey']")).getAttribute("value"))
				.isNotEqualTo(key);
	}

	private long photoReady() {
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> browser.findElement(By.id("photo-field"))
				.getAttribute("data-photo-bytes") != null && browser.findElement(By.id("report-submit")).isEnabled());
		Object size = browser.executeScript("return document.getElementById('photo').files[0].size");
		return ((Number) size).longValue();
	}

	private byte[] storedPhoto(String name) {
		long id = jdbc.sql("select id from village_report where names_as_heard = :name and village_code = :village")
				.param("name", name).param("village", FIDITAN).query(Long.class).single();
		var photo = WebSession.loggedIn(port, "ohoi.fiditan").getBytes("/laporan/" + id + "/foto");
		assertThat(photo.statusCode()).isEqualTo(200);
		return photo.body();
	}

	/** Upright: the camera's 4000 x 3000 on its side (orientation 6) is 1200 x 1600, its left (red) half on top. */
	private static void assertUprightAndSmall(byte[] stored) throws Exception {
		assertThat(stored.length).as("stored size").isLessThanOrEqualTo(MOST_BYTES);
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(stored));
		assertThat(picture.getWidth()).as("upright: narrower than high").isLessThan(picture.getHeight());
		assertThat(Math.max(picture.getWidth(), picture.getHeight())).isLessThanOrEqualTo(1600);
		int top = picture.getRGB(picture.getWidth() / 2, picture.getHeight() / 4);
		int bottom = picture.getRGB(picture.getWidth() / 2, picture.getHeight() * 3 / 4);
		assertThat((top >> 16) & 0xFF).as("the red half on top").isGreaterThan(top & 0xFF);
		assertThat(bottom & 0xFF).as("the blue half below").isGreaterThan((bottom >> 16) & 0xFF);
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
		if (!Boolean.TRUE.equals(browser.executeScript("return navigator.serviceWorker.controller !== null"))) {
			browser.navigate().refresh();
		}
		wait(browser).until(driver -> Boolean.TRUE.equals(
				browser.executeScript("return navigator.serviceWorker.controller !== null")));
		browser.navigate().refresh();
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("namesAsHeard")));
	}

	private void pageOffline(boolean offline) {
		browser.executeCdpCommand("Network.enable", Map.of());
		browser.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
		if (!offline) {
			browser.executeCdpCommand("Network.disable", Map.of());
		}
		wait(browser).until(driver -> Boolean.TRUE.equals(browser.executeScript("return navigator.onLine")) != offline);
	}

	private int reports(String name) {
		return jdbc.sql("select count(*) from village_report where names_as_heard = :name and village_code = :village")
				.param("name", name).param("village", FIDITAN).query(Integer.class).single();
	}

	/** Logs in on a phone whose outbox and kept draft are empty: what another test left there is not this test's. */
	private void logIn() {
		chromium.logIn(port, "ohoi.fiditan", WebSession.DEMO_PASSWORD);
		wait(browser).until(driver -> Boolean.TRUE.equals(browser.executeScript("return !!window.PantauOutbox && document.readyState === 'complete'")));
		browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				localStorage.removeItem('pantau-draft');
				PantauOutbox.all().then(function (items) {
				  return Promise.all(items.map(function (item) { return PantauOutbox.remove(item.id); }));
				}).then(function () { done(true); }, function () { done(false); });""");
	}

	private void type(String id, String text) {
		WebElement field = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
		field.clear();
		field.sendKeys(text);
	}

	/** Clicks what the locator finds, finding it again if the page redrew it in between (the outbox list does). */
	private void click(By locator) {
		wait(browser).until(driver -> {
			chromium.click(driver.findElement(locator));
			return true;
		});
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static WebDriverWait wait(ChromeDriver driver) {
		return chromium.waiting();
	}
}
