package id.pantau;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Many generated inputs from a fixed seed for property-style tests in plain JUnit: the same inputs every run, and a
 * failure names the input that broke the property. {@code -Dpantau.tries=N} runs more of them on demand.
 */
public final class RandomInputs {

	public static final int TRIES = Integer.getInteger("pantau.tries", 1000);

	private final Random random;

	public RandomInputs(long seed) {
		this.random = new Random(seed);
	}

	public Random random() {
		return random;
	}

	/** Runs {@code property} on {@code tries} inputs made by {@code generator}. */
	public static <T> void check(long seed, int tries, java.util.function.Function<RandomInputs, T> generator,
			Consumer<T> property) {
		RandomInputs inputs = new RandomInputs(seed);
		for (int i = 0; i < tries; i++) {
			T input = generator.apply(inputs);
			try {
				property.accept(input);
			}
			catch (AssertionError | RuntimeException e) {
				throw new AssertionError("Property failed for input #" + i + ": " + describe(input), e);
			}
		}
	}

	/** Any text: letters, digits, punctuation, other scripts, combining marks, controls and surrogate pairs. */
	public String anyText(int maxLength) {
		int length = random.nextInt(maxLength + 1);
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			int kind = random.nextInt(6);
			int codePoint = switch (kind) {
				case 0 -> 'A' + random.nextInt(26);
				case 1 -> 'a' + random.nextInt(26);
				case 2 -> ' ' + random.nextInt(95);
				case 3 -> 0x80 + random.nextInt(0x2FFF);
				case 4 -> random.nextInt(0x20);
				default -> 0x10000 + random.nextInt(0x1000);
			};
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	/** Text made of the given pieces, joined by nothing or by a space. */
	public String of(List<String> pieces, int maxPieces) {
		int count = random.nextInt(maxPieces + 1);
		String separator = random.nextBoolean() ? "" : " ";
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(i == 0 ? "" : separator).append(pieces.get(random.nextInt(pieces.size())));
		}
		return text.toString();
	}

	public String fromAlphabet(String alphabet, int minLength, int maxLength) {
		int length = minLength + random.nextInt(maxLength - minLength + 1);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	private static String describe(Object input) {
		String text = String.valueOf(input);
		StringBuilder escaped = new StringBuilder("\"");
		text.codePoints().forEach(c -> {
			if (c < 0x20 || c > 0x7E) {
				escaped.append(String.format("\\u{%X}", c));
			}
			else {
				escaped.appendCodePoint(c);
			}
		});
		return escaped.append('"').toString();
	}
}
