package id.pantau.bench;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.json.Json;

/**
 * The village's phone: Pantau in Chromium as a 360 px Android phone on a slow link (issue 17). Not a test: it prints
 * figures and never fails on time. Run with {@code bench/phone}; options: {@code -Durl=http://localhost:8091} (use a
 * running Pantau with the demo data; without it {@code target/pantau.jar} is started on a fresh data directory),
 * {@code -Dlatency=400} (ms), {@code -Ddown=50} and {@code -Dup=20} (KB/s), {@code -Duser=ohoi.fiditan},
 * {@code -Dphoto=true} (the 12 MB photo, online and through the outbox).
 * <p>
 * What it measures, as ohoi.fiditan:
 * <ul>
 * <li>the OHOI home on a first visit (empty HTTP cache, no service worker, no Cache Storage) and on a second visit
 * (the user comes back later): seconds from the navigation to the page's load event, and the bytes that came over the
 * network ({@code encodedDataLength} of DevTools' {@code Network.loadingFinished}, summed; what the service worker or
 * the browser's cache served costs nothing). Where the home loads ECharts, the first visit is measured once more with
 * ECharts blocked, to show the page without it;</li>
 * <li>for each village page, whether anything is wider than the screen ({@code scrollWidth > innerWidth}, and the
 * element reaching furthest to the right, tables inside scrolling boxes included);</li>
 * <li>a generated 12 MB phone photo (4000 x 3000, noise, EXIF orientation 6) attached to a new report online, and once
 * through the offline outbox: the size of the photo the server then keeps (its photo address), or what the page
 * said when it was refused. The photo part runs without the slow link: 12 MB at 20 KB/s would take ten minutes.</li>
 * </ul>
 * Figures go to {@code target/bench/phone.properties}, a picture of each village page to {@code target/bench/phone-*.png}.
 */
public final class PhoneBenchmark {

	private static final PrintStream out = System.out;
	private static final String PASSWORD = "tual-demo-2026";

	private final String base;
	private final ChromeDriver driver;
	private final DevTools devTools;
	private final Map<String, Long> finished = new ConcurrentHashMap<>();
	private final Map<String, String> urls = new ConcurrentHashMap<>();
	private final Map<String, String> servedFrom = new ConcurrentHashMap<>();
	private final AtomicLong lastEvent = new AtomicLong(System.nanoTime());

	private PhoneBenchmark(String base, ChromeDriver driver) {
		this.base = base;
		this.driver = driver;
		this.devTools = driver.getDevTools();
		devTools.createSession();
		devTools.send(new Command<Void>("Network.enable", Map.of()));
		devTools.addListener(event("Network.requestWillBeSent"), e -> {
			Map<?, ?> request = (Map<?, ?>) e.get("request");
			urls.put((String) e.get("requestId"), String.valueOf(request.get("url")));
			lastEvent.set(System.nanoTime());
		});
		devTools.addListener(event("Network.responseReceived"), e -> {
			Map<?, ?> response = (Map<?, ?>) e.get("response");
			String from = Boolean.TRUE.equals(response.get("fromServiceWorker")) ? "service worker"
					: Boolean.TRUE.equals(response.get("fromDiskCache")) ? "disk cache"
							: Boolean.TRUE.equals(response.get("fromPrefetchCache")) ? "prefetch cache" : "network";
			servedFrom.put((String) e.get("requestId"), from);
			lastEvent.set(System.nanoTime());
		});
		devTools.addListener(event("Network.loadingFinished"), e -> {
			finished.put((String) e.get("requestId"), ((Number) e.get("encodedDataLength")).longValue());
			lastEvent.set(System.nanoTime());
		});
	}

	private static Event<Map<String, Object>> event(String name) {
		return new Event<>(name, input -> input.read(Json.MAP_TYPE));
	}

