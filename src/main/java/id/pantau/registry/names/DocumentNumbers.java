package id.pantau.registry.names;

import java.text.Normalizer;
import java.util.Locale;

/** Passport, permit and seaman's book numbers folded for storage and search. Stateless and thread-safe. */
public final class DocumentNumbers {

	private DocumentNumbers() {
	}

	/**
	 * Upper case, full-width characters as ASCII (NFKC), and only letters and digits kept: spaces, hyphens, dots,
	 * slashes, the MRZ filler {@code <} and any other punctuation or invisible character go.
	 * {@code "a 0123-456/<<"} gives {@code A0123456}; null gives "".
	 */
	public static String normalize(String raw) {
		if (raw == null) {
			return "";
		}
		String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
		return out.toString();
	}

	/**
	 * {@link #normalize(String) normalize}, then the characters people confuse when typing or when a scanner reads a
	 * document are made one: {@code O} and {@code Q} become {@code 0}, {@code I} and {@code L} become {@code 1}. So
	 * {@code AO123456} and {@code A0123456} have the same key. S/5, B/8 and Z/2 are not mapped: they are confused far
	 * less often, and they would merge too many real letter prefixes. A key for finding, never for showing.
	 */
	public static String searchKey(String raw) {
		String normalized = normalize(raw);
		StringBuilder out = new StringBuilder(normalized.length());
		for (int i = 0; i < normalized.length(); i++) {
			char c = normalized.charAt(i);
			out.append(switch (c) {
				case 'O', 'Q' -> '0';
				case 'I', 'L' -> '1';
				default -> c;
			});
		}
		return out.toString();
	}
}
