package id.pantau.bench;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import id.pantau.PantauApplication;
import id.pantau.demodata.RegistryPopulation;
import id.pantau.WebSession;
import id.pantau.registry.PersonStatus;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load on the web application: Pantau with its web server on loopback and a registry of {@code -Dpersons} (100,000)
 * generated persons ({@link RegistryPopulation}), a BPMPD officer (city-wide read access, no second factor) logged in,
 * and {@code wrk} with {@code -Dconnections} (50) connections for {@code -Dduration} (5m) sending a mix of reads with the
 * officer's session cookie: 40 % person pages (each one audited, as in real use), 30 % name searches, 30 % list pages
 * with and without filters. Prints requests per second, latency percentiles (p50, p90, p95, p99), and every answer
 * that is not 200 (5xx counted apart). Never fails on time. See bench/README.md.
 * <p>
 * {@code -Dmix=search} sends name and document searches only (as the BPMPD officer); {@code -Dmix=dashboard} the home
 * page with its figures and the map's data only, as a TIMPORA member of the city (who also sees crossings per month,
 * without a second factor), over {@code -Dcrossings} (10 per person) generated crossings, 5,000 alerts and 20,000
 * village reports. The figures, with the app's peak heap under load, go to {@code target/bench/load-MIX.properties}.
 */
public final class LoadBenchmark {

