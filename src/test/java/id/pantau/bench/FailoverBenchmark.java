package id.pantau.bench;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import id.pantau.identity.domain.Totp;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Failover under load, through the province's balancer ({@code deploy/province/up}): {@code -Dthreads} (8) clients,
 * each a user with one session (cookies kept, logged in as a person does, second factor included), drive a mix for
 * {@code -Dduration} (60 s): person searches and person pages (BPMPD), dashboards and the map's data (TIMPORA Polres,
 * Kesbangpol), village reports drafted and submitted over the API with a client key (two ohoi), open alerts
 * acknowledged (TIMPORA Lanal) and crossing files uploaded through the page (Imigrasi). At {@code -DkillInstanceAt}
 * (20 s) one Pantau instance is killed with SIGKILL, at {@code -DkillReplicaAt} (40 s) the replica's postmaster.
 * <p>
 * Every request's outcome is counted: answered as expected, session lost (sent to the login page, 401, or 403: these
 * users only ask for what their role may do, so a refusal means the server did not know their session or its CSRF
 * token), 5xx, connection failure or timeout, anything else. The requests in flight at each kill (started before it,
 * not answered by then, on any instance: the client cannot tell which instance holds a request before it answers)
 * are the ones whose failure is expected. Then nothing may be lost: every report, submission, acknowledgement and
 * upload that was answered as done must be in the primary database, and the matching of each uploaded batch (work the
 * background of one instance does) must be finished, whichever instance died. Prints the figures, writes them to
 * {@code target/bench/failover.properties}, and ends with {@code requests=N failed=M lost=L instances=K}. Never fails
 * on time. See bench/README.md.
 */
public final class FailoverBenchmark {

	enum Outcome {
		OK, SESSION_LOST, SERVER_ERROR, CONNECTION, OTHER
	}

	/** One HTTP request as the client saw it; times in nanoseconds since the start of the run. */
	record Call(String action, long start, long end, Outcome outcome, int status, String instance) {

		/** Sent before the process was gone and not answered when it was signalled. */
		boolean inFlightAt(long signalled, long gone) {
			return signalled >= 0 && start < gone && end > signalled;
		}
	}

	private static final String PASSWORD = "tual-demo-2026";
	private static final String DEMO_SECRET = "PANTAUDEMOKOTATUALMALUKUINDONESI";
	private static final Set<String> SECOND_FACTOR = Set.of("imigrasi", "kesbangpol", "admin");
	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
	private static final String JSON_ACCEPT = "application/json, application/problem+json";
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");
	private static final Pattern ALERT = Pattern.compile("\"id\"\\s*:\\s*(\\d+)[^{}]*?\"status\"\\s*:\\s*\"OPEN\"[^{}]*?"
			+ "\"version\"\\s*:\\s*(\\d+)");
	private static final Pattern LOGIN_PAGE = Pattern.compile("/login(\\?.*)?$");
	private static final Pattern REPORT_ID = Pattern.compile("^\\{\"id\"\\s*:\\s*(\\d+)");
	private static final String CROSSING_HEADER = "Arah;Waktu;TPI;Nomor Dokumen;Kewarganegaraan;Nama;Tanggal Lahir;"
			+ "Jenis Kelamin;Jenis Izin;Izin Berlaku Sampai;Alat Angkut";
	private static final String[] NAMES = { "AUNG KYAW", "MYO MYINT", "NGUYEN VAN HUNG", "SOMCHAI PRASERT",
			"THEIN WIN", "KO KO NAING", "TRAN VAN MINH", "HTET AUNG KYAW" };

	/** Who each client is and what it does, in turn: client i is ROLES[i % 8]. */
	private static final String[][] ROLES = { { "search", "bpmpd" }, { "person", "bpmpd" },
			{ "dashboard", "timpora.polres" }, { "report", "ohoi.fiditan" }, { "ack", "timpora.lanal" },
			{ "upload", "imigrasi" }, { "dashboard", "kesbangpol" }, { "report", "ohoi.taar" } };

