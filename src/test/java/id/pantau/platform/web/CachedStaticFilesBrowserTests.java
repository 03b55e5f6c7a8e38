package id.pantau.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import id.pantau.Browser;
import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The village home on a second visit in Chromium: its static files come from the phone (the service worker's cache,
 * or the browser's for a file kept a year), and only the page itself is asked of the server.
 */
@PantauIntegrationTest
class CachedStaticFilesBrowserTests {

	@RegisterExtension
	static final Browser chromium = new Browser();

	@LocalServerPort
	int port;

	@Test
	void aSecondVisitOfTheVillageHomeAsksTheServerForThePageOnlyNotItsStaticFiles() {
		ChromeDriver browser = chromium.driver();
		Browser.consoleErrors(browser);
		chromium.logIn(port, "ohoi.fiditan", WebSession.DEMO_PASSWORD);
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("home-heading")));
		// the worker installs after the first visit's load and keeps the files the page names to it
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> Boolean.TRUE.equals(browser
				.executeAsyncScript("""
						var done = arguments[arguments.length - 1];
						if (!navigator.serviceWorker.controller) { done(false); return; }
						var wanted = Array.from(document.querySelectorAll('link[rel="stylesheet"], script[src]'))
						    .map(function (e) { return new URL(e.href || e.src).pathname; });
						caches.open('pantau-static-v2').then(function (cache) {
						  return Promise.all(wanted.map(function (path) { return cache.match(path); }));
						}).then(function (kept) { done(kept.every(Boolean)); }, function () { done(false); });""")));

		Map<String, String> servedFrom = new ConcurrentHashMap<>();
		DevTools devTools = browser.getDevTools();
		devTools.createSession();
		try {
			devTools.send(new Command<Void>("Network.enable", Map.of()));
			devTools.addListener(new Event<Map<String, Object>>("Network.responseReceived",
					input -> input.read(Json.MAP_TYPE)), event -> {
						Map<?, ?> response = (Map<?, ?>) event.get("response");
						String from = Boolean.TRUE.equals(response.get("fromServiceWorker")) ? "service worker"
								: Boolean.TRUE.equals(response.get("fromDiskCache"))
										|| Boolean.TRUE.equals(response.get("fromMemoryCache")) ? "browser cache"
												: "network";
						servedFrom.put(java.net.URI.create(String.valueOf(response.get("url"))).getPath(), from);
					});
			browser.get("about:blank");
			browser.get("http://localhost:" + port + "/");
			chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("home-heading")));
			chromium.waiting().until(driver -> servedFrom.keySet().stream().anyMatch(p -> p.startsWith("/js/pantau-")));
		}
		finally {
			devTools.clearListeners();
			devTools.close();
		}

		Map<String, String> staticFiles = new TreeMap<>();
		servedFrom.forEach((path, from) -> {
			if (path.matches("/(css|js|img|webjars)/.*")) {
				staticFiles.put(path, from);
			}
		});
		// the manifest's icons come under their plain addresses (the manifest names them), also from the worker
		assertThat(staticFiles.keySet()).as("Bootstrap, htmx, Pantau's styles and scripts, under their hashes")
				.anyMatch(path -> path.startsWith("/webjars/bootstrap/5.3.8/css/bootstrap.min-"))
				.anyMatch(path -> path.startsWith("/webjars/htmx.org/")).anyMatch(path -> path.startsWith("/css/pantau-"))
				.anyMatch(path -> path.startsWith("/js/pantau-"));
		assertThat(staticFiles).allSatisfy((path, from) -> assertThat(from).as(path).isNotEqualTo("network"));
		assertThat(Browser.consoleErrors(browser)).as("no script error or CSP violation").isEmpty();
	}
}
