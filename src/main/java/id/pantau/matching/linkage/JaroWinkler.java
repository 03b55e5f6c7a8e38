package id.pantau.matching.linkage;

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters), 1 for equal strings, 0 for nothing in common. */
final class JaroWinkler {

	private JaroWinkler() {
	}

	static double similarity(String a, String b) {
		if (a.equals(b)) {
			return 1;
		}
		int la = a.length();
		int lb = b.length();
		if (la == 0 || lb == 0) {
			return 0;
		}
		int window = Math.max(0, Math.max(la, lb) / 2 - 1);
		boolean[] matchedA = new boolean[la];
		boolean[] matchedB = new boolean[lb];
		int matches = 0;
		for (int i = 0; i < la; i++) {
			int from = Math.max(0, i - window);
			int to = Math.min(lb - 1, i + window);
			for (int j = from; j <= to; j++) {
				if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
					matchedA[i] = true;
					matchedB[j] = true;
					matches++;
					break;
				}
			}
		}
		if (matches == 0) {
			return 0;
		}
		int transpositions = 0;
		int j = 0;
		for (int i = 0; i < la; i++) {
			if (matchedA[i]) {
				while (!matchedB[j]) {
					j++;
				}
				if (a.charAt(i) != b.charAt(j)) {
					transpositions++;
				}
				j++;
			}
		}
		double m = matches;
		double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3;
		int prefix = 0;
		for (int i = 0; i < Math.min(4, Math.min(la, lb)) && a.charAt(i) == b.charAt(i); i++) {
			prefix++;
		}
		return jaro + prefix * 0.1 * (1 - jaro);
	}
}
