package id.pantau.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import no.priv.garshol.duke.Cleaner;
import no.priv.garshol.duke.ConfigLoader;
import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.matchers.AbstractMatchListener;

/**
 * Duke 1.2 on the same files as {@code pantau link}, writing the same LINKS.csv ({@code record_id,person_id,score,
 * decision}). Record-linkage mode: persons.csv is group 1 (indexed in Duke's in-memory Lucene database), records.csv
 * group 2; for each record Duke keeps the best candidate above the maybe-threshold (its "choose best" filter): above
 * the threshold it is a MATCH, between the thresholds a REVIEW, else NONE. The configuration is
 * {@code duke-link.xml} next to this class; the cleaners below are the plain clean-ups any Duke user would write.
 */
public final class DukeLinker {

	/** What one run did. */
	record Result(double seconds, long comparisons, int matches, int maybes) {
	}

	private DukeLinker() {
	}

	/**
	 * Links and writes {@code out}; the time covers copying both files with a birth_year column, reading them, indexing
	 * the persons and matching the records.
	 * @param nameComparator a Duke comparator class for the name
	 */
	static Result link(Path persons, Path records, Path out, String nameComparator, int maxSearchHits, int threads)
			throws Exception {
		long started = System.nanoTime();
		Path dukePersons = withBirthYear(persons, out.resolveSibling("duke-persons.csv"));
		Path dukeRecords = withBirthYear(records, out.resolveSibling("duke-records.csv"));
		Path config = out.resolveSibling("duke-link.xml");
		String template;
		try (InputStream in = DukeLinker.class.getResourceAsStream("duke-link.xml")) {
			template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Files.writeString(config, template.replace("${persons}", dukePersons.toAbsolutePath().toString())
				.replace("${records}", dukeRecords.toAbsolutePath().toString())
				.replace("${nameComparator}", nameComparator)
				.replace("${maxSearchHits}", String.valueOf(maxSearchHits)));

		Configuration configuration = ConfigLoader.load(config.toString());
		Processor processor = new Processor(configuration, true);
		processor.setThreads(threads);
		Best best = new Best();
		processor.addMatchListener(best);
		processor.link(configuration.getDataSources(1), configuration.getDataSources(2), false, 40_000);
		processor.close();
		double seconds = (System.nanoTime() - started) / 1e9;

		List<String> recordIds = LinkScore.readTruth(records).keySet().stream().toList();
		int matches = 0;
		int maybes = 0;
		try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			writer.write("record_id,person_id,score,decision\n");
			for (String id : recordIds) {
				Candidate candidate = best.best.get(id);
				if (candidate == null) {
					LinkageData.writeRow(writer, id, "", "", "NONE");
				}
				else {
					matches += candidate.match ? 1 : 0;
					maybes += candidate.match ? 0 : 1;
					LinkageData.writeRow(writer, id, candidate.personId, String.format(Locale.ROOT, "%.4f",
							candidate.confidence), candidate.match ? "MATCH" : "REVIEW");
				}
			}
		}
		return new Result(seconds, processor.getComparisonCount(), matches, maybes);
	}

	/** A copy of the file with a last column birth_year, the same value as birth_date (cleaned to a year by Duke). */
	private static Path withBirthYear(Path file, Path copy) throws IOException {
		try (BufferedWriter writer = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
			writer.write(String.join(",", LinkageData.header(file)) + ",birth_year\n");
			for (String[] fields : LinkageData.rows(file)) {
				StringBuilder line = new StringBuilder();
				for (String field : fields) {
					line.append(LinkageData.csv(field)).append(',');
				}
				writer.write(line.append(LinkageData.csv(fields.length > 3 ? fields[3] : "")).append('\n').toString());
			}
		}
		return copy;
	}

	private record Candidate(String personId, double confidence, boolean match) {
	}

	/** Collects Duke's verdict per record; with matchall off, Duke reports at most one candidate per record. */
	private static final class Best extends AbstractMatchListener {

		final Map<String, Candidate> best = new ConcurrentHashMap<>();

		@Override
		public void matches(Record r1, Record r2, double confidence) {
			keep(r1, r2, confidence, true);
		}

		@Override
		public void matchesPerhaps(Record r1, Record r2, double confidence) {
			keep(r1, r2, confidence, false);
		}

		private void keep(Record r1, Record r2, double confidence, boolean match) {
			String a = r1.getValue("ID");
			String b = r2.getValue("ID");
			String record = a.startsWith("R") ? a : b;
			String person = a.startsWith("R") ? b : a;
			best.merge(record, new Candidate(person, confidence, match),
					(old, fresh) -> fresh.confidence > old.confidence ? fresh : old);
		}
	}

	// ----------------------------------------------------------------------------------------------- cleaners

	private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final Pattern YEAR = Pattern.compile("\\d{4}(-.*)?");
	private static final Map<String, String> NATIONALITIES = new HashMap<>();

	static {
		LinkageData.NATIONALITY_WRITINGS.forEach((code, writings) -> {
			for (String writing : writings) {
				if (!writing.isBlank()) {
					NATIONALITIES.put(writing.trim().toLowerCase(Locale.ROOT), code);
				}
			}
		});
	}

	/** A full date yyyy-mm-dd, or nothing (Duke then skips the property). */
	public static final class FullDate implements Cleaner {

		@Override
		public String clean(String value) {
			return value != null && FULL_DATE.matcher(value.trim()).matches() ? value.trim() : null;
		}
	}

	/** The year of a full date or a year alone. */
	public static final class Year implements Cleaner {

		@Override
		public String clean(String value) {
			return value != null && YEAR.matcher(value.trim()).matches() ? value.trim().substring(0, 4) : null;
		}
	}

	/**
	 * Any writing of a nationality to its alpha-3 code, with the table the generator writes from (which is generous
	 * to Duke: every variant in the data is known).
	 */
	public static final class Nationality implements Cleaner {

		@Override
		public String clean(String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			return NATIONALITIES.getOrDefault(value.trim().toLowerCase(Locale.ROOT), value.trim().toUpperCase(Locale.ROOT));
		}
	}

	/** A document number in upper case without spaces, dashes or dots. */
	public static final class Document implements Cleaner {

		@Override
		public String clean(String value) {
			if (value == null) {
				return null;
			}
			String cleaned = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
			return cleaned.isEmpty() ? null : cleaned;
		}
	}

	/** Runs Duke alone on files already written: {@code -Ddir=DIR [-DdukeName=...] [-DdukeHits=...]}. */
	public static void main(String[] args) throws Exception {
		Path dir = Path.of(System.getProperty("dir", "target/linkage-data"));
		Path out = dir.resolve("links-duke.csv");
		Result result = link(dir.resolve("persons.csv"), dir.resolve("records.csv"), out,
				System.getProperty("dukeName", LinkBenchmark.DUKE_NAME_COMPARATOR),
				Integer.getInteger("dukeHits", LinkBenchmark.DUKE_MAX_SEARCH_HITS), Integer.getInteger("threads", 2));
		LinkScore score = LinkScore.of(dir.resolve("truth.csv"), out);
		System.out.printf("Duke: %.1f s, %,d comparisons%n%s%n", result.seconds(), result.comparisons(),
				score.summary());
	}
}
