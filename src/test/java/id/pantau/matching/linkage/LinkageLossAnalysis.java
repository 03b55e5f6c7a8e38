package id.pantau.matching.linkage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import id.pantau.platform.tables.DelimitedRows;
import id.pantau.reference.NationalityResolver;
import id.pantau.registry.BirthDate;

/**
 * Where the batch linker loses recall, on files the link benchmark wrote ({@code persons.csv}, {@code records.csv},
 * {@code truth.csv}): not a test, a tool. Runs {@link BatchLinkage} as {@code link} does, then sorts every record about
 * a registry person that did not end as a MATCH to that person:
 * <ul>
 * <li>BLOCKING: the right person was not among the candidates;</li>
 * <li>OUTRANKED: a candidate scored at least as high as the right person (a namesake);</li>
 * <li>NAMESAKE_MARGIN: the right person was best and above the match threshold, but the second was within the
 * margin;</li>
 * <li>BELOW_MATCH: the right person was best, below the match threshold (REVIEW or NONE).</li>
 * </ul>
 * And an oracle that knows nothing of the linker: a person is <em>consistent</em> with a record when no field
 * disagrees beyond the common noise (name shares at least a close token, document not different, birth date not
 * different, nationality the same or a neighbour, sex the same, each or missing). A record is <em>identifiable</em>
 * when its person is consistent and no other person is consistent at least as closely on every field;
 * <em>indistinguishable</em> when another person is; <em>inconsistent</em> when rare noise (a wrong sex, another
 * document, a far nationality) made its own person disagree. Every person is checked, not only the candidates.
 * <p>
 * {@code java -cp ... id.pantau.matching.linkage.LinkageLossAnalysis DIR}
 */
public final class LinkageLossAnalysis {

	private static final PrintStream out = System.out;