	public static void main(String[] args) throws Exception {
		String url = System.getProperty("url", "");
		Path jar = Path.of(System.getProperty("jar", "target/pantau.jar")).toAbsolutePath();
		BenchFigures figures = BenchFigures.of("phone");
		Process app = null;
		Path data = null;
		try {
			if (url.isBlank()) {
				if (!Files.exists(jar)) {
					out.println("no " + jar + ": build it first (./mvnw -B -q -DskipTests package)");
					return;
				}
				data = Files.createTempDirectory("pantau-phone-");
				StartedApp started = start(jar, data.resolve("data"));
				app = started.process();
				url = started.url();
			}
			url = url.replaceAll("/+$", "");
			Path profile = Files.createTempDirectory("pantau-phone-chromium-");
			ChromeDriver driver = chromium(profile);
			try {
				new PhoneBenchmark(url, driver).run(figures);
			}
			finally {
				driver.quit();
				ColdStartBenchmark.delete(profile);
			}
		}
		finally {
			if (app != null) {
				ColdStartBenchmark.stop(app);
			}
			if (data != null) {
				ColdStartBenchmark.delete(data);
			}
		}
		figures.write();
	}

	private void run(BenchFigures figures) throws Exception {
		int latency = Integer.getInteger("latency", 400);
		int down = Integer.getInteger("down", 50);
		int up = Integer.getInteger("up", 20);
		String user = System.getProperty("user", "ohoi.fiditan");
		out.printf("Pantau on a phone: %s, Chromium as a 360 x 740 phone, link %d ms latency, %d KB/s down, %d KB/s up,"
				+ " as %s; load average %.2f%n", base, latency, down, up, user, BenchFigures.loadAverage());
		figures.put("latency_ms", latency).put("down_kb_s", down).put("up_kb_s", up).put("user", user);

		logIn(user);
		if (Boolean.parseBoolean(System.getProperty("home", "true"))) {
			home(latency, down, up, figures);
		}
		if (Boolean.parseBoolean(System.getProperty("widths", "true"))) {
			widths(figures);
		}
		if (Boolean.parseBoolean(System.getProperty("photo", "true"))) {
			photos(latency, down, up, figures);
		}
	}

	private void home(int latency, int down, int up, BenchFigures figures) {
		Visit first = firstVisit(latency, down, up, List.of());
		out.printf("OHOI home, first visit (empty cache): %.2f s to load, %s transferred in %d requests%n",
				first.seconds(), kb(first.bytes()), first.requests());
		first.print();
		Visit second = secondVisit(latency, down, up);
		out.printf("OHOI home, second visit: %.2f s to load, %s transferred in %d requests over the network%n",
				second.seconds(), kb(second.bytes()), second.requests());
		second.print();
		figures.put("home_first_seconds", first.seconds()).put("home_first_kb", first.bytes() / 1024.0)
				.put("home_second_seconds", second.seconds()).put("home_second_kb", second.bytes() / 1024.0);
		boolean charts = first.urls().stream().anyMatch(u -> u.contains("echarts"));
		figures.put("home_loads_echarts", charts);
		if (charts) {
			out.println("the OHOI home still loads ECharts (templates/dashboard/home.html); measured again with it"
					+ " blocked:");
			Visit without = firstVisit(latency, down, up, List.of("*echarts*", "*/js/dashboard*"));
			out.printf("OHOI home without ECharts, first visit: %.2f s to load, %s transferred%n", without.seconds(),
					kb(without.bytes()));
			Visit againWithout = secondVisit(latency, down, up);
			out.printf("OHOI home without ECharts, second visit: %.2f s to load, %s transferred%n",
					againWithout.seconds(), kb(againWithout.bytes()));
			figures.put("home_no_echarts_first_seconds", without.seconds())
					.put("home_no_echarts_first_kb", without.bytes() / 1024.0)
					.put("home_no_echarts_second_seconds", againWithout.seconds())
					.put("home_no_echarts_second_kb", againWithout.bytes() / 1024.0);
		}
		unthrottle();
	}

	private void widths(BenchFigures figures) throws IOException {
		int wide = 0;
		for (String path : villagePages()) {
			driver.get(base + path);
			Map<?, ?> width = widths();
			boolean wider = ((Number) width.get("scrollWidth")).intValue() > ((Number) width.get("innerWidth"))
					.intValue() || Boolean.TRUE.equals(width.get("beyond"));
			wide += wider ? 1 : 0;
			Files.write(Files.createDirectories(Path.of("target", "bench")).resolve("phone" + path.replaceAll("[^a-z0-9]+",
					"-").replaceAll("-$", "") + ".png"), driver.getScreenshotAs(OutputType.BYTES));
			out.printf("%-20s %s: page %s px in a %s px screen; widest: %s (right edge %s px)%n", path,
					wider ? "WIDER THAN THE SCREEN" : "fits", width.get("scrollWidth"), width.get("innerWidth"),
					width.get("widest"), width.get("right"));
		}
		figures.put("pages_wider_than_screen", wide);
	}

