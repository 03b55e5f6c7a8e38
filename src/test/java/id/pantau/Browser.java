package id.pantau;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for browser tests. Where it is not installed the tests are skipped with a message, unless
 * {@code PANTAU_BROWSER_TESTS=required} (set by CI), where they fail.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PANTAU_CHROMIUM", "/usr/bin/chromium"));
	private static final Path CHROMEDRIVER = Path
			.of(System.getenv().getOrDefault("PANTAU_CHROMEDRIVER", "/usr/bin/chromedriver"));

	/** The phone {@link #phone()} emulates: CSS pixels of a cheap Android phone's screen. */
	public static final int PHONE_WIDTH = 360;
	public static final int PHONE_HEIGHT = 740;

	private final boolean phone;

	private ChromeDriver driver;

	/** For {@code @RegisterExtension static final Browser browser = new Browser();}: one Chromium per test class. */
	public Browser() {
		this(false);
	}

	private Browser(boolean phone) {
		this.phone = phone;
	}

	/**
	 * Chromium as a phone: 360 x 740 CSS pixels at pixel ratio 2, with a mobile user agent and touch (Chromium's
	 * device emulation), for {@code @RegisterExtension static final Browser phone = Browser.phone();}.
	 */
	public static Browser phone() {
		return new Browser(true);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		driver = start(phone);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (driver != null) {
			driver.manage().deleteAllCookies();
			if (!phone) {
				driver.manage().window().setSize(new Dimension(1280, 900));
			}
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (driver != null) {
			driver.quit();
		}
	}

	public ChromeDriver driver() {
		return driver;
	}

	/**
	 * Waits up to 10 s. A page that navigates while a condition reads it (a form just sent) can make Chromium answer
	 * "Node with given id does not belong to the document" rather than a stale element: that is asked again, not a
	 * failure; a condition still false after 10 s fails with the last such answer as its cause.
	 */
	public WebDriverWait waiting() {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		wait.ignoring(org.openqa.selenium.WebDriverException.class);
		return wait;
	}

	/**
	 * Logs in through the login form and, where the role needs it, types the code of the authenticator app
	 * ({@link SecondFactorCodes}; an account not enrolled yet enrols with the secret the page shows).
	 */
	public void logIn(int port, String username, String password) {
		driver.get("http://localhost:" + port + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login-submit")).click();
		waiting().until(d -> !d.getCurrentUrl().endsWith("/login"));
		if (!driver.getCurrentUrl().contains("/login/kode")) {
			return;
		}
		List<WebElement> secret = driver.findElements(By.id("totp-secret"));
		if (!secret.isEmpty()) {
			SecondFactorCodes.remember(username, secret.get(0).getText());
		}
		String code = SecondFactorCodes.nextCode(username);
		if (code == null) {
			return;
		}
		driver.findElement(By.id("totp-code")).sendKeys(code);
		driver.findElement(By.id("totp-submit")).click();
		waiting().until(d -> !d.findElements(By.id("recovery-continue")).isEmpty()
				|| d.findElements(By.id("totp-code")).isEmpty());
		List<WebElement> proceed = driver.findElements(By.id("recovery-continue"));
		if (!proceed.isEmpty()) {
			proceed.get(0).click();
		}
	}

	/**
	 * Clicks as a person would, after scrolling the element into the middle of the window: at once, as Bootstrap's
	 * smooth scrolling would still be moving the element when the click lands.
	 */
	public void click(WebElement element) {
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		waiting().until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	public static ChromeDriver start() {
		return start(false);
	}

	private static ChromeDriver start(boolean phone) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String message = "Chromium not found at " + CHROMIUM + " and " + CHROMEDRIVER
					+ ": install it with `apt-get install chromium chromium-driver` to run the browser tests";
			if ("required".equals(System.getenv("PANTAU_BROWSER_TESTS"))) {
				fail(message);
			}
			Assumptions.abort(message);
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("pantau-chromium-");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--lang=id", "--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "id"));
		if (phone) {
			options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
					Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "pixelRatio", 2.0, "touch", true), "userAgent",
					"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0"
							+ " Mobile Safari/537.36"));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort().build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		if (!phone) {
			driver.manage().window().setSize(new Dimension(1280, 900));
		}
		return driver;
	}

	/**
	 * The visible texts of the elements a CSS selector finds, read in one script: a list the page redraws while it is
	 * read (the outbox redraws its list each time it tries) gives either the old or the new texts, never a stale element.
	 */
	@SuppressWarnings("unchecked")
	public static List<String> texts(ChromeDriver driver, String selector) {
		return (List<String>) driver.executeScript(
				"return Array.from(document.querySelectorAll(arguments[0]), function (e) { return e.innerText; });",
				selector);
	}

	/** Keeps a picture of the page under target/screenshots, for people to look at after a run. */
	public static void screenshot(ChromeDriver driver, String name) {
		try {
			Path folder = Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** What the page's console said at level SEVERE since the last call: CSP violations and script errors. */
	public static List<String> consoleErrors(ChromeDriver driver) {
		return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
				.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
	}
}
