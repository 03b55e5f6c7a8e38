package id.pantau.reference.domain;

/** Edit distances for suggesting what someone may have meant. */
final class StringDistance {

	private StringDistance() {
	}

	/**
	 * The optimal-string-alignment form of the Damerau-Levenshtein distance: insertions, deletions, substitutions and
	 * transpositions of two adjacent characters each cost 1 ({@code TAILAND} to {@code THAILAND} is 1, {@code BRUMA}
	 * to {@code BURMA} is 1). Returns {@code limit + 1} as soon as the distance is known to exceed {@code limit}.
	 */
	static int damerauLevenshtein(String a, String b, int limit) {
		if (Math.abs(a.length() - b.length()) > limit) {
			return limit + 1;
		}
		int[] beforePrevious = new int[b.length() + 1];
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			int rowMinimum = current[0];
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					value = Math.min(value, beforePrevious[j - 2] + 1);
				}
				current[j] = value;
				rowMinimum = Math.min(rowMinimum, value);
			}
			if (rowMinimum > limit) {
				return limit + 1;
			}
			int[] recycled = beforePrevious;
			beforePrevious = previous;
			previous = current;
			current = recycled;
		}
		return Math.min(previous[b.length()], limit + 1);
	}
}