	private void photos(int latency, int down, int up, BenchFigures figures) throws IOException {
		Path photo = phonePhoto(Path.of("target", "bench", "phone-photo-12mb.jpg"));
		out.printf("photo: %s, %s, 4000 x 3000, EXIF orientation 6%n", photo, kb(Files.size(photo)));
		String online = photoOnline(photo, latency, down, up);
		String outbox = photoThroughOutbox(photo);
		out.printf("photo online: %s, photo via outbox: %s%n", online, outbox);
		figures.put("photo_file_kb", Files.size(photo) / 1024.0).put("photo_online", online)
				.put("photo_outbox", outbox);
	}

	// ---- the home, first and second visit

	private Visit firstVisit(int latency, int down, int up, List<String> blocked) {
		driver.get(base + "/offline.html");
		((JavascriptExecutor) driver).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				navigator.serviceWorker.getRegistrations().then(function (all) {
				  return Promise.all(all.map(function (r) { return r.unregister(); }));
				}).then(function () { return caches.keys(); }).then(function (names) {
				  return Promise.all(names.map(function (n) { return caches.delete(n); }));
				}).then(function () { done(true); }, function () { done(false); });""");
		driver.get("about:blank");
		devTools.send(new Command<Void>("Network.clearBrowserCache", Map.of()));
		devTools.send(new Command<Void>("Network.setBlockedURLs", Map.of("urls", blocked)));
		throttle(latency, down, up);
		Visit visit = visit();
		devTools.send(new Command<Void>("Network.setBlockedURLs", Map.of("urls", List.of())));
		return visit;
	}

	/**
	 * The user comes back later: the service worker installed on the first visit controls the page and has kept the
	 * static files. Waited for without the slow link (what happens after the first visit, while the user reads).
	 */
	private Visit secondVisit(int latency, int down, int up) {
		unthrottle();
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
				.until(() -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeAsyncScript("""
						var done = arguments[arguments.length - 1];
						if (!navigator.serviceWorker.controller) { done(false); return; }
						caches.keys().then(function (names) {
						  var name = names.filter(function (n) { return n.indexOf('pantau-static-') === 0; })[0];
						  return name ? caches.open(name).then(function (c) { return c.keys(); }) : [];
						}).then(function (keys) { done(keys.length >= 5); }, function () { done(false); });""")));
		driver.get("about:blank");
		throttle(latency, down, up);
		return visit();
	}

	private Visit visit() {
		finished.clear();
		urls.clear();
		servedFrom.clear();
		long started = System.nanoTime();
		driver.get(base + "/");
		double wall = (System.nanoTime() - started) / 1e9;
		Object load = ((JavascriptExecutor) driver).executeScript(
				"var n = performance.getEntriesByType('navigation')[0]; return n ? n.loadEventEnd - n.startTime : -1;");
		double seconds = load instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() / 1000 : wall;
		// what still comes after the load event (the service worker's registration, late images) counts as well
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
				.until(() -> System.nanoTime() - lastEvent.get() > 1_500_000_000L);
		Map<String, Long> bytes = new LinkedHashMap<>(finished);
		List<String> lines = new ArrayList<>();
		long total = 0;
		int requests = 0;
		for (Map.Entry<String, String> request : urls.entrySet()) {
			long size = bytes.getOrDefault(request.getKey(), 0L);
			String from = servedFrom.getOrDefault(request.getKey(), "?");
			if ("network".equals(from) && !request.getValue().startsWith("data:")) {
				total += size;
				requests++;
			}
			lines.add(String.format("    %8s  %-14s %s", kb(size), from, request.getValue().replace(base, "")));
		}
		lines.sort(Comparator.naturalOrder());
		// a page the service worker answers was fetched by the worker (navigation preload): its bytes do not show in
		// the page's own events, so the same address is fetched once more from the page (the worker lets that
		// through to the network) and its size on the wire counted
		List<String> visited = List.copyOf(urls.values());
		if ("service worker".equals(servedFrom.get(firstRequest(base + "/")))) {
			finished.clear();
			urls.clear();
			servedFrom.clear();
			((JavascriptExecutor) driver).executeAsyncScript("""
					var done = arguments[arguments.length - 1];
					fetch(location.href, { credentials: 'same-origin', cache: 'no-store' })
					    .then(function (r) { return r.text(); }).then(function () { done(true); }, function () { done(false); });""");
			Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
					.until(() -> finished.containsKey(firstRequest(base + "/")));
			long size = finished.get(firstRequest(base + "/"));
			total += size;
			requests++;
			lines.add(String.format("    %8s  %-14s %s", kb(size), "network (SW)",
					"/ (the page itself, fetched by the service worker: the same address fetched again, as counted)"));
		}
		return new Visit(seconds, total, requests, visited, lines);
	}

	private String firstRequest(String url) {
		return urls.entrySet().stream().filter(e -> e.getValue().equals(url)).map(Map.Entry::getKey).findFirst()
				.orElse("");
	}

	private record Visit(double seconds, long bytes, int requests, List<String> urls, List<String> lines) {

		void print() {
			lines.forEach(out::println);
		}
	}

	private void throttle(int latency, int down, int up) {
		devTools.send(new Command<Void>("Network.emulateNetworkConditions", Map.of("offline", false, "latency",
				latency, "downloadThroughput", down * 1024, "uploadThroughput", up * 1024)));
	}

	private void unthrottle() {
		devTools.send(new Command<Void>("Network.emulateNetworkConditions",
				Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1)));
	}

	private void offline(boolean offline) {
		devTools.send(new Command<Void>("Network.emulateNetworkConditions",
				Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1)));
	}

	// ---- pages wider than the screen

	private List<String> villagePages() {
		List<String> pages = new ArrayList<>(List.of("/", "/laporan", "/laporan/baru", "/laporan/bulanan",
				"/notifikasi"));
		driver.get(base + "/laporan");
		Matcher report = Pattern.compile("href=\"(/laporan/\\d+)\"").matcher(driver.getPageSource());
		if (report.find()) {
			pages.add(report.group(1));
		}
		else {
			out.println("no report in the village's list: no report page measured");
		}
		return pages;
	}

	private Map<?, ?> widths() {
		return (Map<?, ?>) ((JavascriptExecutor) driver).executeScript("""
				var width = window.innerWidth, widest = null, right = 0;
				document.querySelectorAll('body *').forEach(function (e) {
				  var box = e.getBoundingClientRect();
				  if (box.width > 0 && box.right + window.scrollX > right) {
				    right = box.right + window.scrollX; widest = e;
				  }
				});
				var name = widest ? widest.tagName.toLowerCase() + (widest.id ? '#' + widest.id : '')
				    + (widest.className && typeof widest.className === 'string'
				       ? '.' + widest.className.trim().split(/\\s+/).join('.') : '') : 'none';
				return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width,
				         widest: name, right: Math.round(right), beyond: right > width + 1 };""");
	}

	// ---- the photo

	/** Sent over the slow link (up included), as a village sends it. */
	private String photoOnline(Path photo, int latency, int down, int up) {
		String name = "Bench Foto Daring " + System.currentTimeMillis() % 100000;
		driver.get(base + "/laporan/baru");
		fill(name);
		driver.findElement(By.id("photo")).sendKeys(photo.toString());
		ready("online");
		throttle(latency, down, up);
		long started = System.nanoTime();
		try {
			press(driver.findElement(By.id("report-save")));
			Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(300))
					.until(() -> !driver.getCurrentUrl().endsWith("/laporan/baru") || refused() != null);
		}
		finally {
			unthrottle();
		}
		out.printf("online, over the slow link: the report's page came after %.1f s at %s%n",
				(System.nanoTime() - started) / 1e9, driver.getCurrentUrl().replace(base, ""));
		return storedPhoto(name);
	}

	private String photoThroughOutbox(Path photo) {
		String name = "Bench Foto Antrean " + System.currentTimeMillis() % 100000;
		driver.get(base + "/laporan/baru");
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
				.until(() -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
						.executeScript("return navigator.serviceWorker.controller !== null")));
		offline(true);
		try {
			fill(name);
			driver.findElement(By.id("photo")).sendKeys(photo.toString());
			ready("offline");
			press(driver.findElement(By.id("report-save")));
			Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
					.ignoreExceptions().until(() -> {
						String status = driver.findElement(By.id("outbox-status")).getText();
						return status.contains(name) || status.contains("menunggu") || refused() != null;
					});
			out.println("offline: " + outboxStatus());
		}
		catch (ConditionTimeoutException e) {
			out.println("offline: the outbox did not say it keeps the report; the page says: " + outboxStatus());
		}
		finally {
			offline(false);
		}
		try {
			Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
					.ignoreExceptions().until(() -> {
						String status = outboxStatus();
						return status.contains("terkirim") && !status.contains("menunggu")
								|| status.contains("ditolak") || status.contains("gagal");
					});
		}
		catch (ConditionTimeoutException e) {
			out.println("the outbox did not finish within 3 minutes");
		}
		String status = outboxStatus();
		out.println("back online: " + status);
		String stored = storedPhoto(name);
		return stored.equals("no report saved") && status.contains("ditolak")
				? "refused by the server (the outbox says: \"" + status + "\")" : stored;
	}

	/**
	 * Waits, as the user does, until the phone has shrunk the photo (js/photo.js keeps the send buttons disabled
	 * meanwhile) and says what it will send.
	 */
	private void ready(String how) {
		long started = System.nanoTime();
		Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
				.until(() -> driver.findElement(By.id("report-save")).isEnabled()
						&& !driver.findElement(By.id("photo-info")).getText().isBlank());
		out.printf("%s: the phone prepared the photo in %.1f s: %s%n", how, (System.nanoTime() - started) / 1e9,
				driver.findElement(By.id("photo-info")).getText());
	}

	private void press(WebElement button) {
		((JavascriptExecutor) driver).executeScript(
				"arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].click();", button);
	}

	private void fill(String name) {
		driver.findElement(By.id("namesAsHeard")).sendKeys(name);
		List<WebElement> nationality = driver.findElements(By.id("nationalityText"));
		if (!nationality.isEmpty()) {
			nationality.get(0).sendKeys("Vietnam");
		}
	}

	/** What the page says is wrong, the photo field's own message first; null when it says nothing. */
	private String refused() {
		List<String> said = new ArrayList<>();
		for (String selector : List.of("#photo ~ .invalid-feedback", ".invalid-feedback", "#form-errors",
				".alert-danger")) {
			driver.findElements(By.cssSelector(selector)).stream().filter(WebElement::isDisplayed)
					.map(e -> e.getText().replace('\n', ' ').strip()).filter(t -> !t.isBlank() && !said.contains(t))
					.forEach(said::add);
		}
		return said.isEmpty() ? null : String.join(" / ", said);
	}

	private String outboxStatus() {
		List<WebElement> status = driver.findElements(By.id("outbox-status"));
		return status.isEmpty() ? "(no outbox status)" : status.get(0).getText().replace('\n', ' ');
	}

	/** The size of the photo the server keeps for the report with this name, or why there is none. */
	private String storedPhoto(String name) {
		String refusal = refused();
		driver.get(base + "/laporan");
		Object id = ((JavascriptExecutor) driver).executeScript("""
				var name = arguments[0], found = null;
				document.querySelectorAll('a[href]').forEach(function (a) {
				  var m = a.getAttribute('href').match(/^\\/laporan\\/(\\d+)$/);
				  var box = a.closest('tr, li, .card, article') || a.parentElement;
				  if (m && !found && box && box.textContent.indexOf(name) >= 0) { found = m[1]; }
				});
				return found;""", name);
		if (id == null) {
			return refusal != null ? "refused (\"" + refusal.replace('\n', ' ') + "\")" : "no report saved";
		}
		Object size = ((JavascriptExecutor) driver).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch('/laporan/' + arguments[0] + '/foto', { credentials: 'same-origin' }).then(function (r) {
				  return r.ok ? r.arrayBuffer().then(function (b) { return b.byteLength; }) : -r.status;
				}).then(done, function () { done(-1); });""", id);
		long bytes = ((Number) size).longValue();
		return bytes > 0 ? kb(bytes) + " (report " + id + ")" : "report " + id + " saved without a photo";
	}

	/**
	 * A photo as a phone takes it: 4000 x 3000, noisy (so JPEG cannot make it small; about 12 MB at quality 0.965),
	 * with an EXIF block saying "rotate 90 degrees" (orientation 6), as a phone held upright writes it.
	 */
	static Path phonePhoto(Path file) throws IOException {
		int width = 4000;
		int height = 3000;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(17);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int base = (x * 255 / width) << 16 | (y * 255 / height) << 8 | 128;
				image.setRGB(x, y, base ^ random.nextInt(0x1000000) & 0x7f7f7f);
			}
		}
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(0.965f);
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(jpeg)) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		writer.dispose();
		Files.createDirectories(file.getParent());
		Files.write(file, withOrientation(jpeg.toByteArray(), 6));
		return file.toAbsolutePath();
	}

	/** The JPEG with its JFIF block replaced by an EXIF block holding only the orientation tag. */
	static byte[] withOrientation(byte[] jpeg, int orientation) {
		int rest = 2;
		if ((jpeg[2] & 0xff) == 0xff && (jpeg[3] & 0xff) == 0xe0) {
			rest = 4 + ((jpeg[4] & 0xff) << 8 | jpeg[5] & 0xff);
		}
		byte[] tiff = { 'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, first IFD at 8
				0, 1, // one entry
				0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
				0, 0, 0, 0 }; // no next IFD
		byte[] exif = new byte[6 + tiff.length];
		System.arraycopy(new byte[] { 'E', 'x', 'i', 'f', 0, 0 }, 0, exif, 0, 6);
		System.arraycopy(tiff, 0, exif, 6, tiff.length);
		int length = exif.length + 2;
		ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + length + 2);
		out.write(0xff);
		out.write(0xd8);
		out.write(0xff);
		out.write(0xe1);
		out.write(length >> 8);
		out.write(length & 0xff);
		out.writeBytes(exif);
		out.write(jpeg, rest, jpeg.length - rest);
		return out.toByteArray();
	}

	// ---- Chromium as a phone, and the app

	private static ChromeDriver chromium(Path profile) {
		Path chromium = Path.of(System.getenv().getOrDefault("PANTAU_CHROMIUM", "/usr/bin/chromium"));
		Path chromedriver = Path.of(System.getenv().getOrDefault("PANTAU_CHROMEDRIVER", "/usr/bin/chromedriver"));
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--lang=id", "--user-data-dir=" + profile);
		options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
				Map.of("width", 360, "height", 740, "pixelRatio", 2.0, "touch", true), "userAgent",
				"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile"
						+ " Safari/537.36"));
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "id"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
				.usingAnyFreePort().build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		return driver;
	}

	private void logIn(String user) {
		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
				.until(() -> !driver.getCurrentUrl().endsWith("/login"));
		if (driver.getCurrentUrl().contains("/login")) {
			throw new IllegalStateException("login of " + user + " did not reach the home page: "
					+ driver.getCurrentUrl());
		}
	}

	private record StartedApp(Process process, String url) {
	}

	private static StartedApp start(Path jar, Path data) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toString(), "--server.port=0", "--server.address=127.0.0.1").redirectErrorStream(true);
		builder.environment().put("PANTAU_DB_EMBEDDED_DATA_DIR", data.toString());
		builder.environment().remove("PANTAU_DB_URL");
		builder.directory(data.getParent().toFile());
		out.println("starting " + jar + " on a fresh data directory (demo data) ...");
		Process process = builder.start();
		CompletableFuture<String> ready = new CompletableFuture<>();
		Pattern address = Pattern.compile("(http://[^ /]+:\\d+)/");
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = process.inputReader()) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					Matcher m = address.matcher(line);
					if (line.contains("Pantau siap") && m.find()) {
						ready.complete(m.group(1));
					}
				}
			}
			catch (IOException e) {
				ready.completeExceptionally(e);
			}
			ready.completeExceptionally(new IllegalStateException("Pantau ended before it was ready"));
		}, "phone-app-output");
		reader.setDaemon(true);
		reader.start();
		try {
			return new StartedApp(process, ready.get(300, TimeUnit.SECONDS));
		}
		catch (TimeoutException e) {
			ColdStartBenchmark.stop(process);
			throw new IllegalStateException("Pantau was not ready within 300 s");
		}
	}

	private static String kb(long bytes) {
		return String.format("%,.1f KB", bytes / 1024.0);
	}
}
