package id.pantau.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Record linkage on labelled data: Pantau's {@code link} command (a separate JVM) and Duke 1.2 (in this JVM) on the
 * same persons.csv and records.csv from {@link LinkageData}, each scored with {@link LinkScore} against the truth.
 * Not a test: it prints figures and never fails on time. Run with {@code bench/link} (see {@code bench/README.md});
 * options as system properties:
 * {@code -Dpersons=20000 -Drecords=5000 -Dseed=2026 -Dpantau=true -Dduke=true -DpantauXmx=2g -Djar=... -Ddir=...}.
 * <p>
 * Pantau's linker runs as {@code java -Xmx2g -cp CLASSPATH id.pantau.PantauApplication link --persons ... --records
 * ... --out ...} (or {@code java -jar JAR link ...} with {@code -Djar=target/pantau.jar}); its time is the wall clock
 * of that process, JVM start included. When the command is missing the benchmark says so and still runs Duke.
 */
public final class LinkBenchmark {

	static final String DUKE_NAME_COMPARATOR = "no.priv.garshol.duke.comparators.QGramComparator";
	static final int DUKE_MAX_SEARCH_HITS = 100;

	private static final PrintStream out = System.out;

	/** Peak heap of each linker in MB (Pantau's from its GC log, Duke's sampled in this JVM); -1 when unknown. */
	private static final Map<String, Long> PEAK_HEAP_MB = new HashMap<>();

	/** One linker's run on the data, scored; {@code score} null when it did not run. */
	record Row(String linker, double seconds, LinkScore score, LinkScore.AtThreshold[] sweep, String note) {
	}

	private LinkBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int persons = Integer.getInteger("persons", 20_000);
		int records = Integer.getInteger("records", 5_000);
		long seed = Long.getLong("seed", 2026);
		boolean runPantau = Boolean.parseBoolean(System.getProperty("pantau", "true"));
		boolean runDuke = Boolean.parseBoolean(System.getProperty("duke", "true"));
		String dir = System.getProperty("dir");
		Path folder = dir == null ? Files.createTempDirectory("pantau-link-bench-") : Files.createDirectories(Path.of(dir));

