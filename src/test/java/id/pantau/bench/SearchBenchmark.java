package id.pantau.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import javax.sql.DataSource;

import id.pantau.PantauApplication;
import id.pantau.demodata.RegistryPopulation;
import id.pantau.platform.Scope;
import id.pantau.registry.Category;
import id.pantau.registry.domain.PersonQueries;
import id.pantau.registry.domain.PersonQueries.Filter;
import id.pantau.registry.domain.PersonQueries.Row;
import id.pantau.registry.domain.PersonQueries.Sort;
import id.pantau.registry.names.DocumentNumbers;
import id.pantau.registry.names.NameNormalizer;
import id.pantau.registry.names.NormalizedName;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long {@link PersonQueries#search} takes on a registry of many persons, and whether it still finds the person
 * meant. Not a test: it prints figures and never fails on time. Run with {@code bench/search} (see
 * {@code bench/README.md}); options as system properties: {@code -Dpersons=100000 -Dqueries=200
 * -DdocumentQueries=50 -DfilterQueries=20 -DbrowseQueries=20 -Dwarmup=30 -Dseed=2026}.
 * <p>
 * It starts the application without a web server on a throw-away embedded PostgreSQL, COPYs generated persons into
 * the registry's tables, runs {@code VACUUM ANALYZE}, then times each search (connection, transaction and mapping
 * included, as a page request would pay them) with queries typed as people type: names with a slip, another token
 * order, lower case or an honorific; document numbers with O for 0; names with filters; and filters alone.
 */
public final class SearchBenchmark {

	private static final Scope CITY = Scope.of("81.72");
	private static final PrintStream out = System.out;

	enum Kind {

		NAME("name, misspelt"), DOCUMENT("document, O for 0"), NAME_FILTERED("name + filters"),
		BROWSE("filters, no text");

		final String label;

		Kind(String label) {
			this.label = label;
		}
	}

	/**
	 * @param expectedId the person the query was made from, or 0 when any answer is right (browsing)
	 * @param expectedKey the search key of the name the query was made from, or null
	 * @param namesakes how many searchable persons go by a name with that same key
	 */
	record Query(Kind kind, Filter filter, long expectedId, String expectedKey, int namesakes, String from) {
	}

	record Result(Query query, long nanos, boolean found, boolean nameFound, int rows, long total, boolean totalExact) {

