package id.pantau.bench;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

import javax.sql.DataSource;

import id.pantau.PantauApplication;
import id.pantau.demodata.DemoDataSet;
import id.pantau.demodata.RegistryPopulation;
import id.pantau.dashboard.domain.DashboardQueries;
import id.pantau.dashboard.domain.VillageMap;
import id.pantau.platform.Scope;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long the dashboard's figures and the map's data take with many persons and crossings in the database, for a
 * regency-wide user and for a village user. Not a test: it prints figures and never fails on time. Run with
 * {@code bench/dashboard} (see {@code bench/README.md}); options as system properties: {@code -Dpersons=100000
 * -Dcrossings=1000000 -Dalerts=5000 -Dreports=20000 -Druns=200 -Dwarmup=20 -Dseed=2026}.
 * <p>
 * The data comes from {@link DemoDataSet}, the generator of {@code java -jar pantau.jar demo-data} (COPY): persons,
 * a year of crossings (40 % linked to persons), alerts and village reports, then {@code VACUUM ANALYZE}. Each call is timed whole (connection, transaction, mapping), as a page
 * request pays it.
 */
public final class DashboardBenchmark {

	private static final PrintStream out = System.out;
	private static final Scope CITY = Scope.of("81.72");
	private static final Scope FIDITAN = Scope.of("81.72.01.2001");

	/** target/bench/dashboard.properties: the data's size and each call's percentiles, filled by {@link #time}. */
	private static BenchFigures figures = BenchFigures.of("dashboard");

	public static void main(String[] args) throws Exception {
		int persons = Integer.getInteger("persons", 100_000);
		int crossings = Integer.getInteger("crossings", 1_000_000);
		int alerts = Integer.getInteger("alerts", 5_000);
		int reports = Integer.getInteger("reports", 20_000);
		int runs = Integer.getInteger("runs", 200);
		int warmup = Integer.getInteger("warmup", 20);
		long seed = Long.getLong("seed", 2026);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PantauApplication.class)
				.web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
				.properties("pantau.db.embedded.ephemeral=true", "pantau.command=bench", "logging.level.root=WARN",
						"pantau.demo=false")
				.run(args)) {
			DataSource dataSource = context.getBean(DataSource.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			DashboardQueries dashboard = context.getBean(DashboardQueries.class);
			VillageMap map = context.getBean(VillageMap.class);
			out.printf("Pantau dashboard benchmark, %s%n", ZonedDateTime.now(ZoneOffset.UTC)
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
			out.printf("machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
					System.getProperty("java.version"),
					jdbc.sql("select 'PostgreSQL ' || current_setting('server_version')").query(String.class).single());

			long started = System.nanoTime();
			DemoDataSet.generate(dataSource, new DemoDataSet.Options(persons, crossings, reports, alerts,
					RegistryPopulation.TUAL_VILLAGES, 40, seed), Clock.systemUTC(), p -> {
					}, null);
			out.printf("data: %,d persons, %,d crossings, %,d alerts, %,d village reports; loaded in %.1f s%n",
					count(jdbc, "person"), count(jdbc, "crossing"), count(jdbc, "alert"), count(jdbc, "village_report"),
					(System.nanoTime() - started) / 1e9);
			out.printf("present persons: city %,d, Fiditan %,d%n",
					dashboard.figures(CITY, true).present(), dashboard.figures(FIDITAN, false).present());
			out.printf("%n%-44s %8s %8s %8s %8s%n", "call (" + runs + " runs after " + warmup + " warm-up)", "p50 ms",
					"p95 ms", "p99 ms", "max ms");
			// every figure from the owners' maintained counts (V32): nothing is kept between calls
			time("dashboard figures, city", runs, warmup, () -> dashboard.figures(CITY, true));
			time("dashboard figures, village Fiditan", runs, warmup, () -> dashboard.figures(FIDITAN, false));
			time("map data, city", runs, warmup, () -> map.villages(CITY));
			time("map data, village Fiditan", runs, warmup, () -> map.villages(FIDITAN));
			figures.put("persons", persons).put("crossings", crossings).put("alerts", alerts).put("reports", reports)
					.put("runs", runs).write();
		}
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/** What the timed calls returned, kept so that the JIT cannot drop a call whose result is not used. */
	static int sink;

	private static void time(String label, int runs, int warmup, Supplier<?> call) {
		for (int i = 0; i < warmup; i++) {
			sink += Objects.hashCode(call.get());
		}
		double[] millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			sink += Objects.hashCode(call.get());
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		String key = label.replaceAll("[^A-Za-z]+", "_").replaceAll("_+$", "").toLowerCase(java.util.Locale.ROOT);
		figures.put(key + "_p50_ms", pick(millis, 0.50)).put(key + "_p95_ms", pick(millis, 0.95))
				.put(key + "_p99_ms", pick(millis, 0.99));
		out.printf("%-44s %8.1f %8.1f %8.1f %8.1f%n", label, pick(millis, 0.50), pick(millis, 0.95), pick(millis, 0.99),
				millis[runs - 1]);
	}

	private static double pick(double[] sorted, double quantile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
	}
}
