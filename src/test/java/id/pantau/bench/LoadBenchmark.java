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
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("vacuum analyze");
			}
			out.printf("Pantau load benchmark, %s%n", ZonedDateTime.now(ZoneOffset.UTC)
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
			out.printf("machine: %d cores, Java %s, heap max %d MB; registry: %d persons loaded in %.1f s%n",
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					Runtime.getRuntime().maxMemory() >> 20, persons, (System.nanoTime() - started) / 1e9);
			out.println("data: " + counts);

			WebSession officer = WebSession.loggedIn(port, "bpmpd");
			List<String> paths = paths(population.generated(), new Random(seed + 7));
			Path script = Path.of("target/bench-load.lua");
			Files.createDirectories(script.getParent());
			Files.writeString(script, lua(officer.sessionId(), paths));

			List<String> command = List.of(wrk, "-t" + threads, "-c" + connections, "-d" + duration, "--timeout", "10s",
					"--latency", "-s", script.toString(), "http://127.0.0.1:" + port + "/");
			out.println("running: " + String.join(" ", command));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).inheritIO().start();
			int exit = process.waitFor();
			out.printf("load average after the run: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
			if (exit != 0) {
				out.println("wrk exited with " + exit + " (is wrk installed? apt-get install -y wrk)");
			}
		}
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
					case 1 -> "/orang-asing?halaman=" + (1 + random.nextInt(20));
					default -> "/orang-asing?kewarganegaraan=" + nationalities[random.nextInt(nationalities.length)];
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
				  wrk.headers["Accept"] = "text/html"
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