	private LinkageLossAnalysis() {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("dir"));
		analyse(dir, out);
	}

	public static void analyse(Path dir, PrintStream out) throws IOException {
		List<LinkageRecord> persons = read(dir.resolve("persons.csv"));
		List<LinkageRecord> records = read(dir.resolve("records.csv"));
		Map<String, String> truth = new HashMap<>();
		for (String[] row : rows(dir.resolve("truth.csv"))) {
			truth.put(row[0], row.length > 1 ? row[1] : "");
		}
		Linker linker = new Linker(LinkageModel.defaults(), TermFrequencies.none(), NationalityResolver.bundled());
		PersonIndex index = PersonIndex.build(persons, linker);
		Linker population = linker.withFrequencies(BatchLinkage.population(linker, index, records));
		BatchLinkage.Outcome outcome = new BatchLinkage(population, index, true).run(records, (p, d, t) -> {
		});
		Linker scoring = population.withModel(outcome.model());
		Thresholds thresholds = outcome.model().thresholds();
		Map<String, Integer> personIndex = new HashMap<>();
		for (int i = 0; i < index.size(); i++) {
			personIndex.put(index.personId(i), i);
		}
		Prepared[] prepared = records.parallelStream().map(scoring.preparer()::prepare).toArray(Prepared[]::new);

		String[] reasons = new String[records.size()];
		Map<String, Integer> loss = new TreeMap<>();
		int known = 0;
		int right = 0;
		for (int r = 0; r < records.size(); r++) {
			String expected = truth.get(records.get(r).id());
			if (expected == null || expected.isEmpty()) {
				continue;
			}
			known++;
			LinkResult result = outcome.results().get(r);
			boolean matched = result.decision() == Decision.MATCH && result.best().personId().equals(expected);
			if (matched) {
				right++;
				continue;
			}
			int t = personIndex.get(expected);
			int truthIndex = t;
			int[] found = index.candidates(prepared[r]);
			boolean candidate = IntStream.of(found).anyMatch(c -> c == truthIndex);
			String why;
			if (!candidate) {
				why = "BLOCKING";
			}
			else {
				double truthWeight = scoring.explain(prepared[r], index.person(t)).matchWeight();
				boolean outranked = result.best() != null && !result.best().personId().equals(expected)
						&& result.best().matchWeight() >= truthWeight - 1e-9;
				if (outranked) {
					why = result.decision() == Decision.MATCH ? "OUTRANKED (MATCH to the other)" : "OUTRANKED";
				}
				else if (result.namesakes()) {
					why = "NAMESAKE_MARGIN";
				}
				else {
					why = "BELOW_MATCH (" + result.decision() + ")";
				}
			}
			loss.merge(why, 1, Integer::sum);
			reasons[r] = why;
		}
		out.printf("%nLoss analysis: %,d records about registry persons, %,d MATCHed right (recall %.3f)%n", known,
				right, (double) right / known);
		for (Map.Entry<String, Integer> entry : loss.entrySet()) {
			out.printf(Locale.ROOT, "  %-32s %,6d  (%.1f %% of those records)%n", entry.getKey(), entry.getValue(),
					100.0 * entry.getValue() / known);
		}

		// ---- the oracle: every person, not only the candidates
		Prepared[] all = new Prepared[index.size()];
		for (int i = 0; i < all.length; i++) {
			all[i] = index.person(i);
		}
		int[] verdicts = new int[records.size()];
		int[] unknownTraps = new int[records.size()];
		IntStream.range(0, records.size()).parallel().forEach(r -> {
			String expected = truth.get(records.get(r).id());
			boolean isKnown = expected != null && !expected.isEmpty();
			int t = isKnown ? personIndex.get(expected) : -1;
			int[] truthLevels = t < 0 ? null : levels(prepared[r], all[t]);
			boolean truthConsistent = truthLevels != null && consistent(truthLevels);
			int rivals = 0;
			for (int p = 0; p < all.length; p++) {
				if (p == t) {
					continue;
				}
				int[] levels = levelsIfConsistent(prepared[r], all[p]);
				if (levels == null) {
					continue;
				}
				if (!isKnown) {
					rivals++;
				}
				else if (truthConsistent && atLeastAsClose(levels, truthLevels)) {
					rivals++;
					break;
				}
			}
			if (!isKnown) {
				unknownTraps[r] = rivals;
				return;
			}
			verdicts[r] = !truthConsistent ? 3 : rivals > 0 ? 2 : strong(truthLevels) ? 1 : 4;
		});
		int[] counts = new int[5];
		int traps = 0;
		int unknown = 0;
		for (int r = 0; r < records.size(); r++) {
			String expected = truth.get(records.get(r).id());
			if (expected == null || expected.isEmpty()) {
				unknown++;
				if (unknownTraps[r] > 0) {
					traps++;
				}
			}
			else {
				counts[verdicts[r]]++;
			}
		}
		int identifiable = counts[1] + counts[4];
		Map<String, int[]> cross = new TreeMap<>();
		for (int r = 0; r < records.size(); r++) {
			if (reasons[r] != null) {
				cross.computeIfAbsent(reasons[r], k -> new int[5])[verdicts[r]]++;
			}
		}
		int show = Integer.getInteger("show", 0);
		Map<String, Integer> shown = new HashMap<>();
		for (int r = 0; r < records.size() && show > 0; r++) {
			if (reasons[r] == null) {
				continue;
			}
			String key = reasons[r] + " / " + verdicts[r];
			if (shown.merge(key, 1, Integer::sum) > show) {
				continue;
			}
			LinkResult result = outcome.results().get(r);
			int t = personIndex.get(truth.get(records.get(r).id()));
			out.printf("%s  %s%n    truth  %.4f %s%n    best   %s%n", key, records.get(r),
					scoring.explain(prepared[r], all[t]).probability(), scoring.explain(prepared[r], all[t]).explain(),
					result.best() == null ? "-" : result.best().personId() + " " + result.best().explain());
		}
		out.printf("%nLosses by oracle verdict (identifiable+strong / identifiable+weak / indistinguishable /"
				+ " inconsistent):%n");
		for (Map.Entry<String, int[]> entry : cross.entrySet()) {
			int[] c = entry.getValue();
			out.printf("  %-32s %,6d %,6d %,6d %,6d%n", entry.getKey(), c[1], c[4], c[2], c[3]);
		}
		out.printf("%nOracle (every person checked, no linker): of %,d records about registry persons%n", known);
		out.printf(Locale.ROOT, "  identifiable, with a document or full birth date agreeing   %,6d  (%.1f %%)%n",
				counts[1], 100.0 * counts[1] / known);
		out.printf(Locale.ROOT, "  identifiable on name and weak fields only                   %,6d  (%.1f %%)%n",
				counts[4], 100.0 * counts[4] / known);
		out.printf(Locale.ROOT, "  indistinguishable: another person as close on every field   %,6d  (%.1f %%)%n",
				counts[2], 100.0 * counts[2] / known);
		out.printf(Locale.ROOT, "  own person inconsistent (rare noise: sex, document, nationality) %,d  (%.1f %%)%n",
				counts[3], 100.0 * counts[3] / known);
		out.printf(Locale.ROOT, "  ceiling on recall: identifiable %.3f; best F1 if all of them MATCH right and"
				+ " nothing else: %.3f%n", (double) identifiable / known,
				2.0 * identifiable / (identifiable + known));
		out.printf(Locale.ROOT, "  of %,d records about people not in the registry, %,d have a consistent registry"
				+ " person (a trap for precision)%n", unknown, traps);
	}

	static int[] levels(Prepared record, Prepared person) {
		return new int[] { Comparators.name(record, person), Comparators.document(record, person),
				Comparators.birthDate(record, person), Comparators.nationality(record, person),
				Comparators.sex(record, person) };
	}

	/** The levels when the person is consistent with the record; the cheap fields first. */
	private static int[] levelsIfConsistent(Prepared record, Prepared person) {
		int nationality = Comparators.nationality(record, person);
		if (nationality == Comparators.NAT_DIFFERENT) {
			return null;
		}
		int sex = Comparators.sex(record, person);
		if (sex == Comparators.SEX_DIFFERENT) {
			return null;
		}
		int birth = Comparators.birthDate(record, person);
		if (birth == Comparators.DATE_DIFFERENT) {
			return null;
		}
		int document = Comparators.document(record, person);
		if (document == Comparators.DOC_DIFFERENT) {
			return null;
		}
		int name = Comparators.name(record, person);
		if (name == Comparators.NAME_DIFFERENT) {
			return null;
		}
		return new int[] { name, document, birth, nationality, sex };
	}

	private static boolean consistent(int[] levels) {
		return levels[0] != Comparators.NAME_DIFFERENT && levels[1] != Comparators.DOC_DIFFERENT
				&& levels[2] != Comparators.DATE_DIFFERENT && levels[3] != Comparators.NAT_DIFFERENT
				&& levels[4] != Comparators.SEX_DIFFERENT;
	}

	/** Agreement on the document or on the full birth date: more than a name says. */
	private static boolean strong(int[] levels) {
		return levels[1] <= Comparators.DOC_NEAR || levels[2] <= Comparators.DATE_NEAR;
	}

	/** Every field at the same or a closer level (levels are ordered closest first, MISSING last). */
	private static boolean atLeastAsClose(int[] levels, int[] than) {
		for (int f = 0; f < levels.length; f++) {
			if (levels[f] > than[f]) {
				return false;
			}
		}
		return true;
	}

	private static List<LinkageRecord> read(Path file) throws IOException {
		LocalDate today = LocalDate.now();
		List<LinkageRecord> list = new ArrayList<>();
		for (String[] row : rows(file)) {
			String[] f = java.util.Arrays.copyOf(row, 6);
			list.add(new LinkageRecord(f[0], f[1], blank(f[2]), f[3] == null || f[3].isBlank() ? BirthDate.UNKNOWN
					: BirthDate.parse(f[3], today), blank(f[4]), blank(f[5])));
		}
		return list;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	/** The rows of a CSV file after its header, read with the application's own reader. */
	private static List<String[]> rows(Path file) throws IOException {
		List<String[]> rows = new ArrayList<>();
		try (DelimitedRows in = DelimitedRows.open(file)) {
			in.next();
			for (List<String> row = in.next(); row != null; row = in.next()) {
				if (!(row.size() == 1 && row.get(0).isBlank())) {
					rows.add(row.toArray(String[]::new));
				}
			}
		}
		return rows;
	}
}
