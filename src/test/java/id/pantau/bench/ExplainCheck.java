package id.pantau.bench;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import id.pantau.PantauApplication;
import id.pantau.crossings.Direction;
import id.pantau.crossings.domain.CrossingQueries;
import id.pantau.dashboard.domain.DashboardQueries;
import id.pantau.dashboard.domain.VillageMap;
import id.pantau.demodata.DemoDataSet;
import id.pantau.demodata.RegistryPopulation;
import id.pantau.exchange.domain.ChangesFeed;
import id.pantau.followup.domain.AlertFilter;
import id.pantau.followup.domain.AlertWorkflow;
import id.pantau.matching.domain.MatchReview;
import id.pantau.matching.domain.QueueFilter;
import id.pantau.platform.Scope;
import id.pantau.identity.Agency;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.registry.Category;
import id.pantau.registry.domain.PersonQueries;
import id.pantau.registry.domain.PersonQueries.Filter;
import id.pantau.registry.domain.PersonQueries.Sort;
import id.pantau.registry.domain.PersonRegistry;
import id.pantau.reports.ReportState;
import id.pantau.reports.domain.ReportQueries;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whether any query of a page or API path reads a large table sequentially. Not a test (run with {@code bench/explain},
 * see {@code bench/README.md}), but a check: it exits with 1 and names the offenders when one does.
 * <p>
 * It generates a data set with {@link DemoDataSet} (the generator of {@code demo-data}) in a throw-away embedded
 * PostgreSQL, then calls the application's own query classes as the pages and the API do (person search and list with
 * filters, the person page, the report list, the crossing list with filters, the match queue, the alert list, the
 * dashboard and map, the changes feed). The DataSource is wrapped so that every SQL statement those calls send is
 * captured with its bound parameters; each captured {@code select} is then run again as {@code EXPLAIN (ANALYZE,
 * BUFFERS)} with the same parameters. A {@code Seq Scan} on one of the large tables ({@link #LARGE}, when it holds
 * {@link #MANY} rows or more in the data set: reading an empty table whole is right) fails the check, as does a path
 * that throws. (The driver may
 * reuse a generic plan for a statement prepared five times; EXPLAIN shows the custom plan for these parameters.)
 * <p>
 * Options (system properties): {@code -Dpersons=100000 -Dcrossings=1000000 -Dreports=20000 -Dalerts=5000
 * -Dseed=2026 -Dplans=false} ({@code plans=true} prints every plan, not only the offenders').
 */
public final class ExplainCheck {

	private static final PrintStream out = System.out;

	/** Tables that grow with the registry or with time: a sequential scan of one of them in a page is a fault. */
	static final Set<String> LARGE = Set.of("person", "person_name", "travel_document", "residence", "stay_permit",
			"identity_link", "vessel_assignment", "person_status_change", "crossing", "village_report", "report_event",
			"alert", "alert_action", "audit_event", "match_case", "match_candidate", "notification");

	/** A large table with fewer rows than this in the data set (empty, or a few pages) may be read whole. */
	static final long MANY = 10_000;

	private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");
	private static final Scope CITY = Scope.of("81.72");
	private static final Scope KECAMATAN = Scope.of("81.72.01");
	private static final Scope FIDITAN = Scope.of("81.72.01.2001");

	private ExplainCheck() {
	}

	/** A statement sent to the database, with the setter calls that bound its parameters. */
	record Captured(String sql, List<Object[]> setters) {
	}

	record Finding(String path, String sql, String table, String plan) {
	}

	private static final List<Captured> captured = new ArrayList<>();
	private static volatile boolean capturing;

	public static void main(String[] args) throws Exception {
		int persons = Integer.getInteger("persons", 100_000);
		long crossings = Long.getLong("crossings", 1_000_000);
		int reports = Integer.getInteger("reports", 20_000);
		int alerts = Integer.getInteger("alerts", persons / 20);
		long seed = Long.getLong("seed", 2026);
		boolean plans = Boolean.getBoolean("plans");
		int failures;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PantauApplication.class)
				.web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
				.properties("pantau.db.embedded.ephemeral=true", "pantau.command=bench", "logging.level.root=WARN",
						"pantau.demo=false", "pantau.detection.nightly-cron=-")
				.initializers(c -> c.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
					@Override
					public Object postProcessAfterInitialization(Object bean, String name) {
						return bean instanceof DataSource dataSource && name.equals("dataSource") ? capturing(dataSource)
								: bean;
					}
				}))
				.run(args)) {
			DataSource dataSource = context.getBean(DataSource.class);
			out.printf("Pantau EXPLAIN check, %s%n", ZonedDateTime.now(ZoneOffset.UTC)
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
			long started = System.nanoTime();
			DemoDataSet.Result data = DemoDataSet.generate(dataSource, new DemoDataSet.Options(persons, crossings,
					reports, alerts, RegistryPopulation.TUAL_VILLAGES, 40, seed), Clock.systemUTC(), p -> {
					}, null);
			out.printf("data: %,d persons, %,d crossings, %,d village reports, %,d alerts, %,d match cases (%,d rows,"
					+ " %.0f s)%n%n", data.rows("person"), data.rows("crossing"), data.rows("village_report"),
					data.rows("alert"), data.rows("match_case"), data.rows(), (System.nanoTime() - started) / 1e9);

			Map<String, Long> sizes = new LinkedHashMap<>();
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select relname, reltuples::bigint from pg_class"
							+ " where relkind = 'r' and relnamespace = 'public'::regnamespace")) {
				while (rs.next()) {
					sizes.put(rs.getString(1), rs.getLong(2));
				}
			}
			Map<String, Runnable> paths = paths(context, data.firstPersonId());
			int errors = 0;
			List<Finding> findings = new ArrayList<>();
			for (Map.Entry<String, Runnable> path : paths.entrySet()) {
				List<Captured> statements;
				try {
					statements = capture(path.getValue());
				}
				catch (RuntimeException e) {
					out.printf("%-52s ERROR %s%n", path.getKey(), e);
					errors++;
					continue;
				}
				int explained = 0;
				double slowest = 0;
				List<Finding> found = new ArrayList<>();
				for (Captured statement : statements) {
					if (!isSelect(statement.sql())) {
						continue;
					}
					String plan = explain(dataSource, statement);
					explained++;
					slowest = Math.max(slowest, executionMillis(plan));
					Matcher seq = SEQ_SCAN.matcher(plan);
					Set<String> tables = new TreeSet<>();
					while (seq.find()) {
						if (LARGE.contains(seq.group(1)) && sizes.getOrDefault(seq.group(1), 0L) >= MANY) {
							tables.add(seq.group(1));
						}
					}
					tables.forEach(t -> found.add(new Finding(path.getKey(), statement.sql(), t, plan)));
					if (plans) {
						out.println("  " + oneLine(statement.sql()));
						out.println(plan.indent(4));
					}
				}
				findings.addAll(found);
				out.printf("%-52s %3d queries  slowest %8.1f ms  %s%n", path.getKey(), explained, slowest,
						found.isEmpty() ? "ok" : "SEQ SCAN on " + String.join(", ",
								found.stream().map(Finding::table).distinct().toList()));
			}
			failures = findings.size() + errors;
			if (!findings.isEmpty()) {
				out.println();
				out.println("!".repeat(100));
				out.printf("FAILED: %d plans read a large table sequentially%n", findings.size());
				for (Finding finding : findings) {
					out.printf("%n--- %s: Seq Scan on %s%nSQL: %s%n%s%n", finding.path(), finding.table(),
							oneLine(finding.sql()), finding.plan());
				}
				out.println("!".repeat(100));
			}
			else {
				out.printf("%n%s: no page or API query reads a large table (%s, when it has %,d rows or more)"
						+ " sequentially.%n", errors == 0 ? "OK" : "FAILED (" + errors + " paths failed to run)",
						String.join(", ", new TreeSet<>(LARGE)), MANY);
			}
		}
		System.exit(failures == 0 ? 0 : 1);
	}

	/** The calls of the page and API paths, by name, in the order they are checked. */
	private static Map<String, Runnable> paths(ConfigurableApplicationContext context, long firstPerson) {
		PersonQueries persons = context.getBean(PersonQueries.class);
		PersonRegistry registry = context.getBean(PersonRegistry.class);
		ReportQueries reports = context.getBean(ReportQueries.class);
		CrossingQueries crossings = context.getBean(CrossingQueries.class);
		MatchReview matches = context.getBean(MatchReview.class);
		AlertWorkflow alerts = context.getBean(AlertWorkflow.class);
		DashboardQueries dashboard = context.getBean(DashboardQueries.class);
		VillageMap map = context.getBean(VillageMap.class);
		ChangesFeed feed = context.getBean(ChangesFeed.class);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Map<String, Runnable> paths = new LinkedHashMap<>();
		paths.put("person search, name (city)", () -> persons.search(CITY,
				new Filter("kyaw min aung", null, null, null, null, null), Sort.RELEVANCE, 0));
		paths.put("person search, document (city)", () -> persons.search(CITY,
				new Filter("MA0012345", null, null, null, null, null), Sort.RELEVANCE, 0));
		paths.put("person list, no filter (city)", () -> persons.search(CITY, Filter.none(), Sort.NAME, 0));
		paths.put("person list, no filter, page 40 (city)", () -> persons.search(CITY, Filter.none(), Sort.NAME, 40));
		paths.put("person list, updated (city)", () -> persons.search(CITY, Filter.none(), Sort.UPDATED, 0));
		paths.put("person list, nationality+kecamatan+category", () -> persons.search(CITY,
				new Filter(null, "MMR", "81.72.01", Category.EX_CREW, null, null), Sort.NAME, 0));
		paths.put("person list, permit ending in 30 days", () -> persons.search(CITY,
				new Filter(null, null, null, null, null, 30), Sort.NAME, 0));
		paths.put("person list (village Fiditan)", () -> persons.search(FIDITAN, Filter.none(), Sort.NAME, 0));
		paths.put("person page", () -> registry.visible(user(CITY), firstPerson + 17));
		paths.put("report list, to check (city)", () -> reports.list((PantauUser) user(CITY), CITY,
				List.of(ReportState.SUBMITTED, ReportState.FORWARDED), 0));
		paths.put("report list, all states (city)", () -> reports.list((PantauUser) user(CITY), CITY, List.of(ReportState.values()), 0));
		paths.put("report list (village Fiditan)", () -> reports.list((PantauUser) user(FIDITAN), FIDITAN, List.of(ReportState.values()), 0));
		paths.put("crossing list, no filter", () -> crossings.list(new CrossingQueries.Filter(null, null, null, null,
				null, null), 0));
		paths.put("crossing list, last month, arrivals", () -> crossings.list(new CrossingQueries.Filter(
				today.minusMonths(1), today, Direction.ENTRY, null, null, null), 0));
		paths.put("crossing list, nationality, not linked", () -> crossings.list(new CrossingQueries.Filter(null,
				null, null, null, "MMR", false), 0));
		paths.put("crossing list, port, page 20", () -> crossings.list(new CrossingQueries.Filter(null, null, null,
				"TUAL-LAUT", null, null), 20));
		paths.put("match queue, review (city)", () -> matches.queue(user(CITY), MatchReview.Queue.REVIEW,
				QueueFilter.NONE, null, 0));
		paths.put("match queue, linked (city)", () -> matches.queue(user(CITY), MatchReview.Queue.LINKED,
				QueueFilter.NONE, null, 0));
		paths.put("match queue, review (kecamatan)", () -> matches.queue(user(KECAMATAN), MatchReview.Queue.REVIEW,
				QueueFilter.NONE, null, 0));
		paths.put("match queue, review, nationality + age + score, by record date (city)", () -> matches.queue(
				user(CITY), MatchReview.Queue.REVIEW, matches.filter(null, "MMR", "50-90", "31-50"),
				QueueFilter.Sort.NEWEST_RECORD, 0));
		paths.put("match queue, linked, a village, by name (city)", () -> matches.queue(user(CITY),
				MatchReview.Queue.LINKED, matches.filter("desa-" + FIDITAN.regionCode(), null, null, null), QueueFilter.Sort.NAME,
				0));
		paths.put("alert list, open (city)", () -> alerts.list(user(CITY),
				new AlertFilter(null, null, null, null, null, null, null, null)));
		paths.put("alert list, rule+oldest (city)", () -> alerts.list(user(CITY),
				new AlertFilter(null, "OVERSTAY", null, null, null, null, "oldest", null)));
		paths.put("alert list (village Fiditan)", () -> alerts.list(user(FIDITAN),
				new AlertFilter(null, null, null, null, null, null, null, null)));
		paths.put("dashboard, city", () -> dashboard.figures(CITY, true));
		paths.put("dashboard, village Fiditan", () -> dashboard.figures(FIDITAN, false));
		paths.put("map data, city", () -> map.villages(CITY));
		paths.put("changes feed, from the start", () -> feed.read(user(Scope.of(null)), null, 100));
		return paths;
	}

	/** A Kesbangpol officer of {@code scope} (every path here is open to Kesbangpol). */
	private static ScopedPrincipal user(Scope scope) {
		return new PantauUser(1, "explain", "-", "EXPLAIN check", Role.KESBANGPOL, Agency.KESBANGPOL, scope, true, false);
	}

	private static List<Captured> capture(Runnable call) {
		synchronized (captured) {
			captured.clear();
		}
		capturing = true;
		try {
			call.run();
		}
		finally {
			capturing = false;
		}
		synchronized (captured) {
			return List.copyOf(captured);
		}
	}

	private static boolean isSelect(String sql) {
		String start = sql.stripLeading().toLowerCase(Locale.ROOT);
		return (start.startsWith("select") || start.startsWith("with")) && !start.contains("pg_current_snapshot")
				&& !start.contains(" for update");
	}

	private static String explain(DataSource dataSource, Captured statement) throws Exception {
		boolean was = capturing;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement explain = connection.prepareStatement("explain (analyze, buffers) " + statement.sql())) {
				for (Object[] setter : statement.setters()) {
					Method method = (Method) setter[0];
					method.invoke(explain, (Object[]) setter[1]);
				}
				StringBuilder plan = new StringBuilder();
				try (ResultSet rs = explain.executeQuery()) {
					while (rs.next()) {
						plan.append(rs.getString(1)).append('\n');
					}
				}
				return plan.toString();
			}
			finally {
				connection.rollback();
			}
		}
		finally {
			capturing = was;
		}
	}

	private static double executionMillis(String plan) {
		Matcher m = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan);
		return m.find() ? Double.parseDouble(m.group(1)) : 0;
	}

	private static String oneLine(String sql) {
		return sql.replaceAll("\\s+", " ").trim();
	}

	// --- a DataSource that notes every statement executed while capturing, with its parameters

	private static DataSource capturing(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(ExplainCheck.class.getClassLoader(), new Class<?>[] { DataSource.class },
				(proxy, method, args) -> {
					Object result = call(target, method, args);
					return result instanceof Connection connection ? wrap(connection) : result;
				});
	}

	private static Connection wrap(Connection connection) {
		return (Connection) Proxy.newProxyInstance(ExplainCheck.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					Object result = call(connection, method, args);
					if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement prepared) {
						return statement(prepared, (String) args[0]);
					}
					if (method.getName().equals("createStatement") && result instanceof Statement plain) {
						return statement(plain, null);
					}
					return result;
				});
	}

	private static Object statement(Statement statement, String sql) {
		List<Object[]> setters = new ArrayList<>();
		Class<?> type = statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
				setters.add(new Object[] { method, args.clone() });
			}
			else if (capturing && name.startsWith("execute")) {
				String text = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
				if (text != null) {
					synchronized (captured) {
						captured.add(new Captured(text, List.copyOf(setters)));
					}
				}
			}
			else if (name.equals("clearParameters")) {
				setters.clear();
			}
			return call(statement, method, args);
		};
		return Proxy.newProxyInstance(ExplainCheck.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}
}
