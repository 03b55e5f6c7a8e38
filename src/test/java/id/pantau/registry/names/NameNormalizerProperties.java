package id.pantau.registry.names;

import static id.pantau.registry.names.NameNormalizer.normalize;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class NameNormalizerProperties {

	/** Pieces the field actually produces, so that runs hit titles, MRZ fillers, commas and accents often. */
	private static final List<String> PIECES = List.of("U", "DAW", "MA", "MAUNG", "MG.", "KO", "Mr.", "Bapak", "H.",
			"KYAW", "MIN", "HTUN", "Nguyễn", "VĂN", "Đặng", "thị", "Phương", "SOMCHAI", "Somchay", "O'Brien", "Jean-Pierre",
			"Strauß", "Işık", "สมชาย", "ကျော်", "<", "<<", ",", " ", "  ", "-", ".", "'", "/", "7", "\u200B", "\u202E",
			"\uFEFF", "ＫＹＡＷ", "ǅ", "ŉ", "ﬁ", "İ", "ΣΑΣ", "\u0301");

	@Provide
	Arbitrary<String> names() {
		return Arbitraries.oneOf(Arbitraries.of(PIECES).list().ofMaxSize(8).map(pieces -> String.join("", pieces)),
				Arbitraries.of(PIECES).list().ofMaxSize(8).map(pieces -> String.join(" ", pieces)),
				Arbitraries.strings().ofMaxLength(30));
	}

	@Property(tries = 2000)
	void neverThrows(@ForAll String raw) {
		assertThat(normalize(raw)).isNotNull();
	}

	@Property(tries = 2000)
	void normalisingADisplayedNameChangesNothing(@ForAll("names") String raw) {
		var once = normalize(raw);
		assertThat(normalize(once.display()).tokens()).isEqualTo(once.tokens());
	}

	@Property(tries = 1000)
	void normalisingAnyStringTwiceChangesNothing(@ForAll String raw) {
		var once = normalize(raw);
		assertThat(normalize(once.display()).tokens()).isEqualTo(once.tokens());
	}

	@Property(tries = 2000)
	void caseDoesNotMatter(@ForAll("names") String raw) {
		var tokens = normalize(raw).tokens();
		assertThat(normalize(raw.toUpperCase(Locale.ROOT)).tokens()).isEqualTo(tokens);
		assertThat(normalize(raw.toLowerCase(Locale.ROOT)).tokens()).isEqualTo(tokens);
	}

	@Property(tries = 1000)
	void sortedKeyIgnoresTheOrderOfNames(@ForAll("words") @Size(min = 1, max = 6) List<String> words,
			@ForAll long seed) {
		List<String> shuffled = new ArrayList<>(words);
		Collections.shuffle(shuffled, new Random(seed));
		assertThat(normalize(String.join(" ", shuffled)).sortedKey())
				.isEqualTo(normalize(String.join(" ", words)).sortedKey());
	}

	/** Names that are not titles: a title moved to the front is meant to go. */
	@Provide
	Arbitrary<List<String>> words() {
		return Arbitraries.oneOf(Arbitraries.of("Kyaw", "Min", "Htun", "Nguyễn", "Văn", "Hùng", "Somchai", "Aung"),
				Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8))
				.filter(word -> !NameNormalizer.HONORIFICS.contains(word.toUpperCase(Locale.ROOT)))
				.list();
	}

	@Property(tries = 2000)
	void respellingARespelledTokenChangesNothing(@ForAll("tokens") String token) {
		String once = NameNormalizer.respell(token);
		assertThat(NameNormalizer.respell(once)).isEqualTo(once);
	}

	@Provide
	Arbitrary<String> tokens() {
		return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12);
	}

	@Property(tries = 1000)
	void documentSearchKeysIgnoreSeparators(@ForAll("documentNumbers") String number) {
		String spaced = String.join(" - ", number.split(""));
		assertThat(DocumentNumbers.searchKey(spaced)).isEqualTo(DocumentNumbers.searchKey(number));
	}

	@Provide
	Arbitrary<String> documentNumbers() {
		return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(12);
	}
}
