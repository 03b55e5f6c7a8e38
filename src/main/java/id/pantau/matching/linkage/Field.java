package id.pantau.matching.linkage;

import java.util.List;

/**
 * The compared fields and, for each, its comparison levels from the strongest agreement to disagreement. Every field
 * ends with {@code MISSING} (one side or both have no value), whose weight is always 0: an absent value says nothing.
 */
public enum Field {

	/**
	 * Names in any token order. EXACT: the same tokens after folding (case, accents, punctuation, honorifics);
	 * RESPELLED: the same tokens as heard ({@code KYAW}/{@code KYO}/{@code CHO}, {@code HTUN}/{@code TUN},
	 * {@code PH}/{@code F}, {@code TH}/{@code T}, {@code OO}/{@code U}...); TYPO: as many tokens, each close (Jaro-Winkler
	 * on the written and the heard form); SUBSET: the shorter name's tokens (two or more) all found in the longer one,
	 * as when a middle name is dropped; PARTIAL: at least one token in common; DIFFERENT: none.
	 */
	NAME("EXACT", "RESPELLED", "TYPO", "SUBSET", "PARTIAL", "DIFFERENT", "MISSING"),

	/**
	 * Document numbers. EXACT after removing spaces and punctuation; OCR: equal once the characters a scanner or a
	 * typist confuses are made one (O/Q/D/0, I/L/1, S/5, B/8, Z/2, G/6); NEAR: one edit or transposition apart.
	 */
	DOCUMENT("EXACT", "OCR", "NEAR", "DIFFERENT", "MISSING"),

	/**
	 * Birth dates. EXACT; SWAPPED: day and month exchanged; NEAR: two of year, month and day equal (a typo, or a year
	 * with one digit wrong); YEAR_ONLY: one side has only the year, and it is the same; YEAR_OFF: the years one apart
	 * (an age turned into a year); DIFFERENT.
	 */
	BIRTH_DATE("EXACT", "SWAPPED", "NEAR", "YEAR_ONLY", "YEAR_OFF", "DIFFERENT", "MISSING"),

	/**
	 * Nationalities resolved to codes (any way they are written). NEIGHBOUR: two countries often taken for each other
	 * in the field (Myanmar crew carrying Thai documents: Myanmar, Thailand, Cambodia, Laos; China, Taiwan, Hong Kong,
	 * Macao).
	 */
	NATIONALITY("EXACT", "NEIGHBOUR", "DIFFERENT", "MISSING"),

	SEX("EXACT", "DIFFERENT", "MISSING");

	private final List<String> levels;

	Field(String... levels) {
		this.levels = List.of(levels);
	}

	/** The levels' names, strongest agreement first, {@code MISSING} last. */
	public List<String> levels() {
		return levels;
	}

	public int levelCount() {
		return levels.size();
	}

	/** The index of {@code MISSING}, the last level. */
	public int missing() {
		return levels.size() - 1;
	}

	public int level(String name) {
		int index = levels.indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException("No level " + name + " in " + this);
		}
		return index;
	}

	/** The property-style name of the field, e.g. {@code birth_date}. */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
