package id.pantau;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ohoi of Fiditan on a 360 px phone (Chromium's mobile emulation): its home starts with "Laporan baru", the
 * reports returned for fixing with their count and reason, and the unread notifications counted beside the collapsed
 * menu; it loads no chart or map library; and no page a village official opens is wider than the screen.
 */
@PantauIntegrationTest
class VillageOnAPhoneBrowserTests {

	@RegisterExtension
	static final Browser phone = Browser.phone();

	/** Elements reaching past the right edge of the screen, the widest first, and tables wider than the screen. */
	private static final String OVERFLOW = """
			const w = window.innerWidth;
			const out = [];
			for (const e of document.querySelectorAll('body *')) {
			  const r = e.getBoundingClientRect();
			  if (r.width > 0 && r.right > w + 1) {
			    out.push({w: r.width, d: e.tagName + (e.id ? '#' + e.id : '') + ' right=' + Math.round(r.right)});
			  }
			}
			for (const t of document.querySelectorAll('table')) {
			  const r = t.getBoundingClientRect();
			  if (r.width > w + 1) out.push({w: r.width, d: 'table ' + (t.id || '') + ' width=' + Math.round(r.width)});
			}
			out.sort((a, b) => b.w - a.w);
			return out.slice(0, 5).map(o => o.d);""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theVillageHomeStartsWithWhatToDoAndNoVillagePageIsWiderThanThePhone() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");
		long report = idFrom(WebSession.location(village.post("/laporan/baru", Map.of("namesAsHeard",
				"Teleponia Kembalian Uji", "nationalityText", "Vietnam", "sex", "F", "stayingAt", "dekat dermaga",
				"submit", "true"))));
		bpmpd.post("/laporan/" + report + "/kembalikan",
				Map.of("version", version(report), "reason", "Nomor paspor belum diisi (uji telepon)"));
		assertThat(jdbc.sql("select state from village_report where id = :id").param("id", report)
				.query(String.class).single()).isEqualTo("RETURNED");

		ChromeDriver browser = phone.driver();
		phone.logIn(port, "ohoi.fiditan", WebSession.DEMO_PASSWORD);
		phone.waiting().until(d -> !d.findElements(By.id("home-new-report")).isEmpty());
		assertThat(browser.executeScript("return window.innerWidth")).isEqualTo((long) Browser.PHONE_WIDTH);

		WebElement newReport = browser.findElement(By.id("home-new-report"));
		assertThat(newReport.isDisplayed()).isTrue();
		assertThat(newReport.getText()).contains("Laporan baru");
		assertThat(newReport.getRect().getY() + newReport.getRect().getHeight()).as("on the first screen")
				.isLessThanOrEqualTo(Browser.PHONE_HEIGHT);
		long returned = count("select count(*) from village_report where village_code = '81.72.01.2001'"
				+ " and state = 'RETURNED'");
		assertThat(browser.findElement(By.id("home-returned-count")).getText()).isEqualTo(String.valueOf(returned));
		WebElement ours = browser.findElement(By.cssSelector("#home-returned a[href$='/laporan/" + report + "']"));
		assertThat(ours.getText()).contains("Teleponia Kembalian Uji")
				.contains("Alasan: Nomor paspor belum diisi (uji telepon)");
		long unread = count("select count(*) from notification where username = 'ohoi.fiditan' and read_at is null");
		assertThat(unread).as("the return told the village").isPositive();
		assertThat(browser.findElement(By.id("logout")).isDisplayed()).as("menu collapsed").isFalse();
		WebElement bell = browser.findElement(By.id("bell-count"));
		assertThat(bell.isDisplayed()).as("count seen without opening the menu").isTrue();
		assertThat(bell.getText()).isEqualTo(String.valueOf(unread));
		@SuppressWarnings("unchecked")
		List<String> requested = (List<String>) browser.executeScript(
				"return performance.getEntriesByType('resource').map(e => e.name)");
		assertThat(requested).as("no chart or map library on the village home")
				.noneMatch(name -> name.contains("echarts") || name.contains("leaflet"));
		Browser.screenshot(browser, "phone-village-home");

		long person = count("select min(id) from person where status = 'PRESENT' and region_code = '81.72.01.2001'");
		List<String> pages = List.of("/", "/laporan", "/laporan/baru", "/laporan/bulanan", "/notifikasi",
				"/laporan/" + report, "/orang-asing", "/orang-asing/baru", "/orang-asing/" + person,
				"/orang-asing/" + person + "/ubah", "/kapal");
		List<String> tooWide = new ArrayList<>();
		for (String page : pages) {
			browser.get("http://localhost:" + port + page);
			phone.waiting().until(d -> "complete".equals(browser.executeScript("return document.readyState"))
					&& browser.findElements(By.cssSelector("[hx-trigger='load']")).isEmpty());
			long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
			@SuppressWarnings("unchecked")
			List<String> wide = (List<String>) browser.executeScript(OVERFLOW);
			if (scrollWidth > Browser.PHONE_WIDTH || !wide.isEmpty()) {
				tooWide.add(page + ": scrollWidth " + scrollWidth + ", " + wide);
			}
			Browser.screenshot(browser, "phone-village" + page.replaceAll("[^a-z0-9]+", "-"));
		}
		assertThat(tooWide).as("pages wider than a %d px phone", Browser.PHONE_WIDTH).isEmpty();
		assertThat(Browser.consoleErrors(browser)).as("no script error or CSP violation").isEmpty();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private String version(long id) {
		return jdbc.sql("select version from village_report where id = :id").param("id", id).query(Integer.class)
				.single().toString();
	}

	private static long idFrom(String location) {
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}
}
