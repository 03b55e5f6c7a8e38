package id.pantau.registry.mrz;

/**
 * The check digit of ICAO Doc 9303 Part 3, section 4.9: each character's value ({@code 0}-{@code 9} as themselves,
 * {@code A}-{@code Z} as 10-35, the filler {@code <} as 0) times the repeating weights 7, 3, 1, summed, modulo 10.
 */
final class CheckDigit {

	private static final int[] WEIGHTS = { 7, 3, 1 };

	private CheckDigit() {
	}

	static int of(CharSequence characters) {
		int sum = 0;
		for (int i = 0; i < characters.length(); i++) {
			sum += value(characters.charAt(i)) * WEIGHTS[i % 3];
		}
		return sum % 10;
	}

	/** Whether {@code digit} is the check digit of {@code characters}; a filler or a letter never is. */
	static boolean holds(CharSequence characters, char digit) {
		return digit >= '0' && digit <= '9' && of(characters) == digit - '0';
	}

	private static int value(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'A' && c <= 'Z') {
			return c - 'A' + 10;
		}
		return 0;
	}
}
