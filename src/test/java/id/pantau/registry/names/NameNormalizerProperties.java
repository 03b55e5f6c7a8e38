package id.pantau.registry.names;

import static id.pantau.registry.names.NameNormalizer.normalize;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import id.pantau.RandomInputs;
import org.junit.jupiter.api.Test;

class NameNormalizerProperties {

	/** Pieces the field actually produces, so that runs hit titles, MRZ fillers, commas and accents often. */
	private static final List<String> PIECES = List.of("U", "DAW", "MA", "MAUNG", "MG.", "KO", "Mr.", "Bapak", "H.",
			"KYAW", "MIN", "HTUN", "Nguyễn", "VĂN", "Đặng", "thị", "Phương", "SOMCHAI", "Somchay", "O'Brien", "Jean-Pierre",
			"Strauß", "Işık", "สมชาย", "ကျော်", "<", "<<", ",", " ", "  ", "-", ".", "'", "/", "7", "\u200B", "\u202E",
			"\uFEFF", "ＫＹＡＷ", "ǅ", "ŉ", "ﬁ", "İ", "ΣΑΣ", "\u0301");

	private static final List<String> WORDS = List.of("Kyaw", "Min", "Htun", "Nguyễn", "Văn", "Hùng", "Somchai",
			"Aung");

	@Test
	void neverThrows() {
		RandomInputs.check(1, 2 * RandomInputs.TRIES, in -> in.anyText(30), raw -> assertThat(normalize(raw)).isNotNull());
	}

	@Test
	void normalisingADisplayedNameChangesNothing() {
		RandomInputs.check(2, 2 * RandomInputs.TRIES, in -> in.of(PIECES, 8), raw -> {
			var once = normalize(raw);
			assertThat(normalize(once.display()).tokens()).isEqualTo(once.tokens());
		});
		RandomInputs.check(3, RandomInputs.TRIES, in -> in.anyText(30), raw -> {
			var once = normalize(raw);
			assertThat(normalize(once.display()).tokens()).isEqualTo(once.tokens());
		});
	}

	@Test
	void caseDoesNotMatter() {
		RandomInputs.check(4, 2 * RandomInputs.TRIES, in -> in.of(PIECES, 8), raw -> {
			var tokens = normalize(raw).tokens();
			assertThat(normalize(raw.toUpperCase(Locale.ROOT)).tokens()).isEqualTo(tokens);
			assertThat(normalize(raw.toLowerCase(Locale.ROOT)).tokens()).isEqualTo(tokens);
		});
	}

	@Test
	void sortedKeyIgnoresTheOrderOfNames() {
		RandomInputs.check(5, RandomInputs.TRIES, in -> {
			List<String> words = new ArrayList<>();
			int count = 1 + in.random().nextInt(6);
			for (int i = 0; i < count; i++) {
				words.add(in.random().nextBoolean() ? WORDS.get(in.random().nextInt(WORDS.size()))
						: in.fromAlphabet("abcdefghijklmnopqrstuvwxyz", 1, 8));
			}
			words.removeIf(word -> NameNormalizer.HONORIFICS.contains(word.toUpperCase(Locale.ROOT)));
			List<String> shuffled = new ArrayList<>(words);
			Collections.shuffle(shuffled, in.random());
			return List.of(String.join(" ", words), String.join(" ", shuffled));
		}, pair -> assertThat(normalize(pair.get(1)).sortedKey()).isEqualTo(normalize(pair.get(0)).sortedKey()));
	}

	@Test
	void respellingARespelledTokenChangesNothing() {
		RandomInputs.check(6, 2 * RandomInputs.TRIES, in -> in.fromAlphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1, 12),
				token -> {
					String once = NameNormalizer.respell(token);
					assertThat(NameNormalizer.respell(once)).isEqualTo(once);
				});
	}

	@Test
	void documentSearchKeysIgnoreSeparators() {
		RandomInputs.check(7, RandomInputs.TRIES, in -> in.fromAlphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 1, 12),
				number -> {
					String spaced = String.join(" - ", number.split(""));
					assertThat(DocumentNumbers.searchKey(spaced)).isEqualTo(DocumentNumbers.searchKey(number));
				});
	}
}
