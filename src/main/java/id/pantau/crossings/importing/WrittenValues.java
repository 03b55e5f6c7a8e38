package id.pantau.crossings.importing;

import java.util.Locale;

/**
 * How a port or a permit type written in an export is recognised: its key ignores case and the spaces around and
 * between its words ("Pelabuhan  laut Tual " and "PELABUHAN LAUT TUAL" are one value), and nothing else, so that two
 * values that differ in a letter or a sign stay two values for a person to map.
 */
public final class WrittenValues {

	private WrittenValues() {
	}

	/** The value's key, or the empty string for a blank value. */
	public static String key(String written) {
		if (written == null) {
			return "";
		}
		StringBuilder key = new StringBuilder(written.length());
		boolean space = false;
		for (int i = 0; i < written.length(); i++) {
			char c = written.charAt(i);
			// Character.isWhitespace misses the no-break space that spreadsheets put in cells
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				space = key.length() > 0;
				continue;
			}
			if (space) {
				key.append(' ');
				space = false;
			}
			key.append(c);
		}
		return key.toString().toUpperCase(Locale.ROOT);
	}
}