		out.printf("Pantau record-linkage benchmark, %s%n", ZonedDateTime.now(ZoneOffset.UTC)
				.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
		out.printf("machine: %d cores, Java %s, this JVM's heap max %d MB, load average %.2f%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() >> 20, loadAverage());

		boolean port = "port".equals(System.getProperty("scenario", "village"));
		Path personsFile = folder.resolve("persons.csv");
		Path recordsFile = folder.resolve("records.csv");
		Path truthFile = folder.resolve("truth.csv");
		if (port) {
			persons = Integer.getInteger("persons", 400);
			records = Integer.getInteger("records", 20_000);
			PortData.Written written = new PortData(seed, persons, records).write(folder);
			out.printf("%nport scenario: data in %s (seed %d), written in %.1f s:%n", folder, seed, written.seconds());
			out.printf("  persons.csv  %,d residents in the registry; %s%n", persons, namesakeShare(personsFile));
			out.printf("  records.csv  %,d crossings: %,d by residents, %,d strangers bearing a resident's name,"
					+ " nationality and sex (%,d of them born on the resident's very day, by chance), the rest other"
					+ " transient crew%n", records, written.residentCrossings(), written.strangers(),
					written.strangersBornTheSameDay());
		}
		else {
			LinkageData.Written written = new LinkageData(seed, persons, records).write(folder);
			out.printf("%ndata in %s (seed %d), written in %.1f s:%n", folder, seed, written.seconds());
			out.printf("  persons.csv  %,d persons (%.1f MB); %,d are explicit namesakes of an earlier person; %s%n",
					persons, Files.size(personsFile) / 1e6, written.namesakePersons(), namesakeShare(personsFile));
			out.printf("  records.csv  %,d records (%.1f MB): %,d about registry persons, %,d about people not in it%n",
					records, Files.size(recordsFile) / 1e6, written.recordsAboutKnown(),
					records - written.recordsAboutKnown());
		}

		List<Row> rows = new ArrayList<>();
		if (runPantau) {
			rows.add(pantau(folder, personsFile, recordsFile, truthFile));
		}
		if (runDuke) {
			rows.add(duke(folder, personsFile, recordsFile, truthFile));
		}

		out.println();
		out.println("| linker | persons | records | time s | records/s | MATCH | precision | recall | F1 | REVIEW share"
				+ " | right person in REVIEW | MATCH or REVIEW right |");
		out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (Row row : rows) {
			LinkScore s = row.score();
			if (s == null) {
				out.printf("| %s | %,d | %,d | %s | | | | | | | | |%n", row.linker(), persons, records, row.note());
				continue;
			}
			out.printf(Locale.ROOT, "| %s | %,d | %,d | %.1f | %,.0f | %,d | %.3f | %.3f | %.3f | %.1f %% | %.1f %% |"
					+ " %.1f %% |%n", row.linker(), persons, records, row.seconds(), records / row.seconds(), s.matches(),
					s.precision(), s.recall(), s.f1(), 100 * s.reviewShare(), 100 * s.reviewRightShare(),
					100 * s.recallWithReview());
		}
		out.println();
		for (Row row : rows) {
			if (row.score() != null) {
				out.printf("%s: %s%n", row.linker(), row.score().summary());
				if (row.score().missingRows() > 0 || row.score().unknownRows() > 0) {
					out.printf("  %,d records had no row in its LINKS.csv (counted as NONE); %,d rows named an unknown"
							+ " record%n", row.score().missingRows(), row.score().unknownRows());
				}
			}
			if (row.sweep() != null) {
				LinkScore.AtThreshold best = row.sweep()[0];
				LinkScore.AtThreshold precise = row.sweep()[1];
				out.printf(Locale.ROOT, "  on its own score: best F1 %.3f at >= %.4f (P %.3f R %.3f); %s%n",
						best == null ? 0 : best.f1(), best == null ? 0 : best.threshold(),
						best == null ? 0 : best.precision(), best == null ? 0 : best.recall(),
						precise == null ? "precision 0.98 is reached at no threshold"
								: String.format(Locale.ROOT, "with precision >= 0.98 (at >= %.4f) recall is %.3f",
										precise.threshold(), precise.recall()));
			}
			if (row.note() != null && !row.note().isEmpty()) {
				out.printf("%s: %s%n", row.linker(), row.note());
			}
		}
		if (port) {
			for (Row row : rows) {
				Path links = folder.resolve(row.linker().startsWith("Pantau") ? "links-pantau.csv" : "links-duke.csv");
				if (row.score() != null && Files.exists(links)) {
					out.printf("%s: strangers linked automatically: %,d of %,d%n", row.linker(),
							strangersMatched(links, folder.resolve("strangers.txt")),
							Files.readAllLines(folder.resolve("strangers.txt")).size());
				}
			}
			out.printf("goals (issue 15, port scenario): no stranger linked automatically, precision of MATCH >= 0.995,"
					+ " recall >= 0.95. Load average at the end: %.2f%n", loadAverage());
		}
		else {
			out.printf(Locale.ROOT, "records about a registry person that share a document number or the full birth date"
					+ " with that person: %.1f %% (the most recall an automatic MATCH on evidence can reach here)%n",
					100 * evidenceBound(personsFile, recordsFile, truthFile));
			out.printf("goals (issue 15, village records): precision >= 0.98, F1 >= 0.90; 100,000 records against"
					+ " 1,000,000 persons in < 60 s on 2 cores. Load average at the end: %.2f%n", loadAverage());
		}
		figures(rows, persons, records);
		if (dir == null && !Boolean.getBoolean("keep")) {
			try (Stream<Path> files = Files.list(folder)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(folder);
		}
		else {
			out.printf("files kept in %s%n", folder);
		}
	}

	// ---------------------------------------------------------------- Pantau, a separate JVM

	private static Row pantau(Path folder, Path persons, Path records, Path truth) throws Exception {
		Path links = folder.resolve("links-pantau.csv");
		Path log = folder.resolve("pantau-link.log");
		Files.deleteIfExists(links);
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx" + System.getProperty("pantauXmx", "2g"));
		Path gcLog = folder.resolve("pantau-link-gc.log");
		Files.deleteIfExists(gcLog);
		command.add("-Xlog:gc:file=" + gcLog.toAbsolutePath());
		// if "link" is unknown, the jar starts its context before saying so: let that use a throw-away database
		command.add("-Dpantau.db.embedded.ephemeral=true");
		String jar = System.getProperty("jar");
		if (jar != null) {
			command.add("-jar");
			command.add(Path.of(jar).toAbsolutePath().toString());
		}
		else {
			command.add("-cp");
			command.add(pantauClasspath());
			command.add("id.pantau.PantauApplication");
		}
		command.addAll(List.of("link", "--persons", persons.toAbsolutePath().toString(), "--records",
				records.toAbsolutePath().toString(), "--out", links.toAbsolutePath().toString()));
		out.printf("%nPantau: %s%n", String.join(" ", command.stream()
				.map(a -> a.length() > 120 ? a.substring(0, 60) + "...(" + a.length() + " chars)" : a).toList()));
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toFile()).start();
		int exit = process.waitFor();
		double seconds = (System.nanoTime() - started) / 1e9;
		PEAK_HEAP_MB.put("Pantau", BenchFigures.peakHeapFromGcLog(gcLog));
		String tail = tail(log, 6);
		if (exit != 0 || !Files.exists(links)) {
			String all = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
			boolean missing = all.contains("tidak dikenal: link") || all.toLowerCase(Locale.ROOT).contains("unknown command")
					|| all.contains("Could not find or load main class");
			String note = (missing ? "Pantau's linker is not available (no `link` command on this build)"
					: "Pantau's linker failed") + String.format(" (exit %d after %.1f s)", exit, seconds);
			out.printf("%s; its last lines:%n%s%n", note, (missing ? firstLine(all, "tidak dikenal") + "\n" : "")
					+ tail.indent(4).stripTrailing());
			return new Row("Pantau", seconds, null, null, missing ? "not available" : "failed (exit " + exit + ")");
		}
		out.printf("Pantau: %.1f s wall clock (JVM start included); last lines of its output:%n%s%n", seconds,
				tail.indent(4).stripTrailing());
		return scored("Pantau", seconds, truth, links);
	}

	/** target/classes and the runtime dependencies (not the test ones: Duke's Lucene stays out). */
	private static String pantauClasspath() throws IOException {
		String classpath = System.getProperty("pantauClasspath");
		if (classpath != null) {
			return classpath;
		}
		Path file = Path.of("target/runtime-classpath.txt");
		String dependencies = Files.exists(file) ? Files.readString(file).trim() : System.getProperty("java.class.path");
		return Path.of("target/classes").toAbsolutePath() + (dependencies.isEmpty() ? "" : ":" + dependencies);
	}

	// ---------------------------------------------------------------- Duke, in this JVM

	private static Row duke(Path folder, Path persons, Path records, Path truth) throws Exception {
		String comparator = System.getProperty("dukeName", DUKE_NAME_COMPARATOR);
		int hits = Integer.getInteger("dukeHits", DUKE_MAX_SEARCH_HITS);
		int threads = Integer.getInteger("dukeThreads", 2);
		out.printf("%nDuke 1.2: name comparator %s, Lucene in memory, max-search-hits %d, %d threads%n",
				comparator.substring(comparator.lastIndexOf('.') + 1), hits, threads);
		Path links = folder.resolve("links-duke.csv");
		DukeLinker.Result result;
		System.gc();
		try (BenchFigures.HeapPeak heap = new BenchFigures.HeapPeak()) {
			result = DukeLinker.link(persons, records, links, comparator, hits, threads);
			PEAK_HEAP_MB.put("Duke 1.2", heap.peakBytes() >> 20);
		}
		out.printf("Duke: %.1f s (reading, indexing, matching), %,d comparisons%n", result.seconds(),
				result.comparisons());
		return scored("Duke 1.2", result.seconds(), truth, links);
	}

	// ---------------------------------------------------------------- helpers

	/** target/bench/link.properties: each linker's time and accuracy, and Duke's time over Pantau's. */
	private static void figures(List<Row> rows, int persons, int records) {
		BenchFigures figures = BenchFigures.of("link").put("persons", persons).put("records", records);
		Map<String, Double> seconds = new HashMap<>();
		for (Row row : rows) {
			String key = row.linker().startsWith("Duke") ? "duke" : "pantau";
			if (row.score() == null) {
				figures.put(key + "_note", row.note());
				continue;
			}
			seconds.put(key, row.seconds());
			LinkScore s = row.score();
			figures.put(key + "_seconds", row.seconds()).put(key + "_records_per_s", records / row.seconds())
					.put(key + "_match", s.matches()).put(key + "_precision", s.precision())
					.put(key + "_recall", s.recall()).put(key + "_f1", s.f1())
					.put(key + "_review_share", s.reviewShare())
					.put(key + "_peak_heap_mb", PEAK_HEAP_MB.getOrDefault(row.linker(), -1L));
			if (row.sweep() != null && row.sweep()[0] != null) {
				figures.put(key + "_best_f1", row.sweep()[0].f1());
			}
		}
		if (seconds.containsKey("pantau") && seconds.containsKey("duke")) {
			figures.put("time_ratio_duke_over_pantau", seconds.get("duke") / seconds.get("pantau"));
		}
		figures.write();
	}

	private static Row scored(String linker, double seconds, Path truthFile, Path linksFile) throws IOException {
		Map<String, String> truth = LinkScore.readTruth(truthFile);
		Map<String, LinkScore.Link> links = LinkScore.readLinks(linksFile);
		return new Row(linker, seconds, LinkScore.of(truth, links), LinkScore.sweep(truth, links, 0.98), "");
	}

	/**
	 * The share of records about a registry person that agree with that person on a document number (case, spaces and
	 * the letters typists take for digits aside) or on a full birth date: what an automatic MATCH may rest on.
	 */
	private static double evidenceBound(Path persons, Path records, Path truthFile) throws IOException {
		Map<String, String[]> byId = new HashMap<>();
		for (String[] row : LinkageData.rows(persons)) {
			byId.put(row[0], row);
		}
		Map<String, String> truth = LinkScore.readTruth(truthFile);
		int known = 0;
		int evidence = 0;
		for (String[] record : LinkageData.rows(records)) {
			String personId = truth.get(record[0]);
			if (personId == null || personId.isEmpty() || !byId.containsKey(personId)) {
				continue;
			}
			known++;
			String[] person = byId.get(personId);
			String document = folded(record[5]);
			boolean sameDocument = !document.isEmpty() && document.equals(folded(person[5]));
			boolean sameBirth = record[3].length() == 10 && record[3].equals(person[3]);
			evidence += sameDocument || sameBirth ? 1 : 0;
		}
		return known == 0 ? 0 : (double) evidence / known;
	}

	private static String folded(String document) {
		String upper = document == null ? "" : document.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		StringBuilder folded = new StringBuilder(upper.length());
		for (char c : upper.toCharArray()) {
			folded.append(switch (c) {
				case 'O', 'Q', 'D' -> '0';
				case 'I', 'L' -> '1';
				case 'S' -> '5';
				case 'B' -> '8';
				case 'Z' -> '2';
				case 'G' -> '6';
				default -> c;
			});
		}
		return folded.toString();
	}

	/** How many of the strangers' crossings the linker linked to a resident without asking anyone. */
	private static long strangersMatched(Path links, Path strangers) throws IOException {
		java.util.Set<String> ids = new java.util.HashSet<>(Files.readAllLines(strangers));
		return LinkScore.readLinks(links).entrySet().stream()
				.filter(e -> ids.contains(e.getKey()) && "MATCH".equals(e.getValue().decision())).count();
	}

	/** How many persons bear a name (as written, case and accents aside) that another person also bears. */
	private static String namesakeShare(Path persons) throws IOException {
		Map<String, Integer> counts = new HashMap<>();
		for (String[] fields : LinkageData.rows(persons)) {
			String name = java.text.Normalizer.normalize(fields[1], java.text.Normalizer.Form.NFD)
					.replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
			counts.merge(name, 1, Integer::sum);
		}
		int total = counts.values().stream().mapToInt(Integer::intValue).sum();
		int shared = counts.values().stream().filter(c -> c > 1).mapToInt(Integer::intValue).sum();
		var top = counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
				.map(e -> e.getKey() + " x" + e.getValue()).toList();
		return String.format(Locale.ROOT, "%.1f %% of persons share their exact name with another (most common: %s)",
				100.0 * shared / total, String.join(", ", top));
	}

	private static String firstLine(String text, String containing) {
		return text.lines().filter(line -> line.contains(containing)).findFirst().map(line -> "    " + line).orElse("");
	}

	private static String tail(Path file, int lines) throws IOException {
		if (!Files.exists(file)) {
			return "";
		}
		List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}
}
