package id.pantau.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.Browser;
import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

@PantauIntegrationTest
class RegistryBrowserTests {

	@RegisterExtension
	static final Browser chromium = new Browser();

	@LocalServerPort
	int port;

	private ChromeDriver browser;

	@BeforeEach
	void useBrowser() {
		browser = chromium.driver();
	}

	@Test
	void anOfficerPastesAPassportMrzRegistersThePersonAndFindsThemAgainWithAMisspeltName() {
		String line1 = pad("P<MMRTHURA<<NAY<LIN", 44);
		String line2 = line2("MD4471829", "MMR", "790315", "M", "310502");
		logIn("kesbangpol");
		browser.get(url("/orang-asing/baru"));

		paste(line1 + "\n" + line2.substring(0, 27) + (char) ('0' + (line2.charAt(27) - '0' + 1) % 10)
				+ line2.substring(28));
		assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("mrz-warning"))).getText())
				.contains("TIDAK cocok").contains("expiryDate");

		paste(line1 + "\n" + line2);
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mrz-result"), "cocok"));
		assertThat(browser.findElements(By.id("mrz-warning"))).isEmpty();
		assertThat(browser.findElement(By.id("primaryName")).getAttribute("value")).isEqualTo("NAY LIN THURA");
		assertThat(browser.findElement(By.id("birthDate")).getAttribute("value")).isEqualTo("1979-03-15");
		assertThat(browser.findElement(By.id("documentNumber")).getAttribute("value")).isEqualTo("MD4471829");
		assertThat(browser.findElement(By.id("nationality")).getAttribute("value")).isEqualTo("MMR");

		new Select(browser.findElement(By.id("category"))).selectByValue("EX_CREW");
		new Select(browser.findElement(By.id("villageCode"))).selectByVisibleText("Ngadi");
		browser.findElement(By.id("primaryName")).sendKeys(Keys.ENTER);
		assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("person-name"))).getText())
				.isEqualTo("NAY LIN THURA");
		assertThat(browser.findElement(By.id("person-nationality")).getText()).contains("Myanmar");
		String personUrl = browser.getCurrentUrl();

		browser.get(url("/orang-asing"));
		WebElement search = browser.findElement(By.id("q"));
		search.sendKeys("Thura Nai Lin");
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.linkText("NAY LIN THURA"))).click();
		wait(browser).until(ExpectedConditions.urlToBe(personUrl));
		assertThat(browser.findElement(By.id("person-documents")).getText()).contains("MD4471829");
		assertThat(Browser.consoleErrors(browser)).as("no script error or CSP violation").isEmpty();
		Browser.screenshot(browser, "registry-person");
	}

	private void paste(String mrz) {
		WebElement box = wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("mrz")));
		box.clear();
		box.sendKeys(mrz);
		WebElement form = browser.findElement(By.id("person-form"));
		click(browser.findElement(By.id("mrz-read")));
		wait(browser).until(ExpectedConditions.stalenessOf(form));
	}

	private static void click(WebElement element) {
		chromium.click(element);
	}

	private void logIn(String username) {
		chromium.logIn(port, username, WebSession.DEMO_PASSWORD);
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-heading")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** The second line of a TD3 passport zone with its check digits, computed here independently of the parser. */
	private static String line2(String number, String nationality, String birth, String sex, String expiry) {
		String personal = "<".repeat(14);
		String document = number + check(number);
		String birthField = birth + check(birth);
		String expiryField = expiry + check(expiry);
		String personalField = personal + "0";
		String composite = check(document + birthField + expiryField + personalField);
		return document + nationality + birthField + sex + expiryField + personalField + composite;
	}

	private static String check(String field) {
		int[] weights = { 7, 3, 1 };
		int sum = 0;
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			int value = c == '<' ? 0 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
			sum += value * weights[i % 3];
		}
		return Integer.toString(sum % 10);
	}

	private static String pad(String text, int width) {
		return text + "<".repeat(width - text.length());
	}

	private static WebDriverWait wait(ChromeDriver driver) {
		return chromium.waiting();
	}
}
