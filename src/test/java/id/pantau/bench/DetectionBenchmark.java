package id.pantau.bench;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import id.pantau.PantauApplication;
import id.pantau.demodata.DemoDataSet;
import id.pantau.demodata.RegistryPopulation;
import id.pantau.detection.DetectionRules;
import id.pantau.detection.RuleRun;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long a full run of every detection rule takes on a large registry with a year and more of crossings. Not a
 * test: it prints figures and never fails on time. Run with {@code bench/detect} (see {@code bench/README.md});
 * options as system properties: {@code -Dpersons=100000 -Dcrossings=1000000 -Dlinked=40 -Dreports=20000
 * -Dseed=2026}.
 * <p>
 * The data comes from {@link DemoDataSet}, the generator of {@code java -jar pantau.jar demo-data} (COPY): persons,
 * vessels and crew assignments, a year of crossings of which {@code linked} percent are crossings of registry persons
 * linked to them, village and monthly reports; no alerts. Each rule then runs twice through {@link DetectionRules#run}: the first run
 * opens every alert (the worst case), the second finds the same facts again (the nightly steady state).
 */
public final class DetectionBenchmark {

	private static final PrintStream out = System.out;

	private DetectionBenchmark() {
	}

	record Timed(String rule, double firstSeconds, RuleRun first, double secondSeconds, RuleRun second) {
	}

	public static void main(String[] args) throws Exception {
		int persons = Integer.getInteger("persons", 100_000);
		int crossings = Integer.getInteger("crossings", 1_000_000);
		int linked = Integer.getInteger("linked", 40);
		int reports = Integer.getInteger("reports", 20_000);
		long seed = Long.getLong("seed", 2026);

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PantauApplication.class)
				.web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
				.properties("pantau.db.embedded.ephemeral=true", "pantau.command=bench", "logging.level.root=WARN",
						"pantau.demo=false", "pantau.detection.nightly-cron=-")
				.run(args)) {
			DataSource dataSource = context.getBean(DataSource.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			DetectionRules rules = context.getBean(DetectionRules.class);
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Jayapura"));

			out.printf("Pantau detection benchmark, %s%n", ZonedDateTime.now(ZoneOffset.UTC)
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
			out.printf("machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
					System.getProperty("java.version"),
					jdbc.sql("select 'PostgreSQL ' || current_setting('server_version')").query(String.class).single());

			// no alerts in the data: the first run of each rule opens them all
			DemoDataSet.Result data = DemoDataSet.generate(dataSource, new DemoDataSet.Options(persons, crossings,
					reports, 0, RegistryPopulation.TUAL_VILLAGES, linked, seed), Clock.systemUTC(), p -> {
					}, null);
			out.printf("data (demo-data generator, %.1f s): %,d persons, %,d crossings of which %,d linked,"
					+ " %,d vessel assignments, %,d village reports, %,d monthly reports%n", data.seconds(),
					count(jdbc, "person"),
					count(jdbc, "crossing"), jdbc.sql("select count(*) from crossing where person_id is not null")
							.query(Long.class).single(),
					count(jdbc, "vessel_assignment"), count(jdbc, "village_report"), count(jdbc, "periodic_report"));

			List<Timed> timed = new ArrayList<>();
			for (String rule : DetectionRules.CATALOGUE) {
				long t0 = System.nanoTime();
				RuleRun first = rules.run(rule, "BENCH");
				double firstSeconds = seconds(t0);
				long t1 = System.nanoTime();
				RuleRun second = rules.run(rule, "BENCH");
				timed.add(new Timed(rule, firstSeconds, first, seconds(t1), second));
			}
			out.printf("%n%-24s %10s %10s %10s %12s%n", "rule", "found", "opened", "first s", "again s");
			for (Timed t : timed) {
				out.printf("%-24s %,10d %,10d %10.2f %12.2f%s%n", t.rule(), nz(t.first().found()), nz(t.first().opened()),
						t.firstSeconds(), t.secondSeconds(), t.first().error() == null ? "" : "  FAILED: " + t.first().error());
			}
			out.printf("%-24s %10s %10s %10.2f %12.2f%n", "all rules", "", "", timed.stream().mapToDouble(Timed::firstSeconds).sum(),
					timed.stream().mapToDouble(Timed::secondSeconds).sum());
			out.println("first: every finding opens an alert (worst case); again: the same facts, nothing opens (nightly).");
			BenchFigures figures = BenchFigures.of("detect").put("persons", persons).put("crossings", crossings)
					.put("linked_percent", linked).put("reports", reports)
					.put("first_seconds", timed.stream().mapToDouble(Timed::firstSeconds).sum())
					.put("again_seconds", timed.stream().mapToDouble(Timed::secondSeconds).sum())
					.put("found", timed.stream().mapToLong(t -> nz(t.first().found())).sum())
					.put("failed", timed.stream().filter(t -> t.first().error() != null).count());
			for (Timed t : timed) {
				figures.put(t.rule().toLowerCase(java.util.Locale.ROOT) + "_again_seconds", t.secondSeconds());
			}
			figures.write();

			Timed slowest = timed.stream().max(Comparator.comparingDouble(Timed::secondSeconds)).orElseThrow();
			out.printf("%nslowest rule (again): %s%n", slowest.rule());
			explain(jdbc, slowest.rule(), today);
		}
	}

	private static long nz(Integer value) {
		return value == null ? 0 : value;
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/**
	 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the slowest rule's selection. The SQL is a copy of the rule's; only the
	 * rules whose selection dominates their time are copied here.
	 */
	private static void explain(JdbcClient jdbc, String rule, LocalDate today) {
		String sql = switch (rule) {
			case "OVERSTAY", "PERMIT_EXPIRING" -> """
					with permit as (
					  select distinct on (s.person_id) s.person_id, s.permit_type, s.number, s.valid_from, s.valid_until
					  from stay_permit s where s.permit_type <> 'TIDAK_ADA'
					  order by s.person_id, s.valid_until desc nulls first
					), entry as (
					  select distinct on (c.person_id) c.person_id, c.id, c.crossed_at, c.port_code, c.stay_until
					  from crossing c where c.person_id is not null and c.direction = 'ENTRY'
					  order by c.person_id, c.crossed_at desc
					), departure as (
					  select c.person_id, max(c.crossed_at) as crossed_at from crossing c
					  where c.person_id is not null and c.direction = 'EXIT' group by c.person_id
					)
					select p.id, p.region_code, pm.permit_type, pm.number, pm.valid_from, pm.valid_until, e.id,
					  e.crossed_at, e.port_code, e.stay_until
					from person p
					left join permit pm on pm.person_id = p.id
					left join entry e on e.person_id = p.id
					left join departure x on x.person_id = p.id
					where p.status in ('PRESENT', 'WHEREABOUTS_UNKNOWN')
					  and (pm.person_id is null or pm.valid_until is not null)
					  and greatest(pm.valid_until, e.stay_until) between date '1900-01-01' and :today
					  and (x.crossed_at is null or x.crossed_at < e.crossed_at)""";
			case "PRESENT_AFTER_DEPARTURE" -> """
					with departure as (
					  select distinct on (c.person_id) c.person_id, c.id, c.crossed_at, c.port_code
					  from crossing c where c.person_id is not null and c.direction = 'EXIT'
					  order by c.person_id, c.crossed_at desc
					)
					select p.id, x.id, s.kind, s.seen_on
					from departure x
					join person p on p.id = x.person_id and p.status not in ('MERGED', 'DECEASED')
					join lateral (
					  select 'REPORT' as kind, (vr.created_at at time zone 'Asia/Jayapura')::date as seen_on
					  from village_report vr
					  where vr.person_id = p.id and vr.state not in ('DRAFT', 'REJECTED') and vr.created_at > x.crossed_at
					  union all
					  select 'VILLAGE', r.since from residence r
					  where r.person_id = p.id and r.since > (x.crossed_at at time zone 'Asia/Jayapura')::date
					  order by seen_on desc limit 1) s on true
					where not exists (select 1 from crossing e where e.person_id = p.id and e.direction = 'ENTRY'
					  and e.crossed_at > x.crossed_at)""";
			default -> null;
		};
		if (sql == null) {
			out.println("(no copy of this rule's SQL in the benchmark to explain)");
			return;
		}
		jdbc.sql("explain (analyze, buffers) " + sql).param("today", today).query(String.class).list()
				.forEach(out::println);
	}
}
