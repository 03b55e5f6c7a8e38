package id.pantau.matching.linkage;

import id.pantau.registry.names.NameNormalizer;

/**
 * A name token as heard: {@link NameNormalizer#respell(String)} (which the registry's stored phonetic keys use, so it
 * is not changed here), then a few more foldings for Burmese names as Indonesian officials write them:
 * <ul>
 * <li>a final {@code AW} is {@code O}: {@code KYAW} = {@code KYO}, {@code ZAW} = {@code ZO};</li>
 * <li>{@code AU} is {@code O}: {@code AUNG} = {@code ONG};</li>
 * <li>a leading {@code KY} or {@code GY} is {@code C} or {@code J}: Burmese KY sounds as CH, so {@code KYO} =
 * {@code CHO} (which respelling already made {@code CO}), {@code GYI} = {@code JI};</li>
 * <li>a {@code Y} between consonants is {@code I}: {@code WYNN} = {@code WIN}.</li>
 * </ul>
 * Tokens in other scripts are returned as they are.
 */
final class Sounds {

	private Sounds() {
	}

	static String of(String token) {
		String t = NameNormalizer.respell(token);
		if (t.isEmpty() || t.charAt(0) < 'A' || t.charAt(0) > 'Z') {
			return t;
		}
		if (t.endsWith("AW")) {
			t = t.substring(0, t.length() - 2) + "O";
		}
		t = t.replace("AU", "O");
		if (t.startsWith("KY")) {
			t = "C" + t.substring(2);
		}
		else if (t.startsWith("GY")) {
			t = "J" + t.substring(2);
		}
		StringBuilder out = new StringBuilder(t.length());
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			if (c == 'Y' && i > 0 && !isVowel(t.charAt(i - 1)) && (i + 1 == t.length() || !isVowel(t.charAt(i + 1)))) {
				c = 'I';
			}
			if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static boolean isVowel(char c) {
		return "AEIOUY".indexOf(c) >= 0;
	}
}