	private final String base = System.getProperty("base", "http://127.0.0.1:18080");
	private final Duration duration = Duration.ofSeconds(Long.getLong("duration", 60));
	private final int threads = Integer.getInteger("threads", 8);
	private final long killInstanceAt = Long.getLong("killInstanceAt", 20);
	private final long killReplicaAt = Long.getLong("killReplicaAt", 40);
	private final long thinkMillis = Long.getLong("think", 200);
	private final Duration timeout = Duration.ofSeconds(Long.getLong("timeout", 30));
	private final Path victimPidFile = Path.of(System.getProperty("victimPid", "deploy/province/run/pids/pantau-2.pid"));
	private final Path replicaPidFile = Path.of(System.getProperty("replicaPid",
			"deploy/province/run/pg/replica/postmaster.pid"));
	private final List<Integer> instancePorts = List.of(System.getProperty("instancePorts", "18081,18082,18083")
			.split(",")).stream().map(String::strip).map(Integer::parseInt).toList();
	private final String dbUrl = System.getProperty("dbUrl", "jdbc:postgresql://127.0.0.1:55432/pantau");
	private final String dbUser = System.getProperty("dbUser", "pantau");
	private final Path dbPasswordFile = Path.of(System.getProperty("dbPasswordFile",
			"deploy/province/run/secrets/pantau-db.password"));
	private final Duration settle = Duration.ofSeconds(Long.getLong("settle", 90));
	private final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);

	private final long t0 = System.nanoTime();
	private final Instant startedAt = Instant.now();
	private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
	private final AtomicLong instanceKilledAt = new AtomicLong(-1);
	private final AtomicLong replicaKilledAt = new AtomicLong(-1);
	private final AtomicLong instanceGoneAt = new AtomicLong(-1);
	private final AtomicLong replicaGoneAt = new AtomicLong(-1);
	private volatile boolean stopping;
	private volatile String instanceKill = "not done";
	private volatile String replicaKill = "not done";

	/** What the server answered as done: to be found in the database afterwards. */
	private final Map<UUID, Boolean> reports = new ConcurrentHashMap<>(); // client key -> submitted as well
	private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
	private final Set<String> uploads = ConcurrentHashMap.newKeySet(); // file names answered with their job
	private final AtomicInteger logins = new AtomicInteger();
	private final AtomicInteger loginsFailed = new AtomicInteger();
	private final Map<String, Long> totpSteps = new HashMap<>();

	private List<Long> personIds = List.of();
	private List<String> personNames = List.of();

	public static void main(String[] args) throws Exception {
		new FailoverBenchmark().run();
	}

	private void run() throws Exception {
		System.out.printf("Pantau failover benchmark, %s, run %s%n", ZonedDateTime.now(ZoneOffset.UTC)
				.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")), run);
		System.out.printf("balancer %s, %d clients for %d s (think %d ms), SIGKILL of %s at %d s and of the replica's "
				+ "postmaster at %d s; load average %.2f%n", base, threads, duration.toSeconds(), thinkMillis,
				victimPidFile.getFileName(), killInstanceAt, killReplicaAt, BenchFigures.loadAverage());
		try (Connection db = database()) {
			loadPersons(db);
		}

		List<Thread> clients = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			String[] role = ROLES[i % ROLES.length];
			Client client = new Client(i, role[0], role[1]);
			Thread thread = new Thread(client::drive, "client-" + i + "-" + role[1]);
			thread.start();
			clients.add(thread);
		}
		Thread killer = new Thread(this::kills, "killer");
		killer.start();
		long end = t0 + duration.toNanos();
		while (System.nanoTime() < end) {
			Thread.sleep(Math.max(1, Math.min(1000, (end - System.nanoTime()) / 1_000_000)));
		}
		stopping = true;
		killer.interrupt();
		for (Thread client : clients) {
			client.join(timeout.toMillis() + 5000);
		}
		killer.join(5000);
		long measured = System.nanoTime() - t0;

		int up = instancesUp();
		Verification verified = verify();
		report(measured, up, verified);
	}

	// --- the kills ---------------------------------------------------------------------------------------------

	private void kills() {
		try {
			sleepUntil(killInstanceAt);
			instanceKill = kill(victimPidFile, instanceKilledAt, instanceGoneAt,
					"instance " + victimPidFile.getFileName().toString().replace(".pid", ""));
			sleepUntil(killReplicaAt);
			replicaKill = kill(replicaPidFile, replicaKilledAt, replicaGoneAt, "replica's postmaster");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void sleepUntil(long second) throws InterruptedException {
		long wait = t0 + Duration.ofSeconds(second).toNanos() - System.nanoTime();
		if (wait > 0) {
			Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
		}
	}

	/**
	 * SIGKILL of the process the pid file's first line names. The kill is a moment, not an instant: from the signal to
	 * the end of the process; a request started before its end and not answered at the signal was in flight.
	 */
	private String kill(Path pidFile, AtomicLong signalled, AtomicLong died, String what) {
		try {
			long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
			ProcessHandle process = ProcessHandle.of(pid).orElse(null);
			if (process == null) {
				return what + ": pid " + pid + " was not running";
			}
			signalled.set(System.nanoTime() - t0);
			boolean sent = process.destroyForcibly();
			// watched closely: a killed process not our child is a zombie until whoever adopted it reaps it, and
			// isAlive() and onExit() count that time too; gone is when it stopped running
			try {
				await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2)).until(() -> !running(pid));
			}
			catch (ConditionTimeoutException stillRunning) {
				// counted as gone at the signal, below
			}
			died.set(running(pid) ? signalled.get() : System.nanoTime() - t0);
			String done = String.format(Locale.ROOT, "%s (pid %d) SIGKILL at %.2f s, gone at %.2f s%s", what, pid,
					signalled.get() / 1e9, died.get() / 1e9, sent ? "" : " (refused)");
			System.out.println("  " + done);
			return done;
		}
		catch (IOException | RuntimeException e) {
			return what + ": not killed (" + e + ")";
		}
	}

	/** Whether the process runs: there, and not a zombie (the state after the command's name in /proc/PID/stat). */
	private static boolean running(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return !stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
		}
		catch (IOException e) {
			return false;
		}
	}

	// --- a client ------------------------------------------------------------------------------------------------

	private final class Client {

		private final int number;
		private final String action;
		private final String user;
		private final Random random;
		private HttpClient http;
		private String csrf;
		private int iteration;

		Client(int number, String action, String user) {
			this.number = number;
			this.action = action;
			this.user = user;
			this.random = new Random(2026L + number);
		}

		void drive() {
			// people do not all log in at the same millisecond (two logins of one account at once: see bench/README)
			pause(250L * number);
			boolean signedIn = false;
			while (!stopping) {
				if (!signedIn) {
					signedIn = login();
					if (!signedIn) {
						pause(1000);
						continue;
					}
				}
				Outcome outcome = switch (action) {
					case "search" -> search();
					case "person" -> person();
					case "dashboard" -> dashboard();
					case "report" -> report();
					case "ack" -> acknowledge();
					default -> upload();
				};
				iteration++;
				if (outcome == Outcome.SESSION_LOST) {
					signedIn = false; // logs in again, as a person sent to the login page does
				}
				pause(thinkMillis);
			}
		}

		private void pause(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				stopping = true;
			}
		}

		/**
		 * The login form, then the second factor's code where the role needs one, then the first page (for the CSRF
		 * token the API wants); a fresh session each time. Its requests count like any other.
		 */
		private boolean login() {
			http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
					.followRedirects(HttpClient.Redirect.NEVER).build();
			logins.incrementAndGet();
			Result page = send("login page", get("/login"), 200);
			String token = token(page.body());
			Result answer = page.outcome() != Outcome.OK || token == null ? page
					: send("login password", form("/login", Map.of("username", user, "password", PASSWORD, "_csrf",
							token)), 302);
			if (answer.outcome() == Outcome.OK && answer.location().endsWith("/login/kode")) {
				String code = totp(user);
				Result codePage = code == null ? answer : send("login code page", get("/login/kode"), 200);
				String codeToken = token(codePage.body());
				answer = codePage.outcome() != Outcome.OK || codeToken == null ? codePage
						: send("login code", form("/login/kode", Map.of("code", code, "_csrf", codeToken)), 302);
				if (code == null) {
					answer = null; // no fresh code yet: try again in a moment
				}
			}
			if (answer != null && answer.outcome() == Outcome.OK && !answer.location().contains("/login")) {
				answer = send("login first page", get("/"), 200);
				csrf = answer.outcome() == Outcome.OK ? token(answer.body()) : null;
				if (csrf != null) {
					return true;
				}
			}
			loginsFailed.incrementAndGet();
			return false;
		}

		private Outcome search() {
			String name = personNames.isEmpty() ? NAMES[random.nextInt(NAMES.length)]
					: personNames.get(random.nextInt(personNames.size()));
			return send("search", get("/orang-asing?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)), 200)
					.outcome();
		}

		private Outcome person() {
			if (personIds.isEmpty()) {
				return send("person list", get("/orang-asing"), 200).outcome();
			}
			return send("person", get("/orang-asing/" + personIds.get(random.nextInt(personIds.size()))), 200)
					.outcome();
		}

		private Outcome dashboard() {
			return iteration % 5 == 4 ? send("map data", get("/peta/data"), 200).outcome()
					: send("dashboard", get("/"), 200).outcome();
		}

		/** A draft with a client key, then its submission at the version the draft was answered with. */
		private Outcome report() {
			UUID key = UUID.randomUUID();
			String body = String.format(Locale.ROOT, """
					{"clientKey": "%s", "namesAsHeard": "FAILOVER %s %d %d", "nationalityText": "Myanmar",
					 "sex": "M", "ageOrBirth": "34", "stayingAt": "rumah nelayan", "activity": "nelayan",
					 "note": "bench/failover"}""", key, run, number, iteration);
			Result created = send("report draft", json("POST", "/api/v1/reports", body, null), 200, 201);
			if (created.outcome() != Outcome.OK) {
				return created.outcome();
			}
			reports.put(key, false);
			Matcher id = REPORT_ID.matcher(created.body());
			if (!id.find()) {
				return Outcome.OTHER;
			}
			Result submitted = send("report submit", json("POST", "/api/v1/reports/" + id.group(1) + "/submit", null,
					created.etag()), 200);
			if (submitted.outcome() == Outcome.OK) {
				reports.put(key, true);
			}
			return submitted.outcome();
		}

		/** The first open alert in the list, acknowledged at the version the list showed. */
		private Outcome acknowledge() {
			Result list = send("alert list", json("GET", "/api/v1/alerts?status=OPEN&sort=oldest", null, null), 200);
			if (list.outcome() != Outcome.OK) {
				return list.outcome();
			}
			Matcher open = ALERT.matcher(list.body());
			while (open.find()) {
				long id = Long.parseLong(open.group(1));
				if (acknowledged.contains(id)) {
					continue;
				}
				Result done = send("alert ack", json("POST", "/api/v1/alerts/" + id + "/acknowledgement", null,
						"\"" + open.group(2) + "\""), 200);
				if (done.outcome() == Outcome.OK) {
					acknowledged.add(id);
				}
				return done.outcome();
			}
			return Outcome.OK; // none left open: the list was the work
		}

		/** Every third turn a small crossing file through the upload page, then its progress page; else the list. */
		private Outcome upload() {
			if (iteration % 3 != 0) {
				return send("crossing list", get("/perlintasan"), 200).outcome();
			}
			String file = "failover-" + run + "-" + number + "-" + iteration + ".csv";
			StringBuilder csv = new StringBuilder(CROSSING_HEADER).append('\n');
			for (int row = 0; row < 3; row++) {
				csv.append(String.format(Locale.ROOT, "MASUK;2026-%02d-%02d 10:%02d;TUAL-LAUT;FO%s%d%02d%d;MMR;%s;;;;;%n",
						1 + random.nextInt(11), 1 + random.nextInt(28), row, run, number, iteration % 100, row,
						NAMES[random.nextInt(NAMES.length)]));
			}
			Result posted = send("crossing upload", multipart("/perlintasan/impor", file, csv.toString()), 302);
			if (posted.outcome() != Outcome.OK) {
				return posted.outcome();
			}
			if (!posted.location().contains("/perlintasan/impor/")) {
				return record("crossing upload", posted.call().start(), Outcome.OTHER, 302, posted.call().instance())
						.outcome();
			}
			uploads.add(file);
			return send("upload progress", get(URI.create(posted.location()).getPath()), 200).outcome();
		}

		// --- requests --------------------------------------------------------------------------------------------

		private HttpRequest.Builder get(String path) {
			return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", BROWSER_ACCEPT).GET();
		}

		private HttpRequest.Builder form(String path, Map<String, String> fields) {
			String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
					+ "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
			return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", BROWSER_ACCEPT)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body));
		}

		private HttpRequest.Builder json(String method, String path, String body, String ifMatch) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", JSON_ACCEPT)
					.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofString(body));
			if (body != null) {
				request.header("Content-Type", "application/json");
			}
			if (!method.equals("GET")) {
				request.header("X-CSRF-TOKEN", csrf);
			}
			if (ifMatch != null) {
				request.header("If-Match", ifMatch);
			}
			return request;
		}

		private HttpRequest.Builder multipart(String path, String fileName, String content) {
			String boundary = "failover" + UUID.randomUUID().toString().replace("-", "");
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("basis", "Surat uji failover " + run);
			fields.put("origin", "SIMKIM");
			StringBuilder text = new StringBuilder();
			fields.forEach((name, value) -> text.append("--").append(boundary).append("\r\n")
					.append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value)
					.append("\r\n"));
			text.append("--").append(boundary).append("\r\n").append("Content-Disposition: form-data; name=\"file\"; ")
					.append("filename=\"").append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n")
					.append(content).append("\r\n--").append(boundary).append("--\r\n");
			body.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
			return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", BROWSER_ACCEPT)
					.header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-TOKEN", csrf)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		}

		private Result send(String name, HttpRequest.Builder request, int... expected) {
			long start = System.nanoTime() - t0;
			HttpResponse<String> response;
			try {
				response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException e) {
				return record(name, start, Outcome.CONNECTION, 0, "");
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				stopping = true;
				return record(name, start, Outcome.CONNECTION, 0, "");
			}
			int status = response.statusCode();
			String instance = response.headers().firstValue("X-Pantau-Instance").orElse("");
			Outcome outcome = outcome(status, location(response), expected);
			Result result = record(name, start, outcome, status, instance);
			return new Result(result.call(), response.body(), response.headers().firstValue("ETag").orElse(null),
					location(response));
		}

		private Result record(String name, long start, Outcome outcome, int status, String instance) {
			Call call = new Call(name, start, System.nanoTime() - t0, outcome, status, instance);
			calls.add(call);
			return new Result(call, "", null, "");
		}
	}

	private record Result(Call call, String body, String etag, String location) {

		Outcome outcome() {
			return call.outcome();
		}
	}

	/**
	 * What an answer means to the user: what the request was for (an expected status), a session lost (sent to the
	 * login page itself, not to its second-factor step; 401; 403, since these users ask only for what they may), a
	 * server error, or something else.
	 */
	static Outcome outcome(int status, String location, int... expected) {
		boolean toLoginPage = status / 100 == 3 && LOGIN_PAGE.matcher(location).find();
		if (Arrays.stream(expected).anyMatch(e -> e == status) && !toLoginPage) {
			return Outcome.OK;
		}
		if (status == 401 || status == 403 || toLoginPage) {
			return Outcome.SESSION_LOST;
		}
		return status >= 500 ? Outcome.SERVER_ERROR : Outcome.OTHER;
	}

	private static String token(String page) {
		if (page == null) {
			return null;
		}
		Matcher m = CSRF.matcher(page);
		return m.find() ? m.group(1) : null;
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	/** The authenticator's code: a step not used by this account yet (the server takes each code once). */
	private synchronized String totp(String user) {
		if (!SECOND_FACTOR.contains(user)) {
			return null;
		}
		long now = Instant.now().getEpochSecond() / Totp.STEP_SECONDS;
		long step = Math.max(now, totpSteps.getOrDefault(user, Long.MIN_VALUE) + 1);
		if (step > now + Totp.WINDOW) {
			return null; // wait for the next code, as a person does
		}
		totpSteps.put(user, step);
		return Totp.code(DEMO_SECRET, Instant.ofEpochSecond(step * Totp.STEP_SECONDS));
	}

	// --- afterwards ----------------------------------------------------------------------------------------------

	private int instancesUp() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		int up = 0;
		for (int port : instancePorts) {
			try {
				HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
						+ "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
				up += health.statusCode() == 200 ? 1 : 0;
			}
			catch (IOException e) {
				// down
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return up;
	}

	record Verification(int reportsLost, int submissionsLost, int acksLost, int uploadsLost, int uploadsImported,
			int batchesMatched, Map<String, Long> eventsLeft) {

		int lost() {
			return reportsLost + submissionsLost + acksLost + uploadsLost;
		}
	}

	/** Everything answered as done is in the primary; the uploads' imports and matching given time to finish. */
	private Verification verify() throws IOException, SQLException {
		try (Connection db = database()) {
			Map<String, String> states = new HashMap<>();
			try (ResultSet rows = query(db, "select client_key::text, state from village_report "
					+ "where client_key = any(?::uuid[])", reports.keySet().stream().map(UUID::toString).toList())) {
				while (rows.next()) {
					states.put(rows.getString(1), rows.getString(2));
				}
			}
			int reportsLost = 0;
			int submissionsLost = 0;
			for (Map.Entry<UUID, Boolean> report : reports.entrySet()) {
				String state = states.get(report.getKey().toString());
				if (state == null) {
					reportsLost++;
				}
				else if (report.getValue() && state.equals("DRAFT")) {
					submissionsLost++;
				}
			}
			int acksLost = 0;
			try (ResultSet rows = query(db, "select count(*) from alert where id = any(?::bigint[]) and status = 'OPEN'",
					acknowledged.stream().map(String::valueOf).toList())) {
				rows.next();
				acksLost = rows.getInt(1);
			}
			// an upload answered with its job is imported in the background: wait for it, then for its matching
			Map<String, Long> batches = waitFor(() -> batches(db), uploads.size());
			List<String> batchIds = batches.values().stream().map(String::valueOf).toList();
			int matched = waitFor(() -> matched(db, batchIds), batchIds.size()).size();
			Map<String, Long> eventsLeft = new TreeMap<>();
			try (PreparedStatement statement = db.prepareStatement("select listener_id, count(*) from event_publication"
					+ " where completion_date is null and publication_date >= ? group by listener_id")) {
				statement.setTimestamp(1, Timestamp.from(startedAt));
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						// id.pantau.matching.domain.MatchingTriggers.on(id.pantau.crossings.CrossingsImported)
						String listener = rows.getString(1);
						String event = listener.substring(listener.lastIndexOf('.') + 1).replace(")", "");
						String method = listener.substring(0, Math.max(0, listener.indexOf('(')));
						String owner = method.substring(0, Math.max(0, method.lastIndexOf('.')));
						eventsLeft.put(event + " -> " + owner.substring(owner.lastIndexOf('.') + 1)
								+ method.substring(method.lastIndexOf('.')), rows.getLong(2));
					}
				}
			}
			return new Verification(reportsLost, submissionsLost, acksLost, uploads.size() - batches.size(),
					batches.size(), matched, eventsLeft);
		}
	}

	private Map<String, Long> batches(Connection db) {
		Map<String, Long> found = new HashMap<>();
		try (ResultSet rows = query(db, "select file_name, id from import_batch where file_name = any(?::text[])",
				List.copyOf(uploads))) {
			while (rows.next()) {
				found.put(rows.getString(1), rows.getLong(2));
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		return found;
	}

	private Map<String, Long> matched(Connection db, List<String> batchIds) {
		Map<String, Long> found = new HashMap<>();
		try (ResultSet rows = query(db, "select batch_id from match_batch where batch_id = any(?::bigint[])", batchIds)) {
			while (rows.next()) {
				found.put(rows.getString(1), rows.getLong(1));
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		return found;
	}

	/** Asks again every second until the answer has all it should or {@code -Dsettle} (90 s) has passed. */
	private <T> Map<String, T> waitFor(Supplier<Map<String, T>> ask, int expected) {
		try {
			return await().atMost(settle).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
					.until(ask::get, found -> found.size() >= expected);
		}
		catch (ConditionTimeoutException incomplete) {
			return ask.get(); // what has arrived by then; the rest is counted as lost
		}
	}

	private static ResultSet query(Connection db, String sql, Collection<String> values) throws SQLException {
		PreparedStatement statement = db.prepareStatement(sql);
		statement.closeOnCompletion();
		Array array = db.createArrayOf("text", values.toArray());
		statement.setArray(1, array);
		return statement.executeQuery();
	}

	private Connection database() throws IOException, SQLException {
		return DriverManager.getConnection(dbUrl, dbUser, Files.readString(dbPasswordFile).strip());
	}

	private void loadPersons(Connection db) throws SQLException {
		List<Long> ids = new ArrayList<>();
		List<String> names = new ArrayList<>();
		try (PreparedStatement statement = db.prepareStatement(
				"select id, primary_name from person where region_code is null or region_code like '81.72.%' "
						+ "order by id limit 300"); // those BPMPD Kota Tual may open: a province holds others
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				ids.add(rows.getLong(1));
				names.add(rows.getString(2));
			}
		}
		personIds = List.copyOf(ids);
		personNames = List.copyOf(names);
	}

	// --- the figures ---------------------------------------------------------------------------------------------

	private void report(long measured, int up, Verification verified) {
		List<Call> all = List.copyOf(calls);
		long instanceAt = instanceKilledAt.get();
		long instanceGone = instanceGoneAt.get();
		long replicaAt = replicaKilledAt.get();
		long replicaGone = replicaGoneAt.get();
		long failed = all.stream().filter(c -> c.outcome() != Outcome.OK).count();
		Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
		all.forEach(c -> byOutcome.merge(c.outcome(), 1L, Long::sum));
		List<Call> inFlightInstance = all.stream().filter(c -> c.inFlightAt(instanceAt, instanceGone)).toList();
		List<Call> inFlightReplica = all.stream().filter(c -> c.inFlightAt(replicaAt, replicaGone)).toList();
		List<Call> failures = all.stream().filter(c -> c.outcome() != Outcome.OK).toList();
		// the failures a kill explains: no answer or a gateway error, for a request in flight at that kill
		long failedInFlight = failures.stream()
				.filter(c -> c.outcome() == Outcome.CONNECTION || c.outcome() == Outcome.SERVER_ERROR)
				.filter(c -> c.inFlightAt(instanceAt, instanceGone) || c.inFlightAt(replicaAt, replicaGone)).count();
		long sessionLost = byOutcome.getOrDefault(Outcome.SESSION_LOST, 0L);
		long failedOtherwise = failed - failedInFlight - sessionLost;

		System.out.println();
		System.out.println("kills: " + instanceKill + "; " + replicaKill);
		System.out.printf(Locale.ROOT, "requests: %d in %.1f s (%.1f req/s); logins %d, of which %d failed%n", all.size(),
				measured / 1e9, all.size() / (measured / 1e9), logins.get(), loginsFailed.get());
		System.out.println("outcomes: " + byOutcome);
		List<Call> loginCalls = all.stream().filter(c -> c.action().startsWith("login")).toList();
		System.out.printf("of which login steps: %d (%d failed: %s)%n", loginCalls.size(),
				loginCalls.stream().filter(c -> c.outcome() != Outcome.OK).count(),
				describe(loginCalls.stream().filter(c -> c.outcome() != Outcome.OK).toList()));
		System.out.println("by phase (before the instance kill / until the replica kill / after):");
		long[] bounds = { 0, instanceAt < 0 ? Long.MAX_VALUE : instanceAt, replicaAt < 0 ? Long.MAX_VALUE : replicaAt,
				Long.MAX_VALUE };
		for (int phase = 0; phase < 3; phase++) {
			long from = bounds[phase];
			long to = bounds[phase + 1];
			List<Call> in = all.stream().filter(c -> c.start() >= from && c.start() < to).toList();
			Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
			in.forEach(c -> outcomes.merge(c.outcome(), 1L, Long::sum));
			Map<String, Long> instances = new TreeMap<>();
			in.stream().filter(c -> !c.instance().isEmpty()).forEach(c -> instances.merge(c.instance(), 1L, Long::sum));
			System.out.printf("  phase %d: %d requests %s, answered by %s%n", phase + 1, in.size(), outcomes, instances);
		}
		System.out.printf("in flight at the instance kill: %d (on any instance), of which failed %d: %s%n",
				inFlightInstance.size(), inFlightInstance.stream().filter(c -> c.outcome() != Outcome.OK).count(),
				describe(inFlightInstance.stream().filter(c -> c.outcome() != Outcome.OK).toList()));
		System.out.printf("in flight at the replica kill: %d, of which failed %d: %s%n", inFlightReplica.size(),
				inFlightReplica.stream().filter(c -> c.outcome() != Outcome.OK).count(),
				describe(inFlightReplica.stream().filter(c -> c.outcome() != Outcome.OK).toList()));
		System.out.printf("failed: %d = %d without an answer (connection, 5xx) in flight at a kill + %d session lost"
				+ " + %d other%n", failed, failedInFlight, sessionLost, failedOtherwise);
		System.out.println("failures by request: " + describe(failures));
		failures.stream().filter(c -> c.outcome() != Outcome.SESSION_LOST).limit(20)
				.forEach(c -> System.out.printf(Locale.ROOT, "  %s: sent at %.3f s, %s at %.3f s%s%n", c.action(),
						c.start() / 1e9, c.status() == 0 ? "no answer" : "answered " + c.status(), c.end() / 1e9,
						c.instance().isEmpty() ? "" : " by " + c.instance()));
		System.out.printf("done and checked in the primary: %d reports drafted (%d submitted), %d alerts acknowledged, "
				+ "%d uploads answered with their job%n", reports.size(),
				reports.values().stream().filter(Boolean::booleanValue).count(), acknowledged.size(), uploads.size());
		System.out.printf("lost: %d reports, %d submissions, %d acknowledgements, %d uploads (not imported within %d s)%n",
				verified.reportsLost(), verified.submissionsLost(), verified.acksLost(), verified.uploadsLost(),
				settle.toSeconds());
		System.out.printf("background work: %d of %d imported batches matched; events not completed since the start: "
				+ "%s%n", verified.batchesMatched(), verified.uploadsImported(),
				verified.eventsLeft().isEmpty() ? "none" : verified.eventsLeft());
		System.out.printf("instances answering their health check after the run: %d of %d%n", up,
				instancePorts.size());

		BenchFigures.of("failover").put("run", run).put("clients", threads).put("duration_s", duration.toSeconds())
				.put("requests", all.size()).put("failed", failed).put("session_lost", sessionLost)
				.put("server_errors", byOutcome.getOrDefault(Outcome.SERVER_ERROR, 0L))
				.put("connection_failures", byOutcome.getOrDefault(Outcome.CONNECTION, 0L))
				.put("other_failures", byOutcome.getOrDefault(Outcome.OTHER, 0L))
				.put("in_flight_instance_kill", inFlightInstance.size())
				.put("in_flight_replica_kill", inFlightReplica.size()).put("failed_in_flight", failedInFlight)
				.put("failed_otherwise", failedOtherwise)
				.put("logins", logins.get()).put("logins_failed", loginsFailed.get()).put("reports", reports.size())
				.put("acknowledged", acknowledged.size()).put("uploads", uploads.size()).put("lost", verified.lost())
				.put("batches_matched", verified.batchesMatched()).put("batches_imported", verified.uploadsImported())
				.put("events_left", verified.eventsLeft().values().stream().mapToLong(Long::longValue).sum())
				.put("instances_up", up).write();
		System.out.println("start the killed instance and the replica again: deploy/province/up");
		System.out.printf("requests=%d failed=%d lost=%d instances=%d%n", all.size(), failed, verified.lost(), up);
	}

	/** "action status outcome x count" for a list of calls, most frequent first. */
	private static String describe(List<Call> some) {
		if (some.isEmpty()) {
			return "none";
		}
		Map<String, Long> counted = some.stream().collect(Collectors.groupingBy(
				c -> c.action() + " " + (c.status() == 0 ? "no answer" : c.status()) + " " + c.outcome(),
				TreeMap::new, Collectors.counting()));
		return counted.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
	}
}
