package id.pantau.matching.linkage;

import java.util.Set;

/** The comparison of each field, giving the index of its level in {@link Field#levels()}. Pure functions. */
final class Comparators {

	static final int NAME_EXACT = 0, NAME_RESPELLED = 1, NAME_TYPO = 2, NAME_SUBSET = 3, NAME_PARTIAL = 4,
			NAME_DIFFERENT = 5, NAME_MISSING = 6;

	static final int DOC_EXACT = 0, DOC_OCR = 1, DOC_NEAR = 2, DOC_DIFFERENT = 3, DOC_MISSING = 4;

	static final int DATE_EXACT = 0, DATE_SWAPPED = 1, DATE_NEAR = 2, DATE_YEAR_ONLY = 3, DATE_YEAR_OFF = 4,
			DATE_DIFFERENT = 5, DATE_MISSING = 6;

	static final int NAT_EXACT = 0, NAT_NEIGHBOUR = 1, NAT_DIFFERENT = 2, NAT_MISSING = 3;

	static final int SEX_EXACT = 0, SEX_DIFFERENT = 1, SEX_MISSING = 2;

	/** Two tokens this close (Jaro-Winkler, written or heard form) are the same token misspelt. */
	static final double TOKEN_CLOSE = 0.88;

	/** Documents shorter than this are too short for one edit to mean a typo. */
	static final int DOC_NEAR_MIN_LENGTH = 6;

	private static final Set<Set<String>> NEIGHBOURS = Set.of(Set.of("MMR", "THA", "KHM", "LAO"),
			Set.of("CHN", "TWN", "HKG", "MAC"));

	private Comparators() {
	}

	static int name(Prepared a, Prepared b) {
		if (!a.hasName() || !b.hasName()) {
			return NAME_MISSING;
		}
		if (a.tokenSet == b.tokenSet) {
			return NAME_EXACT;
		}
		if (a.soundSet == b.soundSet) {
			return NAME_RESPELLED;
		}
		Prepared shorter = a.tokens.length <= b.tokens.length ? a : b;
		Prepared longer = shorter == a ? b : a;
		int close = closeTokens(shorter, longer);
		if (close == shorter.tokens.length) {
			if (shorter.tokens.length == longer.tokens.length) {
				return NAME_TYPO;
			}
			if (shorter.tokens.length >= 2) {
				return NAME_SUBSET;
			}
		}
		return close > 0 ? NAME_PARTIAL : NAME_DIFFERENT;
	}

	/** How many of the shorter name's tokens have a close token of their own in the longer name (greedy). */
	static int closeTokens(Prepared shorter, Prepared longer) {
		int used = 0;
		int close = 0;
		for (int i = 0; i < shorter.tokens.length; i++) {
			int best = -1;
			double bestSimilarity = TOKEN_CLOSE;
			for (int j = 0; j < longer.tokens.length; j++) {
				if ((used & (1 << j)) != 0) {
					continue;
				}
				double similarity = tokenSimilarity(shorter, i, longer, j);
				if (similarity >= bestSimilarity) {
					bestSimilarity = similarity;
					best = j;
					if (similarity == 1) {
						break;
					}
				}
			}
			if (best >= 0) {
				used |= 1 << best;
				close++;
			}
		}
		return close;
	}

	static double tokenSimilarity(Prepared a, int i, Prepared b, int j) {
		if (a.sounds[i].equals(b.sounds[j])) {
			return 1;
		}
		String ta = a.tokens[i];
		String tb = b.tokens[j];
		// A single letter is an initial: it stands for any token it begins.
		if (ta.length() == 1 || tb.length() == 1) {
			return ta.charAt(0) == tb.charAt(0) ? TOKEN_CLOSE : 0;
		}
		return Math.max(JaroWinkler.similarity(ta, tb), JaroWinkler.similarity(a.sounds[i], b.sounds[j]));
	}

	/**
	 * A document number with the characters that scanners and typists confuse made one: O, Q and D are 0; I and L are
	 * 1; S is 5; B is 8; Z is 2; G is 6. Input already {@linkplain id.pantau.registry.names.DocumentNumbers#normalize
	 * normalised}.
	 */
	static String documentKey(String normalized) {
		StringBuilder out = new StringBuilder(normalized.length());
		for (int i = 0; i < normalized.length(); i++) {
			char c = normalized.charAt(i);
			out.append(switch (c) {
				case 'O', 'Q', 'D' -> '0';
				case 'I', 'L' -> '1';
				case 'S' -> '5';
				case 'B' -> '8';
				case 'Z' -> '2';
				case 'G' -> '6';
				default -> c;
			});
		}
		return out.toString();
	}