	private LoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		PrintStream out = System.out;
		int persons = Integer.getInteger("persons", 100_000);
		int connections = Integer.getInteger("connections", 50);
		int threads = Integer.getInteger("threads", 2);
		String duration = System.getProperty("duration", "5m");
		long seed = Long.getLong("seed", 2026);
		String wrk = System.getProperty("wrk", "wrk");
		String mix = System.getProperty("mix", "all");
		int crossings = Integer.getInteger("crossings", mix.equals("dashboard") ? persons * 10 : 0);
		String user = System.getProperty("user", mix.equals("dashboard") ? "timpora.polres" : "bpmpd");

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PantauApplication.class)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.properties("pantau.db.embedded.ephemeral=true", "pantau.command=serve", "pantau.demo=true",
						"logging.level.root=WARN")
				.run(withLoopbackPort(args))) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			DataSource dataSource = context.getBean(DataSource.class);
			RegistryPopulation population = new RegistryPopulation(seed, LocalDate.now(ZoneOffset.UTC), Instant.now());
			long started = System.nanoTime();
			RegistryPopulation.Counts counts = population.load(dataSource, persons);
			if (crossings > 0) {
				dashboardData(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class), crossings);
			}
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("vacuum analyze");
			}
			out.printf("Pantau load benchmark, %s%n", ZonedDateTime.now(ZoneOffset.UTC)
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
			out.printf("machine: %d cores, Java %s, heap max %d MB; registry: %d persons loaded in %.1f s%n",
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					Runtime.getRuntime().maxMemory() >> 20, persons, (System.nanoTime() - started) / 1e9);
			out.println("data: " + counts + (crossings > 0 ? ", " + crossings + " crossings" : ""));

			WebSession officer = WebSession.loggedIn(port, user);
			List<String> paths = switch (mix) {
				case "search" -> searchPaths(population.generated(), new Random(seed + 7));
				case "dashboard" -> dashboardPaths(new Random(seed + 7));
				default -> paths(population.generated(), new Random(seed + 7));
			};
			out.printf("mix: %s, as %s%n", mix, user);
			Path script = Path.of("target/bench-load.lua");
			Files.createDirectories(script.getParent());
			Files.writeString(script, lua(officer.sessionId(), paths));

			List<String> command = List.of(wrk, "-t" + threads, "-c" + connections, "-d" + duration, "--timeout", "10s",
					"--latency", "-s", script.toString(), "http://127.0.0.1:" + port + "/");
			List<String> curve = warmUp(command, out);
			out.println("running: " + String.join(" ", command));
			double loadBefore = BenchFigures.loadAverage();
			long postmaster = postmaster(dataSource);
			long appCpuBefore = appCpuNanos();
			long databaseCpuBefore = databaseCpuTicks(postmaster);
			System.gc();
			List<String> lines = new ArrayList<>();
			int exit;
			long peakHeap;
			try (BenchFigures.HeapPeak heap = new BenchFigures.HeapPeak()) {
				Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
				try (var reader = process.inputReader()) {
					for (String line = reader.readLine(); line != null; line = reader.readLine()) {
						out.println(line);
						lines.add(line);
					}
				}
				exit = process.waitFor();
				peakHeap = heap.peakBytes();
			}
			long appCpu = appCpuNanos() - appCpuBefore;
			long databaseCpu = (databaseCpuTicks(postmaster) - databaseCpuBefore) * 10_000_000L;
			out.printf("load average after the run: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
			long answered = answered(lines);
			if (answered > 0) {
				// CPU spent per answer does not depend on how many other processes share the cores, unlike req/s
				out.printf("CPU per request: app JVM %.1f ms, PostgreSQL %.1f ms (%d requests; GC and JIT included)%n",
						appCpu / 1e6 / answered, databaseCpu / 1e6 / answered, answered);
			}
			out.printf("peak heap of the app under load: %d MB (heap max %d MB)%n", peakHeap >> 20,
					Runtime.getRuntime().maxMemory() >> 20);
			if (exit != 0) {
				out.println("wrk exited with " + exit + " (is wrk installed? apt-get install -y wrk)");
			}
			figures(mix, user, persons, crossings, connections, duration, lines, peakHeap, loadBefore, curve);
		}
	}

	private static final java.util.regex.Pattern REQUESTS = java.util.regex.Pattern.compile(
			"requests: (\\d+) in ([\\d.]+) s = ([\\d.]+) req/s; socket errors: connect (\\d+), read (\\d+), write (\\d+),"
					+ " timeout (\\d+)");
	private static final java.util.regex.Pattern LATENCY = java.util.regex.Pattern.compile(
			"latency ms: p50 ([\\d.]+), p90 ([\\d.]+), p95 ([\\d.]+), p99 ([\\d.]+), max ([\\d.]+)");
	private static final java.util.regex.Pattern ERRORS = java.util.regex.Pattern.compile(
			"5xx: (\\d+); other non-200: (\\d+)");

	/**
	 * How long the load runs before it is measured: {@code -Dwarmup}, 8 minutes unless told. On two cores under full
	 * load the JIT compiles the request path for minutes (its threads share the cores with the requests): the search
	 * mix answered 48 pages a second in its first 20 s, 83 to 88 from the first to the fourth minute and 115 to 120
	 * from the seventh on (bench/README.md). A shorter warm-up measures the compiler, not the server.
	 */
	private static String warmup() {
		return System.getProperty("warmup", "8m");
	}

	/**
	 * Runs the load for the warm-up in windows of 30 s (or less), printing each window's requests per second: the
	 * curve shows whether the server had reached its pace before the measured run. Those runs' figures are not kept.
	 */
	private static List<String> warmUp(List<String> command, PrintStream out) throws Exception {
		long left = seconds(warmup());
		List<String> curve = new ArrayList<>();
		if (left > 0) {
			out.println("warming up for " + warmup() + " (not measured), in windows of up to 30 s");
		}
		for (long elapsed = 0; left > 0;) {
			long window = Math.min(30, left);
			List<String> warm = new ArrayList<>(command);
			warm.set(3, "-d" + window + "s");
			Process process = new ProcessBuilder(warm).redirectErrorStream(true).start();
			String rate = "?";
			try (var reader = process.inputReader()) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					var m = REQUESTS.matcher(line);
					if (m.find()) {
						rate = m.group(3);
					}
				}
			}
			process.waitFor();
			elapsed += window;
			left -= window;
			curve.add(rate);
			out.printf("warm-up to %d s: %s req/s%n", elapsed, rate);
		}
		return curve;
	}

	/** wrk's durations: a number of seconds, minutes or hours ({@code 30s}, {@code 8m}, {@code 1h}); a bare number is seconds. */
	private static long seconds(String duration) {
		String text = duration.strip().toLowerCase(java.util.Locale.ROOT);
		long unit = switch (text.isEmpty() ? ' ' : text.charAt(text.length() - 1)) {
			case 's' -> 1;
			case 'm' -> 60;
			case 'h' -> 3600;
			default -> 0;
		};
		return unit == 0 ? Long.parseLong(text) : Long.parseLong(text.substring(0, text.length() - 1)) * unit;
	}

	/** target/bench/load-MIX.properties, from the lines the wrk script printed. */
	private static void figures(String mix, String user, int persons, int crossings, int connections, String duration,
			List<String> lines, long peakHeap, double loadBefore, List<String> warmUpCurve) {
		BenchFigures figures = BenchFigures.of("load-" + mix).put("mix", mix).put("user", user)
				.put("persons", persons).put("crossings", crossings).put("connections", connections)
				.put("duration", duration).put("warmup", warmup()).put("warmup_requests_per_s", String.join(" ", warmUpCurve))
				.put("peak_heap_mb", peakHeap >> 20).put("load_average_start", loadBefore);
		for (String line : lines) {
			var m = REQUESTS.matcher(line);
			if (m.find()) {
				figures.put("requests", m.group(1)).put("seconds", m.group(2)).put("requests_per_s", m.group(3))
						.put("socket_errors", Long.parseLong(m.group(4)) + Long.parseLong(m.group(5))
								+ Long.parseLong(m.group(6)))
						.put("timeouts", m.group(7));
			}
			m = LATENCY.matcher(line);
			if (m.find()) {
				figures.put("p50_ms", m.group(1)).put("p90_ms", m.group(2)).put("p95_ms", m.group(3))
						.put("p99_ms", m.group(4)).put("max_ms", m.group(5));
			}
			m = ERRORS.matcher(line);
			if (m.find()) {
				figures.put("errors_5xx", m.group(1)).put("other_non_200", m.group(2));
			}
		}
		figures.write();
	}

	/** CPU time of this JVM (the app, with wrk a separate process), user and system. */
	private static long appCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
				.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** The embedded PostgreSQL's postmaster: the parent of a backend of the app's pool. */
	private static long postmaster(DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				var rs = statement.executeQuery("select pg_backend_pid()")) {
			rs.next();
			for (String line : Files.readAllLines(Path.of("/proc/" + rs.getInt(1) + "/status"))) {
				if (line.startsWith("PPid:")) {
					return Long.parseLong(line.substring(5).strip());
				}
			}
		}
		return -1;
	}

	/**
	 * CPU clock ticks (1/100 s) of the postmaster, its children still running (the pool's backends) and those that
	 * ended (the postmaster's cutime and cstime); 0 where /proc cannot tell.
	 */
	private static long databaseCpuTicks(long postmaster) {
		if (postmaster <= 0) {
			return 0;
		}
		long ticks = 0;
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				try {
					String stat = Files.readString(process.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long pid = Long.parseLong(process.getFileName().toString());
					long parent = Long.parseLong(fields[1]);
					if (pid == postmaster) {
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
								+ Long.parseLong(fields[14]);
					}
					else if (parent == postmaster) {
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					}
				}
				catch (java.io.IOException | RuntimeException gone) {
					// the process ended meanwhile
				}
			}
		}
		catch (java.io.IOException e) {
			return 0;
		}
		return ticks;
	}

	private static long answered(List<String> lines) {
		for (String line : lines) {
			var m = REQUESTS.matcher(line);
			if (m.find()) {
				return Long.parseLong(m.group(1));
			}
		}
		return 0;
	}

	/** Crossings over the last two years, alerts and village reports, as bench/dashboard makes them. */
	private static void dashboardData(org.springframework.jdbc.core.simple.JdbcClient jdbc, int crossings) {
		jdbc.sql("""
				insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
				  full_name, name_key, created_at)
				select case when g % 2 = 0 then 'ENTRY' else 'EXIT' end,
				  now() - (random() * interval '730 days'), 'TUAL-LAUT', 'B' || g, 'B' || g,
				  (array['MMR','THA','VNM','KHM','PHL','CHN'])[1 + g % 6], 'TRAVELLER ' || g, 'TRAVELLER ' || g, now()
				from generate_series(1, :n) g""").param("n", crossings).update();
		jdbc.sql("""
				insert into alert (rule, severity, subject_type, subject_key, region_code, facts_key, summary_args,
				  evidence, status, opened_at, last_seen_at, closed_at, version)
				select (array['OVERSTAY','PERMIT_EXPIRING','NO_SKTT','SILENT_VILLAGE'])[1 + g % 4],
				  (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4], 'VILLAGE', 'S' || g,
				  (select code from region where level = 'VILLAGE' order by code offset g % 30 limit 1),
				  'F' || g, '[]', '[]', case when g % 3 = 0 then 'CLOSED' else 'OPEN' end,
				  now() - (random() * interval '365 days'), now(),
				  case when g % 3 = 0 then now() - (random() * interval '30 days') end, 0
				from generate_series(1, 5000) g""").update();
		jdbc.sql("""
				insert into village_report (number, village_code, state, names_as_heard, created_at, created_by,
				  state_since, updated_at, version)
				select 'B-' || g, (select code from region where level = 'VILLAGE' order by code offset g % 30 limit 1),
				  (array['DRAFT','SUBMITTED','RETURNED','FORWARDED','VALIDATED','REJECTED'])[1 + g % 6],
				  'NAMA ' || g, now() - (random() * interval '730 days'), 'bench', now(), now(), 0
				from generate_series(1, 20000) g""").update();
	}

	/** 1,000 searches: three in four a person's name as registered, one in four a document number. */
	private static List<String> searchPaths(List<RegistryPopulation.Generated> generated, Random random) {
		List<RegistryPopulation.Generated> visible = generated.stream()
				.filter(p -> p.status() != PersonStatus.MERGED).toList();
		List<String> paths = new ArrayList<>();
		while (paths.size() < 1000) {
			RegistryPopulation.Generated person = visible.get(random.nextInt(visible.size()));
			String text = random.nextInt(4) == 0 && person.document() != null ? person.document()
					: person.names().get(random.nextInt(person.names().size()));
			paths.add("/orang-asing?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
		}
		return paths;
	}

	/** 1,000 dashboard reads: four in five the home page with its figures, one in five the map's data. */
	private static List<String> dashboardPaths(Random random) {
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			paths.add(random.nextInt(5) == 0 ? "/peta/data" : "/");
		}
		return paths;
	}

	/** A free port on loopback; command-line arguments outrank application.properties' {@code PORT}. */
	private static String[] withLoopbackPort(String[] args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
		all.addAll(List.of(args));
		return all.toArray(String[]::new);
	}

	/** 1,000 request paths in the mix, from the generated persons. */
	private static List<String> paths(List<RegistryPopulation.Generated> generated, Random random) {
		List<RegistryPopulation.Generated> visible = generated.stream()
				.filter(p -> p.status() != PersonStatus.MERGED).toList();
		List<String> paths = new ArrayList<>();
		String[] nationalities = { "MMR", "THA", "KHM", "VNM", "PHL", "CHN" };
		for (int i = 0; i < 1000; i++) {
			RegistryPopulation.Generated person = visible.get(random.nextInt(visible.size()));
			int kind = random.nextInt(10);
			if (kind < 4) {
				paths.add("/orang-asing/" + person.id());
			}
			else if (kind < 7) {
				String name = person.names().get(random.nextInt(person.names().size()));
				paths.add("/orang-asing?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
			}
			else {
				paths.add(switch (random.nextInt(3)) {
					case 0 -> "/orang-asing";
					case 1 -> "/orang-asing?page=" + (1 + random.nextInt(20));
					default -> "/orang-asing?nationality=" + nationalities[random.nextInt(nationalities.length)];
				});
			}
		}
		return paths;
	}

	private static String lua(String session, List<String> paths) {
		StringBuilder list = new StringBuilder();
		for (String path : paths) {
			list.append("  \"").append(path.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
		}
		return """
				-- generated by LoadBenchmark: a BPMPD officer's session reading persons
				local paths = {
				%s}
				local threads = {}
				function setup(thread)
				  table.insert(threads, thread)
				end
				function init(args)
				  counter = math.random(#paths)
				  statuses = {}
				  wrk.headers["Cookie"] = "PANTAU_SESSION=%s"
				  wrk.headers["Accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
				end
				function request()
				  counter = counter %% #paths + 1
				  return wrk.format("GET", paths[counter])
				end
				function response(status, headers, body)
				  statuses[status] = (statuses[status] or 0) + 1
				end
				function done(summary, latency, requests)
				  local total = {}
				  for _, thread in ipairs(threads) do
				    for status, n in pairs(thread:get("statuses")) do
				      total[status] = (total[status] or 0) + n
				    end
				  end
				  local errors5xx, other = 0, 0
				  io.write("statuses:")
				  for status, n in pairs(total) do
				    io.write(string.format(" %%d=%%d", status, n))
				    if status >= 500 then errors5xx = errors5xx + n elseif status ~= 200 then other = other + n end
				  end
				  io.write("\\n")
				  local seconds = summary.duration / 1e6
				  io.write(string.format("requests: %%d in %%.1f s = %%.1f req/s; socket errors: connect %%d, read %%d, write %%d, timeout %%d\\n",
				    summary.requests, seconds, summary.requests / seconds, summary.errors.connect, summary.errors.read,
				    summary.errors.write, summary.errors.timeout))
				  io.write(string.format("latency ms: p50 %%.1f, p90 %%.1f, p95 %%.1f, p99 %%.1f, max %%.1f, mean %%.1f\\n",
				    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
				    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000))
				  io.write(string.format("5xx: %%d; other non-200: %%d\\n", errors5xx, other))
				end
				""".formatted(list, session);
	}
}
