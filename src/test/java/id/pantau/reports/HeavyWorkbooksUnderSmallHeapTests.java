package id.pantau.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import id.pantau.PantauApplication;
import id.pantau.WebSession;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 2: a few small workbooks that unpack to much stopped the server. Pantau runs here as its own process
 * under {@code -Xmx512m} (as it may run on a small machine) with its embedded database; BPMPD sends, all at once,
 * several workbooks of about a megabyte each that unpack to about 19 MB of sheet (below the 2 MB and 20 MB limits the
 * import had), each answered with a clear message; afterwards the server still answers: its health, and an ordinary
 * import of one row.
 */
class HeavyWorkbooksUnderSmallHeapTests {

	private static final int PARALLEL = 5;
	private static final int ROWS = 52_000;
	private static final String FIDITAN = "81.72.01.2001";

	@TempDir
	Path folder;

	private Process pantau;

	@AfterEach
	void stop() throws InterruptedException {
		if (pantau != null) {
			pantau.destroy();
			if (!pantau.waitFor(30, TimeUnit.SECONDS)) {
				pantau.destroyForcibly();
			}
		}
	}

	@Test
	void severalHeavyWorkbooksAtOnceAreAnsweredAndTheServerKeepsAnswering() throws Exception {
		Path heavy = heavyWorkbook(folder.resolve("berat.xlsx"));
		assertThat(Files.size(heavy)).as("small enough to pass the upload limit").isBetween(512L << 10, 2L << 20);
		assertThat(unpacked(heavy)).as("unpacks to less than the 20 MB the import checked")
				.isBetween(15L << 20, 20L << 20);
		int port = freePort();
		Path log = folder.resolve("pantau.log");
		pantau = start(port, log);
		awaitHealth(port, Duration.ofSeconds(180));
		String month = YearMonth.now().toString();

		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		ExecutorService senders = Executors.newFixedThreadPool(PARALLEL);
		try {
			byte[] file = Files.readAllBytes(heavy);
			for (int i = 0; i < PARALLEL; i++) {
				// each its own session of the same BPMPD account, as several tabs or colleagues would send
				WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");
				answers.add(senders.submit(() -> upload(bpmpd, month, file)));
			}
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get(5, TimeUnit.MINUTES);
				assertThat(response.statusCode()).as(tail(log)).isEqualTo(200);
				assertThat(response.body()).contains("terlalu banyak baris");
			}
		}
		finally {
			senders.shutdownNow();
		}

		assertThat(health(port)).as("health after the uploads; " + tail(log)).isEqualTo(200);
		WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");
		byte[] small = Files.readAllBytes(smallWorkbook(folder.resolve("kecil.xlsx")));
		HttpResponse<String> ordinary = upload(bpmpd, month, small);
		assertThat(ordinary.statusCode()).isEqualTo(200);
		assertThat(ordinary.body()).contains("1 baris dibaca");
		assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
	}

	private static HttpResponse<String> upload(WebSession session, String month, byte[] file) {
		String boundary = "----pantau" + System.nanoTime();
		StringBuilder head = new StringBuilder();
		head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"villageCode\"\r\n\r\n")
				.append(FIDITAN).append("\r\n");
		head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"month\"\r\n\r\n")
				.append(month).append("\r\n");
		head.append("--").append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"laporan.xlsx\"\r\n")
				.append("Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[start.length + file.length + end.length];
		System.arraycopy(start, 0, body, 0, start.length);
		System.arraycopy(file, 0, body, start.length, file.length);
		System.arraycopy(end, 0, body, start.length + file.length, end.length);
		return session.postBody("/laporan/impor", "multipart/form-data; boundary=" + boundary, body);
	}

	/**
	 * About a megabyte that unpacks to about 19 MB: a header, then 52,000 rows of ten small numbers (numbers, so
	 * that the sheet itself, not a table of shared strings, is large, as in the probe's file).
	 */
	static Path heavyWorkbook(Path file) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		try (workbook; OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Laporan");
			Row header = sheet.createRow(0);
			String[] headers = { "nama", "kewarganegaraan", "jenis_kelamin", "umur_atau_tanggal_lahir",
					"nomor_dokumen", "tinggal_di", "kegiatan", "majikan_atau_kapal", "sejak", "catatan" };
			for (int c = 0; c < headers.length; c++) {
				header.createCell(c).setCellValue(headers[c]);
			}
			java.util.Random random = new java.util.Random(16);
			for (int r = 1; r <= ROWS; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < 10; c++) {
					// some noise, so that it compresses about as well as a real sheet (POI refuses above 100:1)
					row.createCell(c).setCellValue(c < 3 ? random.nextInt(100) : (r + c) % 10);
				}
			}
			workbook.write(out);
		}
		finally {
			workbook.dispose();
		}
		return file;
	}

	private static Path smallWorkbook(Path file) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		try (workbook; OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Laporan");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("nama");
			header.createCell(1).setCellValue("kewarganegaraan");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("Aung " + System.nanoTime());
			row.createCell(1).setCellValue("Myanmar");
			workbook.write(out);
		}
		finally {
			workbook.dispose();
		}
		return file;
	}

	private Process start(int port, Path log) throws IOException {
		List<String> line = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				PantauApplication.class.getName(), "--server.port=" + port,
				"--pantau.db.embedded.data-dir=" + folder.resolve("data"), "--pantau.demo=true",
				// all five at once, so that it is the streaming that keeps memory bounded, not the bound on imports
				"--pantau.imports.per-user=" + PARALLEL, "--pantau.imports.overall=" + PARALLEL);
		return new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private void awaitHealth(int port, Duration patience) {
		await("Pantau healthy").atMost(patience).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(pantau.isAlive()).as("Pantau stopped while starting").isTrue();
			return health(port) == 200;
		});
	}

	private static int health(int port) {
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding())
					.statusCode();
		}
		catch (IOException e) {
			return -1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static long unpacked(Path file) throws IOException {
		long total = 0;
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
			for (var entries = zip.entries(); entries.hasMoreElements();) {
				try (var in = zip.getInputStream(entries.nextElement())) {
					total += in.transferTo(OutputStream.nullOutputStream());
				}
			}
		}
		return total;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) {
		try {
			String text = Files.readString(log);
			return "log: " + text.substring(Math.max(0, text.length() - 3000));
		}
		catch (IOException e) {
			return "no log";
		}
	}
}
