package id.pantau.matching.linkage;

/**
 * A {@link LinkageRecord} folded once for many comparisons: compact, so that a million persons fit in memory.
 * Immutable.
 */
final class Prepared {

	static final String[] NO_TOKENS = new String[0];

	final String id;

	/** Folded name tokens in written order (shared string instances). */
	final String[] tokens;

	/** {@link Sounds} of each token, aligned with {@link #tokens}. */
	final String[] sounds;

	/** Order-independent hashes of the tokens and of the sounds; 0 for no name. */
	final long tokenSet;

	final long soundSet;

	final String document;

	final String documentKey;

	/** 0 when unknown; month and day 0 when only the year is known. */
	final short year;

	final byte month;

	final byte day;

	/** 'M', 'F' or 0. */
	final char sex;

	/** An alpha-3 code, or the folded text when it did not resolve, or null. */
	final String nationality;

	Prepared(String id, String[] tokens, String[] sounds, String document, String documentKey, int year, int month,
			int day, char sex, String nationality) {
		this.id = id;
		this.tokens = tokens;
		this.sounds = sounds;
		this.tokenSet = Hashing.multiset(tokens);
		this.soundSet = Hashing.multiset(sounds);
		this.document = document;
		this.documentKey = documentKey;
		this.year = (short) year;
		this.month = (byte) month;
		this.day = (byte) day;
		this.sex = sex;
		this.nationality = nationality;
	}

	boolean hasName() {
		return tokens.length > 0;
	}

	String nameText() {
		return String.join(" ", tokens);
	}

	String birthText() {
		if (year == 0) {
			return "";
		}
		return month == 0 ? Integer.toString(year) : String.format("%04d-%02d-%02d", year, month, day);
	}
}
