package id.pantau.registry.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.pantau.registry.mrz.ZoneBuilder.Document;
import id.pantau.registry.mrz.ZoneBuilder.Format;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.json.JsonMapper;

class MrzParserProperties {

	static final LocalDate TODAY = MrzParserTests.TODAY;

	@Property
	void readsBackEveryFieldOfAZoneWithRightCheckDigits(@ForAll("documents") Document document) {
		assertThat(MrzParser.parse(document.text(), TODAY)).isEqualTo(document.expected());
	}

	@Property
	void flippingAnyDigitMakesTheZoneInvalid(@ForAll("documents") Document document,
			@ForAll @IntRange(max = 10_000) int which, @ForAll @IntRange(min = 1, max = 9) int by) {
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

		assertThat(result.valid()).as("%s with digit %d of line %d changed", lines, at[1] + 1, at[0] + 1).isFalse();
		assertThat(result.invalidFields()).isNotEmpty();
	}

	@Property
	void anyTextIsReadOrRefusedAsNoZoneButNeverBreaksTheParser(@ForAll String text) {
		readOrRefused(text);
	}

	@Property
	void textShapedAlmostLikeAZoneIsReadOrRefusedAsNoZone(@ForAll("almostZones") String text) {
		readOrRefused(text);
	}

	@Property
	void jacksonWritesAResultAsTheCommandDoes(@ForAll("documents") Document document,
			@ForAll @IntRange(max = 10_000) int which) {
		String text = document.text();
		int at = which % text.length();
		// half of them spoiled, so that invalid fields and missing dates are written too
		String spoiled = which % 2 == 0 || !Character.isDigit(text.charAt(at)) ? text
				: text.substring(0, at) + "<" + text.substring(at + 1);
		MrzResult result = MrzParser.parse(spoiled, TODAY);
		assertThat(MrzJson.write(result)).isEqualTo(JsonMapper.shared().writeValueAsString(result));
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
		assertThat(MrzJson.write(result)).startsWith("{\"documentCode\":");
	}

	@Provide
	Arbitrary<String> almostZones() {
		Arbitrary<Integer> width = Arbitraries.of(30, 36, 44);
		Arbitrary<String> noise = Arbitraries.of("", "", "", " ", "\n", "«", "‹", "<<", "\r\n");
		return Combinators.combine(width, Arbitraries.integers().between(1, 4), Arbitraries.integers().between(-1, 1),
				noise).flatAs((w, count, jitter, extra) -> Arbitraries.strings()
						.withChars("AIPVXZ0189<<<<<«‹ abc")
						.ofMinLength(w + jitter)
						.ofMaxLength(w + Math.max(0, jitter))
						.list()
						.ofSize(count)
						.map(lines -> String.join("\n", lines) + extra));
	}

	@Provide
	Arbitrary<Document> documents() {
		return Arbitraries.of(Format.class).flatMap(MrzParserProperties::documents);
	}

	static Arbitrary<Document> documents(Format format) {
		Arbitrary<String> codes = format == Format.TD3 ? Arbitraries.of("P", "PD", "PO", "PS")
				: Arbitraries.of("I", "ID", "IR", "A", "AC", "C");
		Arbitrary<String> states = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(3);
		Arbitrary<String> words = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12)
				.list().ofMinSize(1).ofMaxSize(3).map(list -> String.join(" ", list));
		Arbitrary<String[]> names = Combinators.combine(words, words.injectNull(0.2))
				.as((last, first) -> new String[] { last, first })
				.filter(name -> name[0].length() + (name[1] == null ? 0 : name[1].length() + 2) <= format.nameWidth);
		Arbitrary<String> numbers = alphanumeric(1, format == Format.TD3 ? 9 : 12);
		Arbitrary<LocalDate> births = Arbitraries.integers().between(0, 36_000).map(TODAY::minusDays);
		Arbitrary<LocalDate> expiries = Arbitraries.integers()
				.between(0, (int) (LocalDate.of(2076, 12, 31).toEpochDay() - LocalDate.of(2000, 1, 1).toEpochDay()))
				.map(LocalDate.of(2000, 1, 1)::plusDays);
		Arbitrary<String> sexes = Arbitraries.of("M", "F", "X");
		return Combinators.combine(codes, states, names, numbers, states, births, sexes, expiries)
				.flatAs((code, state, name, number, nationality, birth, sex, expiry) -> {
					int room = switch (format) {
						case TD3 -> 14;
						// a long number's rest, its check digit and a filler come before the optional data
						case TD2 -> number.length() > 9 ? 7 - (number.length() - 9) - 2 : 7;
						case TD1 -> number.length() > 9 ? Math.min(11, 15 - (number.length() - 9) - 2) : 11;
					};
					return Combinators.combine(alphanumeric(0, room), Arbitraries.of(true, false),
							Arbitraries.of(true, false)).as((personal, second, filler) -> new Document(format, code,
									state, name[0], name[1], number, nationality, birth, sex, expiry,
									personal.isEmpty() ? null : personal, second, filler));
				});
	}

	private static Arbitrary<String> alphanumeric(int min, int max) {
		return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(min)
				.ofMaxLength(max);
	}
}
