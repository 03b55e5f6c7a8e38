package id.pantau.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How good a LINKS.csv ({@code record_id,person_id,score,decision}) is against the truth ({@code record_id,person_id},
 * person empty for a record about someone who is not in the registry).
 * <ul>
 * <li>A MATCH is right when its person is the truth's person. A MATCH to another person, or of a record whose truth
 * is none, is a false positive. precision = right MATCHes / MATCHes.</li>
 * <li>recall = right MATCHes / records whose truth is a person (every such record not MATCHed to its person is a
 * false negative, whether it went to REVIEW, NONE, or to another person). F1 = 2PR / (P + R).</li>
 * <li>REVIEW share = REVIEW rows / records; of the REVIEW rows, the share whose candidate is the truth's person.</li>
 * <li>A record with no row in LINKS.csv counts as NONE, and is counted in {@code missingRows}.</li>
 * </ul>
 */
record LinkScore(int records, int recordsWithTruth, int matches, int rightMatches, int wrongPersonMatches,
		int matchesOfUnknown, int reviews, int reviewsRightCandidate, int reviewsOfUnknown, int nones,
		int missingRows, int unknownRows) {

	/** One row of LINKS.csv; {@code score} NaN when the row has none. */
	record Link(String personId, String decision, double score) {

		Link(String personId, String decision) {
			this(personId, decision, Double.NaN);
		}
	}

	/** A threshold on a linker's own score, and what MATCH would be if every candidate above it were a MATCH. */
	record AtThreshold(double threshold, int matches, double precision, double recall, double f1) {
	}

	/**
	 * Treats every candidate with a score (MATCH or REVIEW rows) as a MATCH when its score is at least a threshold,
	 * for every threshold: the best F1 over thresholds, and the highest recall with precision at least
	 * {@code minPrecision} (null if no threshold reaches it). This compares linkers whose own thresholds differ.
	 */
	static AtThreshold[] sweep(Map<String, String> truth, Map<String, Link> links, double minPrecision) {
		long withTruth = truth.values().stream().filter(v -> v != null && !v.isEmpty()).count();
		List<Map.Entry<String, Link>> scored = links.entrySet().stream()
				.filter(e -> truth.containsKey(e.getKey()) && !Double.isNaN(e.getValue().score())
						&& !e.getValue().personId().isEmpty() && !e.getValue().decision().equals("NONE"))
				.sorted(Comparator.comparingDouble((Map.Entry<String, Link> e) -> e.getValue().score()).reversed())
				.toList();
		AtThreshold bestF1 = null;
		AtThreshold atPrecision = null;
		int right = 0;
		for (int i = 0; i < scored.size(); i++) {
			Map.Entry<String, Link> entry = scored.get(i);
			if (entry.getValue().personId().equals(truth.get(entry.getKey()))) {
				right++;
			}
			boolean lastOfTies = i + 1 == scored.size() || scored.get(i + 1).getValue().score() < entry.getValue().score();
			if (!lastOfTies) {
				continue;
			}
			double precision = (double) right / (i + 1);
			double recall = withTruth == 0 ? 0 : (double) right / withTruth;
			double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
			AtThreshold here = new AtThreshold(entry.getValue().score(), i + 1, precision, recall, f1);
			if (bestF1 == null || f1 > bestF1.f1()) {
				bestF1 = here;
			}
			if (precision >= minPrecision && (atPrecision == null || recall > atPrecision.recall())) {
				atPrecision = here;
			}
		}
		return new AtThreshold[] { bestF1, atPrecision };
	}

	static LinkScore of(Map<String, String> truth, Map<String, Link> links) {
		int withTruth = 0;
		int matches = 0;
		int right = 0;
		int wrongPerson = 0;
		int ofUnknown = 0;
		int reviews = 0;
		int reviewsRight = 0;
		int reviewsUnknown = 0;
		int nones = 0;
		int missing = 0;
		for (Map.Entry<String, String> entry : truth.entrySet()) {
			String expected = entry.getValue();
			boolean known = expected != null && !expected.isEmpty();
			if (known) {
				withTruth++;
			}
			Link link = links.get(entry.getKey());
			if (link == null) {
				missing++;
				nones++;
				continue;
			}
			boolean samePerson = known && expected.equals(link.personId());
			switch (link.decision()) {
				case "MATCH" -> {
					matches++;
					if (samePerson) {
						right++;
					}
					else if (known) {
						wrongPerson++;
					}
					else {
						ofUnknown++;
					}
				}
				case "REVIEW" -> {
					reviews++;
					if (samePerson) {
						reviewsRight++;
					}
					else if (!known) {
						reviewsUnknown++;
					}
				}
				default -> nones++;
			}
		}
		int unknownRows = (int) links.keySet().stream().filter(id -> !truth.containsKey(id)).count();
		return new LinkScore(truth.size(), withTruth, matches, right, wrongPerson, ofUnknown, reviews, reviewsRight,
				reviewsUnknown, nones, missing, unknownRows);
	}

	static LinkScore of(Path truthFile, Path linksFile) throws IOException {
		return of(readTruth(truthFile), readLinks(linksFile));
	}

	double precision() {
		return matches == 0 ? 0 : (double) rightMatches / matches;
	}

	double recall() {
		return recordsWithTruth == 0 ? 0 : (double) rightMatches / recordsWithTruth;
	}

	double f1() {
		double p = precision();
		double r = recall();
		return p + r == 0 ? 0 : 2 * p * r / (p + r);
	}

	double reviewShare() {
		return records == 0 ? 0 : (double) reviews / records;
	}

	/** Of the REVIEW rows, the share whose candidate is the right person. */
	double reviewRightShare() {
		return reviews == 0 ? 0 : (double) reviewsRightCandidate / reviews;
	}

	/** Records about registry persons that end with the right person as MATCH or as the REVIEW candidate. */
	double recallWithReview() {
		return recordsWithTruth == 0 ? 0 : (double) (rightMatches + reviewsRightCandidate) / recordsWithTruth;
	}

	String summary() {
		return String.format(Locale.ROOT, "P %.4f  R %.4f  F1 %.4f  MATCH %d (right %d, other person %d, not in"
				+ " registry %d)  REVIEW %d = %.1f %% (right candidate %.1f %%)  NONE %d", precision(), recall(), f1(),
				matches, rightMatches, wrongPersonMatches, matchesOfUnknown, reviews, 100 * reviewShare(),
				100 * reviewRightShare(), nones);
	}

	static Map<String, String> readTruth(Path file) throws IOException {
		Map<String, String> truth = new LinkedHashMap<>();
		for (String[] fields : LinkageData.rows(file)) {
			truth.put(fields[0], fields.length > 1 ? fields[1] : "");
		}
		return truth;
	}

	private static double number(String text) {
		try {
			return text.isBlank() ? Double.NaN : Double.parseDouble(text.trim());
		}
		catch (NumberFormatException e) {
			return Double.NaN;
		}
	}

	/** Reads LINKS.csv by its header names, so the column order does not matter. */
	static Map<String, Link> readLinks(Path file) throws IOException {
		Map<String, Link> links = new HashMap<>();
		String[] names = LinkageData.header(file);
		int record = -1;
		int person = -1;
		int decision = -1;
		int score = -1;
		for (int i = 0; i < names.length; i++) {
			switch (names[i].trim().toLowerCase(Locale.ROOT)) {
				case "record_id" -> record = i;
				case "person_id" -> person = i;
				case "decision" -> decision = i;
				case "score" -> score = i;
				default -> {
				}
			}
		}
		if (names.length == 0) {
			return links;
		}
		if (record < 0 || person < 0 || decision < 0) {
			throw new IOException(file + ": header is not record_id,person_id,score,decision but "
					+ String.join(",", names));
		}
		for (String[] fields : LinkageData.rows(file)) {
			links.put(fields[record], new Link(fields.length > person ? fields[person].trim() : "",
					fields.length > decision ? fields[decision].trim().toUpperCase(Locale.ROOT) : "NONE",
					score >= 0 && fields.length > score ? number(fields[score]) : Double.NaN));
		}
		return links;
	}
}