		double millis() {
			return nanos / 1_000_000.0;
		}
	}

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int persons = Integer.getInteger("persons", 100_000);
		int nameQueries = Integer.getInteger("queries", 200);
		int documentQueries = Integer.getInteger("documentQueries", 50);
		int filterQueries = Integer.getInteger("filterQueries", 20);
		int browseQueries = Integer.getInteger("browseQueries", 20);
		int warmup = Integer.getInteger("warmup", 30);
		long seed = Long.getLong("seed", 2026);

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PantauApplication.class)
				.web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.properties("pantau.db.embedded.ephemeral=true", "pantau.command=bench", "logging.level.root=WARN",
						"pantau.demo=false")
				.run(args)) {
			DataSource dataSource = context.getBean(DataSource.class);
			PersonQueries queries = context.getBean(PersonQueries.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			LocalDate today = LocalDate.now(ZoneOffset.UTC);

			out.printf("Pantau search benchmark, %s%n", ZonedDateTime.now(ZoneOffset.UTC)
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
			out.printf("machine: %d cores, Java %s, %s, heap max %d MB%n", Runtime.getRuntime().availableProcessors(),
					System.getProperty("java.version"),
					jdbc.sql("select 'PostgreSQL ' || current_setting('server_version')").query(String.class).single(),
					Runtime.getRuntime().maxMemory() >> 20);

			RegistryPopulation population = new RegistryPopulation(seed, today, Instant.now());
			long started = System.nanoTime();
			RegistryPopulation.Counts counts = population.load(dataSource, persons);
			double loadSeconds = (System.nanoTime() - started) / 1e9;
			started = System.nanoTime();
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				// as autovacuum would soon do: statistics, and GIN pending lists merged into the indexes
				statement.execute("vacuum analyze");
			}
			double analyzeSeconds = (System.nanoTime() - started) / 1e9;
			printData(jdbc, counts, loadSeconds, analyzeSeconds);

			List<RegistryPopulation.Generated> generated = population.generated();
			Map<String, Integer> namesakes = namesakes(generated);
			QueryMaker maker = new QueryMaker(generated, namesakes, new Random(seed + 1));
			List<Query> warm = new ArrayList<>();
			for (int i = 0; i < warmup; i++) {
				warm.add(switch (i % 6) {
					case 0 -> maker.document();
					case 1 -> maker.nameWithFilters();
					case 2 -> maker.browse(i);
					default -> maker.name();
				});
			}
			maker = new QueryMaker(generated, namesakes, new Random(seed + 2));
			List<Query> measured = new ArrayList<>();
			for (int i = 0; i < nameQueries; i++) {
				measured.add(maker.name());
			}
			for (int i = 0; i < documentQueries; i++) {
				measured.add(maker.document());
			}
			for (int i = 0; i < filterQueries; i++) {
				measured.add(maker.nameWithFilters());
			}
			for (int i = 0; i < browseQueries; i++) {
				measured.add(maker.browse(i));
			}
			Collections.shuffle(measured, new Random(seed + 3));

			for (Query query : warm) {
				run(queries, query);
			}
			double loadBefore = loadAverage();
			List<Result> results = new ArrayList<>(measured.size());
			for (Query query : measured) {
				results.add(run(queries, query));
			}
			double loadAfter = loadAverage();
			printResults(results);
			out.printf("load average (1 min) before / after measuring: %.2f / %.2f on %d cores; above about 1, other"
					+ " processes competed for the CPU and the figures are pessimistic.%n", loadBefore, loadAfter,
					Runtime.getRuntime().availableProcessors());
			figures(results, persons, counts.rows(), loadBefore);
			printMisses(results);
			printSlowest(results);
			results.stream().filter(r -> r.query().kind() == Kind.NAME).max(Comparator.comparingLong(Result::nanos))
					.ifPresent(slowest -> explain(jdbc, queries, slowest.query()));
		}
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static Result run(PersonQueries queries, Query query) {
		long start = System.nanoTime();
		PersonQueries.Page page = queries.search(CITY, query.filter(), Sort.RELEVANCE, 0);
		long nanos = System.nanoTime() - start;
		boolean found = page.rows().stream().anyMatch(r -> r.id() == query.expectedId());
		boolean nameFound = query.expectedKey() != null && page.rows().stream()
				.anyMatch(r -> query.expectedKey().equals(key(r.matchedName() != null ? r.matchedName() : r.primaryName())));
		return new Result(query, nanos, found, nameFound || found, page.rows().size(), page.total(),
				page.totalExact());
	}

	/** For each name search key, how many searchable persons go by a name with it. */
	private static Map<String, Integer> namesakes(List<RegistryPopulation.Generated> generated) {
		Map<String, Integer> counts = new HashMap<>();
		for (RegistryPopulation.Generated person : generated) {
			if (!person.searchable()) {
				continue;
			}
			Set<String> keys = new HashSet<>();
			person.names().forEach(n -> keys.add(key(n)));
			keys.forEach(k -> counts.merge(k, 1, Integer::sum));
		}
		return counts;
	}

	static String key(String name) {
		return NameNormalizer.normalize(name).sortedKey();
	}

	private static void printData(JdbcClient jdbc, RegistryPopulation.Counts counts, double loadSeconds,
			double analyzeSeconds) {
		out.println();
		out.printf("data: %,d persons, %,d names, %,d documents, %,d residences, %,d stay permits, %,d NIK links%n",
				counts.persons(), counts.names(), counts.documents(), counts.residences(), counts.permits(),
				counts.identityLinks());
		out.printf("generation + COPY: %,d rows in %.1f s = %,.0f rows/s (%,.0f persons/s); of which generating rows"
				+ " and keys in Java %.1f s, COPY with indexes and foreign keys in place %.1f s; VACUUM ANALYZE %.1f s%n",
				counts.rows(), loadSeconds, counts.rows() / loadSeconds, counts.persons() / loadSeconds,
				counts.generateNanos() / 1e9, counts.copyNanos() / 1e9, analyzeSeconds);
		out.printf("sizes: person_name %s (heap %s, search_key GIN %s, phonetic_key GIN %s), person %s%n",
				size(jdbc, "pg_total_relation_size('person_name')"), size(jdbc, "pg_relation_size('person_name')"),
				size(jdbc, "pg_relation_size('person_name_search_trgm_idx')"),
				size(jdbc, "pg_relation_size('person_name_phonetic_trgm_idx')"),
				size(jdbc, "pg_total_relation_size('person')"));
	}

	private static String size(JdbcClient jdbc, String expression) {
		return jdbc.sql("select pg_size_pretty(" + expression + ")").query(String.class).single();
	}

	private static void printResults(List<Result> results) {
		Map<Kind, List<Result>> byKind = new EnumMap<>(Kind.class);
		results.forEach(r -> byKind.computeIfAbsent(r.query().kind(), k -> new ArrayList<>()).add(r));
		out.println();
		out.println("search latency per call, ms (PersonQueries.search, scope 81.72, RELEVANCE, page 0; one thread)");
		out.printf("%-19s %5s %7s %7s %7s %7s  %9s  %9s%n", "query kind", "count", "p50", "p95", "p99", "max",
				"recall@25", "name@25");
		for (Map.Entry<Kind, List<Result>> entry : byKind.entrySet()) {
			List<Result> list = entry.getValue();
			double[] ms = list.stream().mapToDouble(Result::millis).sorted().toArray();
			boolean recall = entry.getKey() != Kind.BROWSE;
			out.printf("%-19s %5d %7.1f %7.1f %7.1f %7.1f  %9s  %9s%n", entry.getKey().label, ms.length,
					percentile(ms, 0.50), percentile(ms, 0.95), percentile(ms, 0.99), ms[ms.length - 1],
					recall ? percent(list.stream().filter(Result::found).count(), list.size()) : "-",
					recall && entry.getKey() != Kind.DOCUMENT
							? percent(list.stream().filter(Result::nameFound).count(), list.size()) : "-");
		}
		List<Result> documents = byKind.getOrDefault(Kind.DOCUMENT, List.of());
		if (!documents.isEmpty()) {
			List<Result> wrongMatches = documents.stream().filter(r -> r.total() > 1).toList();
			out.printf("document queries: %d of %d had a 0 typed as O; %d also matched persons by name (through the"
					+ " letters of the number), up to %,d.%n",
					documents.stream().filter(r -> r.query().from().indexOf('0') >= 0).count(), documents.size(),
					wrongMatches.size(), wrongMatches.stream().mapToLong(Result::total).max().orElse(0));
		}
		List<Result> names = byKind.getOrDefault(Kind.NAME, List.of());
		if (!names.isEmpty()) {
			long crowded = names.stream().filter(r -> r.query().namesakes() > PersonQueries.PAGE_SIZE).count();
			long crowdedFound = names.stream().filter(r -> r.query().namesakes() > PersonQueries.PAGE_SIZE)
					.filter(Result::found).count();
			long clear = names.size() - crowded;
			long clearFound = names.stream().filter(r -> r.query().namesakes() <= PersonQueries.PAGE_SIZE)
					.filter(Result::found).count();
			double[] totals = names.stream().mapToDouble(Result::total).sorted().toArray();
			out.printf("recall@25: the person the query was made from is on the first page; name@25: someone with"
					+ " that very name is.%n");
			out.printf("name queries whose name is borne by more than 25 persons: %d of %d (recall@25 %s; a name"
					+ " alone cannot single them out); the others: recall@25 %s.%n", crowded, names.size(),
					percent(crowdedFound, crowded), percent(clearFound, clear));
			out.printf("name queries match p50 %,.0f / p95 %,.0f / max %,.0f persons in all.%n",
					percentile(totals, 0.5), percentile(totals, 0.95), totals[totals.length - 1]);
		}
	}

	/** target/bench/search.properties: p50/p95/p99 and recall@25 of each query kind. */
	private static void figures(List<Result> results, int persons, long rows, double loadBefore) {
		BenchFigures figures = BenchFigures.of("search").put("persons", persons).put("rows", rows)
				.put("load_average_start", loadBefore);
		for (Kind kind : Kind.values()) {
			List<Result> list = results.stream().filter(r -> r.query().kind() == kind).toList();
			if (list.isEmpty()) {
				continue;
			}
			double[] ms = list.stream().mapToDouble(Result::millis).sorted().toArray();
			String key = kind.name().toLowerCase(Locale.ROOT);
			figures.put(key + "_count", ms.length).put(key + "_p50_ms", percentile(ms, 0.50))
					.put(key + "_p95_ms", percentile(ms, 0.95)).put(key + "_p99_ms", percentile(ms, 0.99));
			if (kind != Kind.BROWSE) {
				figures.put(key + "_recall25", list.stream().filter(Result::found).count() / (double) list.size());
			}
		}
		figures.write();
	}

	private static void printMisses(List<Result> results) {
		List<Result> misses = results.stream()
				.filter(r -> r.query().kind() != Kind.BROWSE && !r.nameFound() && !r.found())
				.toList();
		if (misses.isEmpty()) {
			return;
		}
		out.println();
		out.printf("misses (neither the person nor the name on the first page), %d:%n", misses.size());
		misses.stream().limit(30).forEach(r -> out.printf("  %-17s %-34s made from %-30s %s%s%n",
				r.query().kind().label, quoted(r.query().filter().text()), r.query().from(), matches(r),
				r.query().kind() == Kind.NAME_FILTERED ? " " + filters(r.query().filter()) : ""));
	}

	private static void printSlowest(List<Result> results) {
		out.println();
		out.println("slowest 3 of each kind:");
		for (Kind kind : Kind.values()) {
			results.stream().filter(r -> r.query().kind() == kind)
					.sorted(Comparator.comparingLong(Result::nanos).reversed()).limit(3)
					.forEach(r -> out.printf("  %7.1f ms  %-17s %-34s %s %s%n", r.millis(), kind.label,
							quoted(r.query().filter().text()), filters(r.query().filter()), matches(r)));
		}
	}

	/** A search answered by the exact or close names counts only those: at least so many. */
	private static String matches(Result r) {
		return (r.totalExact() ? "" : "at least ") + String.format("%,d matches", r.total());
	}

	private static String filters(Filter f) {
		List<String> parts = new ArrayList<>();
		if (f.nationality() != null) {
			parts.add(f.nationality());
		}
		if (f.regionCode() != null) {
			parts.add(f.regionCode());
		}
		if (f.category() != null) {
			parts.add(f.category().name());
		}
		if (f.permitEndingWithinDays() != null) {
			parts.add("permit<=" + f.permitEndingWithinDays() + "d");
		}
		return parts.isEmpty() ? "[no filter]" : parts.toString();
	}

	private static String quoted(String text) {
		return text == null ? "(no text) " : '"' + text + '"';
	}

	/** Nearest rank: the smallest value with at least {@code q} of the values at or below it. */
	static double percentile(double[] sorted, double q) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(q * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	private static String percent(long part, long whole) {
		return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
	}

	/**
	 * EXPLAIN (ANALYZE, BUFFERS) of a name search, with the SQL that {@link PersonQueries} builds for a text and no
	 * filter (copied here; a check below warns when it no longer returns what {@code search} returns).
	 */
	private static void explain(JdbcClient jdbc, PersonQueries queries, Query query) {
		String text = query.filter().text();
		NormalizedName name = NameNormalizer.normalize(text);
		Map<String, Object> params = new HashMap<>(CITY.sqlParameters());
		params.put("key", name.sortedKey());
		params.put("phonetic", name.phoneticKey());
		params.put("doc", DocumentNumbers.searchKey(text));
		params.put("raw", text.replaceAll("\\s", ""));
		params.put("limit", PersonQueries.PAGE_SIZE);
		params.put("offset", 0L);
		String sql = nameSearchSql(CITY);

		List<Long> copied = jdbc.sql(sql).params(params).query((rs, n) -> rs.getLong("id")).list();
		List<Long> actual = queries.search(CITY, query.filter(), Sort.RELEVANCE, 0).rows().stream().map(Row::id)
				.toList();
		out.println();
		out.printf("EXPLAIN (ANALYZE, BUFFERS) of the slowest name query \"%s\" (key '%s', phonetic '%s'):%n", text,
				name.sortedKey(), name.phoneticKey());
		if (!copied.equals(actual)) {
			out.println("WARNING: the SQL copied into SearchBenchmark no longer returns what PersonQueries.search"
					+ " returns; update nameSearchSql.");
		}
		List<String> plan = jdbc.sql("explain (analyze, buffers) " + sql).params(params).query(String.class).list();
		plan.forEach(line -> out.println("  " + line));
		boolean seqScan = plan.stream().anyMatch(l -> l.contains("Seq Scan on person_name"));
		boolean gin = plan.stream().anyMatch(l -> l.contains("person_name_search_trgm_idx"));
		out.printf("plan check: GIN index person_name_search_trgm_idx %s; sequential scan over person_name %s%n",
				gin ? "used" : "NOT used", seqScan ? "PRESENT" : "none");
	}

	/**
	 * The statement of {@link PersonQueries#search} for a text, no filter, RELEVANCE (an exact name first on a tie),
	 * reaching every similar name; its first page is the search's whichever reach answered it.
	 */
	private static String nameSearchSql(Scope scope) {
		return """
				select p.*, c.name_id as nationality_name, v.name as village_name, d.name as district_name from (
				with hits as (
				  select n.person_id, n.full_name,
				    greatest(similarity(n.search_key, :key), word_similarity(:key, n.search_key) * 0.95,
				             similarity(n.phonetic_key, :phonetic) * 0.9) as score,
				    n.search_key = :key as exact, abs(length(n.search_key) - length(:key)) as gap
				  from person_name n
				  where :key <> '' and (n.search_key % :key or :key <% n.search_key or n.phonetic_key % :phonetic)
				  union all
				  select d.person_id, null, 1.0, true, 0 from travel_document d where :doc <> '' and d.number_key = :doc
				  union all
				  select l.person_id, null, 1.0, true, 0 from identity_link l where l.value = :raw
				), best as (
				  select distinct on (person_id) person_id, full_name, score, exact, gap from hits
				  order by person_id, score desc, exact desc, gap, full_name
				)
				select p.id, p.primary_name, best.full_name as matched_name, best.score as score, best.exact, best.gap,
				  p.nationality, p.category, p.status, p.region_code, p.updated_at, count(*) over () as total
				from best cross join lateral (select * from person p where p.id = best.person_id offset 0) p
				where p.status <> 'MERGED' and \
				""" + " " + scope.sqlVisibility("p.region_code") + """
				 order by score desc, exact desc, gap, p.primary_name, p.id limit :limit offset :offset
				) p
				left join country_read c on c.alpha3 = p.nationality
				left join region_read v on v.code = p.region_code
				left join region_read d on d.code = v.parent_code
				order by score desc, exact desc, gap, p.primary_name, p.id""";
	}

	/** Makes queries from generated persons, typed the way people type them. */
	static final class QueryMaker {

		private final List<RegistryPopulation.Generated> persons;
		private final Map<String, Integer> namesakes;
		private final Random random;

		QueryMaker(List<RegistryPopulation.Generated> persons, Map<String, Integer> namesakes, Random random) {
			this.persons = persons;
			this.namesakes = namesakes;
			this.random = random;
		}

		Query name() {
			RegistryPopulation.Generated person = anyone(p -> true);
			String from = person.names().get(random.nextInt(person.names().size()));
			return new Query(Kind.NAME, new Filter(misspell(from, person.nationality()), null, null, null, null, null),
					person.id(), key(from), namesakes.getOrDefault(key(from), 1), from);
		}

		Query document() {
			RegistryPopulation.Generated person = anyone(p -> p.document() != null);
			String number = person.document().replace('0', 'O');
			number = switch (random.nextInt(3)) {
				case 0 -> number.toLowerCase(Locale.ROOT);
				case 1 -> number.substring(0, 2) + " " + number.substring(2);
				default -> number;
			};
			return new Query(Kind.DOCUMENT, new Filter(number, null, null, null, null, null), person.id(), null, 1,
					person.document());
		}

		/** A misspelt name with filters the person meets; a third of them with the permit filter. */
		Query nameWithFilters() {
			boolean permit = random.nextInt(3) == 0;
			RegistryPopulation.Generated person = anyone(p -> !permit || p.permitEndsWithin30Days());
			String from = person.names().get(random.nextInt(person.names().size()));
			String nationality = null;
			String district = null;
			Category category = null;
			do {
				nationality = person.nationality() != null && random.nextBoolean() ? person.nationality() : null;
				district = person.regionCode() != null && random.nextBoolean() ? person.regionCode().substring(0, 8)
						: null;
				category = random.nextBoolean() ? person.category() : null;
			}
			while (nationality == null && district == null && category == null && !permit);
			Filter filter = new Filter(misspell(from, person.nationality()), nationality, district, category, null,
					permit ? 30 : null);
			return new Query(Kind.NAME_FILTERED, filter, person.id(), key(from), namesakes.getOrDefault(key(from), 1),
					from);
		}

		/** The list page with filters and no text (as opened, or narrowed); any answer is right. */
		Query browse(int i) {
			RegistryPopulation.Generated person = anyone(p -> p.nationality() != null && p.regionCode() != null);
			Filter filter = switch (i % 5) {
				case 0 -> Filter.none();
				case 1 -> new Filter(null, person.nationality(), null, null, null, null);
				case 2 -> new Filter(null, null, person.regionCode().substring(0, 8), null, null, null);
				case 3 -> new Filter(null, null, null, person.category(), null, 30);
				default -> new Filter(null, person.nationality(), person.regionCode().substring(0, 8),
						person.category(), null, null);
			};
			return new Query(Kind.BROWSE, filter, 0, null, 0, filters(filter));
		}

		private RegistryPopulation.Generated anyone(Predicate<RegistryPopulation.Generated> test) {
			while (true) {
				RegistryPopulation.Generated person = persons.get(random.nextInt(persons.size()));
				if (person.searchable() && (person.regionCode() != null || random.nextInt(10) == 0)
						&& test.test(person)) {
					return person;
				}
			}
		}

		/**
		 * One typing slip (a letter dropped, doubled or swapped with the next) nine times in ten, and independently
		 * the tokens in another order, lower case, or an honorific in front; at least one of these.
		 */
		String misspell(String name, String nationality) {
			String text = name;
			boolean changed = false;
			String[] tokens = text.split(" ");
			if (tokens.length > 1 && random.nextInt(10) < 3) {
				List<String> order = new ArrayList<>(Arrays.asList(tokens));
				Collections.rotate(order, 1 + random.nextInt(tokens.length - 1));
				text = String.join(" ", order);
				changed = true;
			}
			if (random.nextInt(10) < 9) {
				text = slip(text);
				changed = true;
			}
			if (random.nextInt(10) < 4) {
				text = text.toLowerCase(Locale.ROOT);
				changed = true;
			}
			if (random.nextInt(100) < 15) {
				text = ("MMR".equals(nationality) ? "U " : "Mr ") + text;
				changed = true;
			}
			return changed ? text : slip(text);
		}

		private String slip(String text) {
			List<Integer> letters = new ArrayList<>();
			for (int i = 0; i < text.length(); i++) {
				if (Character.isLetter(text.charAt(i))) {
					letters.add(i);
				}
			}
			int at = letters.get(random.nextInt(letters.size()));
			return switch (random.nextInt(3)) {
				case 0 -> text.substring(0, at) + text.substring(at + 1);
				case 1 -> text.substring(0, at + 1) + text.charAt(at) + text.substring(at + 1);
				default -> at + 1 < text.length() && Character.isLetter(text.charAt(at + 1))
						&& text.charAt(at) != text.charAt(at + 1)
								? text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2)
								: text.substring(0, at) + text.substring(at + 1);
			};
		}
	}
}
