package id.pantau.registry.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import id.pantau.RandomInputs;
import id.pantau.platform.json.Json;

import id.pantau.registry.mrz.ZoneBuilder.Document;
import id.pantau.registry.mrz.ZoneBuilder.Format;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MrzParserProperties {

	static final LocalDate TODAY = MrzParserTests.TODAY;
	private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	private static final String ALPHANUMERIC = LETTERS + "0123456789";

	@Test
	void readsBackEveryFieldOfAZoneWithRightCheckDigits() {
		RandomInputs.check(11, RandomInputs.TRIES, MrzParserProperties::document,
				document -> assertThat(MrzParser.parse(document.text(), TODAY)).isEqualTo(document.expected()));
	}

	@Test
	void flippingAnyDigitMakesTheZoneInvalid() {
		RandomInputs.check(12, RandomInputs.TRIES, in -> new Object[] { document(in), in.random().nextInt(10_000),
				1 + in.random().nextInt(9) }, input -> {
					Document document = (Document) input[0];
					int which = (int) input[1];
					int by = (int) input[2];
					List<String> lines = new ArrayList<>(document.lines());
					List<int[]> digits = new ArrayList<>();
					for (int line = 0; line < lines.size(); line++) {
						for (int i = 0; i < lines.get(line).length(); i++) {
							if (Character.isDigit(lines.get(line).charAt(i))) {
								digits.add(new int[] { line, i });
							}
						}
					}
					int[] at = digits.get(which % digits.size());
					StringBuilder line = new StringBuilder(lines.get(at[0]));
					line.setCharAt(at[1], (char) ('0' + (line.charAt(at[1]) - '0' + by) % 10));
					lines.set(at[0], line.toString());

					MrzResult result = MrzParser.parse(String.join("\n", lines), TODAY);

					assertThat(result.valid()).as("%s with digit %d of line %d changed", lines, at[1] + 1, at[0] + 1)
							.isFalse();
					assertThat(result.invalidFields()).isNotEmpty();
				});
	}

	@Test
	void anyTextIsReadOrRefusedAsNoZoneButNeverBreaksTheParser() {
		RandomInputs.check(13, RandomInputs.TRIES, in -> in.anyText(120), MrzParserProperties::readOrRefused);
	}

	@Test
	void textShapedAlmostLikeAZoneIsReadOrRefusedAsNoZone() {
		RandomInputs.check(14, RandomInputs.TRIES, MrzParserProperties::almostZone, MrzParserProperties::readOrRefused);
	}

	@Test
	void theCommandWritesAResultAsPlainJacksonDoes() {
		RandomInputs.check(15, RandomInputs.TRIES, in -> new Object[] { document(in), in.random().nextInt(10_000) },
				input -> {
					String text = ((Document) input[0]).text();
					int which = (int) input[1];
					int at = which % text.length();
					// half of them spoiled, so that invalid fields and missing dates are written too
					String spoiled = which % 2 == 0 || !Character.isDigit(text.charAt(at)) ? text
							: text.substring(0, at) + "<" + text.substring(at + 1);
					MrzResult result = MrzParser.parse(spoiled, TODAY);
					assertThat(Json.write(result)).isEqualTo(JsonMapper.shared().writeValueAsString(result));
				});
	}

	private static void readOrRefused(String text) {
		MrzResult result;
		try {
			result = MrzParser.parse(text, TODAY);
		}
		catch (NotAnMrzException notAZone) {
			assertThat(notAZone.getMessage()).startsWith("Bukan MRZ: ");
			return;
		}
		assertThat(result.valid()).isEqualTo(result.invalidFields().isEmpty());
		assertThat(Json.write(result)).startsWith("{\"documentCode\":");
	}

	private static String almostZone(RandomInputs in) {
		int width = List.of(30, 36, 44).get(in.random().nextInt(3));
		int count = 1 + in.random().nextInt(4);
		int jitter = in.random().nextInt(3) - 1;
		String extra = List.of("", "", "", " ", "\n", "«", "‹", "<<", "\r\n").get(in.random().nextInt(9));
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			lines.add(in.fromAlphabet("AIPVXZ0189<<<<<«‹ abc", width + jitter, width + Math.max(0, jitter)));
		}
		return String.join("\n", lines) + extra;
	}

	static Document document(RandomInputs in) {
		Random random = in.random();
		Format format = Format.values()[random.nextInt(Format.values().length)];
		List<String> codes = format == Format.TD3 ? List.of("P", "PD", "PO", "PS") : List.of("I", "ID", "IR", "A", "AC", "C");
		String code = codes.get(random.nextInt(codes.size()));
		String state = in.fromAlphabet(LETTERS, 1, 3);
		String nationality = in.fromAlphabet(LETTERS, 1, 3);
		String last;
		String first;
		do {
			last = words(in);
			first = random.nextInt(5) == 0 ? null : words(in);
		}
		while (last.length() + (first == null ? 0 : first.length() + 2) > format.nameWidth);
		String number = in.fromAlphabet(ALPHANUMERIC, 1, format == Format.TD3 ? 9 : 12);
		LocalDate birth = TODAY.minusDays(random.nextInt(36_001));
		String sex = List.of("M", "F", "X").get(random.nextInt(3));
		LocalDate expiry = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(
				(int) (LocalDate.of(2076, 12, 31).toEpochDay() - LocalDate.of(2000, 1, 1).toEpochDay()) + 1));
		int room = switch (format) {
			case TD3 -> 14;
			// a long number's rest, its check digit and a filler come before the optional data
			case TD2 -> number.length() > 9 ? 7 - (number.length() - 9) - 2 : 7;
			case TD1 -> number.length() > 9 ? Math.min(11, 15 - (number.length() - 9) - 2) : 11;
		};
		String personal = in.fromAlphabet(ALPHANUMERIC, 0, Math.max(0, room));
		return new Document(format, code, state, last, first, number, nationality, birth, sex, expiry,
				personal.isEmpty() ? null : personal, random.nextBoolean(), random.nextBoolean());
	}

	private static String words(RandomInputs in) {
		int count = 1 + in.random().nextInt(3);
		List<String> words = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			words.add(in.fromAlphabet(LETTERS, 1, 12));
		}
		return String.join(" ", words);
	}
}