	static int document(Prepared a, Prepared b) {
		if (a.document.isEmpty() || b.document.isEmpty()) {
			return DOC_MISSING;
		}
		if (a.document.equals(b.document)) {
			return DOC_EXACT;
		}
		if (a.documentKey.equals(b.documentKey)) {
			return DOC_OCR;
		}
		if (Math.min(a.documentKey.length(), b.documentKey.length()) >= DOC_NEAR_MIN_LENGTH
				&& withinOneEdit(a.documentKey, b.documentKey)) {
			return DOC_NEAR;
		}
		return DOC_DIFFERENT;
	}

	/** One substitution, insertion, deletion, or transposition of neighbours at most. */
	static boolean withinOneEdit(String a, String b) {
		int la = a.length();
		int lb = b.length();
		if (Math.abs(la - lb) > 1) {
			return false;
		}
		int i = 0;
		while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
			i++;
		}
		if (i == Math.min(la, lb)) {
			return true;
		}
		if (la == lb) {
			if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
				return true;
			}
			return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
					&& a.regionMatches(i + 2, b, i + 2, la - i - 2);
		}
		return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
	}

	static int birthDate(Prepared a, Prepared b) {
		if (a.year == 0 || b.year == 0) {
			return DATE_MISSING;
		}
		int dy = Math.abs(a.year - b.year);
		if (a.month != 0 && b.month != 0) {
			boolean sameMonth = a.month == b.month;
			boolean sameDay = a.day == b.day;
			if (dy == 0 && sameMonth && sameDay) {
				return DATE_EXACT;
			}
			if (dy == 0 && a.month == b.day && a.day == b.month) {
				return DATE_SWAPPED;
			}
			if ((dy == 0 && (sameMonth || sameDay)) || (sameMonth && sameDay && yearTypo(a.year, b.year))) {
				return DATE_NEAR;
			}
			return dy == 1 ? DATE_YEAR_OFF : DATE_DIFFERENT;
		}
		if (dy == 0) {
			return DATE_YEAR_ONLY;
		}
		return dy == 1 ? DATE_YEAR_OFF : DATE_DIFFERENT;
	}

	/**
	 * A slip of the pen in a year: the last digit wrong (1985 and 1986), or two neighbouring digits exchanged (1985
	 * and 1958). Another decade (1978 and 1988) is another birth year, not a typo.
	 */
	static boolean yearTypo(int a, int b) {
		String x = Integer.toString(a);
		String y = Integer.toString(b);
		if (x.length() != y.length() || x.equals(y)) {
			return false;
		}
		if (x.regionMatches(0, y, 0, x.length() - 1)) {
			return true;
		}
		for (int i = 0; i + 1 < x.length(); i++) {
			if (x.charAt(i) != y.charAt(i)) {
				return x.charAt(i) == y.charAt(i + 1) && x.charAt(i + 1) == y.charAt(i)
						&& x.regionMatches(i + 2, y, i + 2, x.length() - i - 2);
			}
		}
		return false;
	}

	/**
	 * Whether a pair agrees on something only the same person has: the same document number (or one misread by a
	 * scanner), or the complete birth date together with the name. Without it no pair is linked automatically,
	 * however alike the names: namesakes share a name, a nationality and a sex.
	 */
	static boolean strongEvidence(int pattern) {
		int document = Patterns.level(pattern, Field.DOCUMENT);
		if (document == DOC_EXACT || document == DOC_OCR) {
			return true;
		}
		int name = Patterns.level(pattern, Field.NAME);
		return Patterns.level(pattern, Field.BIRTH_DATE) == DATE_EXACT
				&& (name == NAME_EXACT || name == NAME_RESPELLED || name == NAME_TYPO);
	}

	static int nationality(Prepared a, Prepared b) {
		if (a.nationality == null || b.nationality == null) {
			return NAT_MISSING;
		}
		if (a.nationality.equals(b.nationality)) {
			return NAT_EXACT;
		}
		for (Set<String> group : NEIGHBOURS) {
			if (group.contains(a.nationality) && group.contains(b.nationality)) {
				return NAT_NEIGHBOUR;
			}
		}
		return NAT_DIFFERENT;
	}

	static int sex(Prepared a, Prepared b) {
		if (a.sex == 0 || b.sex == 0) {
			return SEX_MISSING;
		}
		return a.sex == b.sex ? SEX_EXACT : SEX_DIFFERENT;
	}

	/** The levels of all fields as one number: mixed radix over {@link Field#values()}. */
	static int pattern(Prepared a, Prepared b) {
		return Patterns.encode(name(a, b), document(a, b), birthDate(a, b), nationality(a, b), sex(a, b));
	}
}
