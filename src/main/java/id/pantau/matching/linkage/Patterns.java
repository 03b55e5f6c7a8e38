package id.pantau.matching.linkage;

/**
 * A comparison pattern (the level of every field) packed in one int, mixed radix in the order of {@link Field}: the
 * unit that EM counts and the model turns into a weight.
 */
public final class Patterns {

	private static final Field[] FIELDS = Field.values();

	/** How many different patterns there are. */
	public static final int COUNT;

	static {
		int count = 1;
		for (Field field : FIELDS) {
			count *= field.levelCount();
		}
		COUNT = count;
	}

	private Patterns() {
	}

	/** @param levels one level index per field, in the order of {@link Field#values()} */
	public static int encode(int... levels) {
		if (levels.length != FIELDS.length) {
			throw new IllegalArgumentException("One level per field expected");
		}
		int pattern = 0;
		for (int f = FIELDS.length - 1; f >= 0; f--) {
			if (levels[f] < 0 || levels[f] >= FIELDS[f].levelCount()) {
				throw new IllegalArgumentException("No level " + levels[f] + " in " + FIELDS[f]);
			}
			pattern = pattern * FIELDS[f].levelCount() + levels[f];
		}
		return pattern;
	}

	public static int level(int pattern, Field field) {
		int p = pattern;
		for (Field f : FIELDS) {
			if (f == field) {
				return p % f.levelCount();
			}
			p /= f.levelCount();
		}
		throw new IllegalStateException();
	}

	public static int[] decode(int pattern) {
		int[] levels = new int[FIELDS.length];
		int p = pattern;
		for (int f = 0; f < FIELDS.length; f++) {
			levels[f] = p % FIELDS[f].levelCount();
			p /= FIELDS[f].levelCount();
		}
		return levels;
	}
}
