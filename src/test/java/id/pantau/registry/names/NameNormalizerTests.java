package id.pantau.registry.names;

import static id.pantau.registry.names.NameNormalizer.normalize;
import static id.pantau.registry.names.NameNormalizer.respell;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameNormalizerTests {

	@Test
	void foldsVietnameseAccentsAndCase() {
		assertThat(normalize("NGUYỄN VĂN HÙNG").tokens()).containsExactly("NGUYEN", "VAN", "HUNG");
		assertThat(normalize("Nguyen Van Hung").display()).isEqualTo("NGUYEN VAN HUNG");
	}

	@Test
	void sortedKeyDoesNotDependOnTheOrderNamesWereWrittenIn() {
		assertThat(normalize("Hung Nguyen Van").sortedKey()).isEqualTo(normalize("NGUYỄN VĂN HÙNG").sortedKey())
				.isEqualTo("HUNG NGUYEN VAN");
		assertThat(normalize("HUNG NGUYEN").tokens()).isSubsetOf(normalize("Nguyen Van Hung").tokens());
	}

	@Test
	void mapsLettersThatUnicodeDoesNotDecompose() {
		assertThat(normalize("Đặng Thị Ngọc").display()).isEqualTo("DANG THI NGOC");
		assertThat(normalize("Łukasz Søren Strauß Æsa Œdipe Ðan Þór Işık").display())
				.isEqualTo("LUKASZ SOREN STRAUSS AESA OEDIPE DAN THOR ISIK");
	}

	@Test
	void burmeseHonorificsGoSoTheSamePersonSharesHisNames() {
		assertThat(normalize("U KYAW MIN").tokens()).containsExactly("KYAW", "MIN");
		assertThat(normalize("KYAW MIN HTUN").tokens()).containsSubsequence("KYAW", "MIN");
		assertThat(normalize("Daw Aung San Suu Kyi").display()).isEqualTo("AUNG SAN SUU KYI");
		assertThat(normalize("MG. THEIN").display()).isEqualTo("THEIN");
		assertThat(normalize("Ko Ko Naing").display()).isEqualTo("NAING");
		assertThat(normalize("Ma Thida").display()).isEqualTo("THIDA");
	}

	@Test
	void aTitleThatIsTheWholeNameIsKept() {
		assertThat(normalize("MAUNG").tokens()).containsExactly("MAUNG");
		assertThat(normalize("Ma").tokens()).containsExactly("MA");
		assertThat(normalize("U Maung").tokens()).containsExactly("MAUNG");
	}

	@Test
	void titlesAreOnlyRemovedAtTheStart() {
		assertThat(normalize("KYAW MAUNG").display()).isEqualTo("KYAW MAUNG");
		assertThat(normalize("Aung Ko U").display()).isEqualTo("AUNG KO U");
	}

	@Test
	void englishAndIndonesianTitlesGo() {
		assertThat(normalize("Mr. John Smith").display()).isEqualTo("JOHN SMITH");
		assertThat(normalize("Bapak Somchai").display()).isEqualTo("SOMCHAI");
		assertThat(normalize("Sdri. Nguyen Thi Lan").display()).isEqualTo("NGUYEN THI LAN");
		assertThat(normalize("Hj. Ibu Siti").display()).isEqualTo("SITI");
	}

	@Test
	void aLeadingInitialHIsNotTakenForHaji() {
		assertThat(normalize("H. Htun").display()).isEqualTo("H HTUN");
	}

	@Test
	void machineReadableZoneSplitsSurnameFromGivenNames() {
		var name = normalize("NGUYEN<<VAN<HUNG<<<<<<<<<<<<");
		assertThat(name.surname()).isEqualTo("NGUYEN");
		assertThat(name.givenNames()).isEqualTo("VAN HUNG");
		assertThat(name.tokens()).containsExactly("NGUYEN", "VAN", "HUNG");
		assertThat(name.sortedKey()).isEqualTo(normalize("Hung Van Nguyen").sortedKey());
	}

	@Test
	void machineReadableZoneWithoutGivenNames() {
		var name = normalize("KYAW<<<<<<");
		assertThat(name.surname()).isEqualTo("KYAW");
		assertThat(name.givenNames()).isEmpty();
	}

	@Test
	void singleCommaSplitsSurnameFromGivenNames() {
		var name = normalize("O'Brien, John");
		assertThat(name.surname()).isEqualTo("OBRIEN");
		assertThat(name.givenNames()).isEqualTo("JOHN");
		assertThat(name.display()).isEqualTo("OBRIEN JOHN");
	}

	@Test
	void titleBeforeGivenNamesInCommaFormGoesToo() {
		var name = normalize("Smith, Mr John");
		assertThat(name.givenNames()).isEqualTo("JOHN");
		assertThat(name.sortedKey()).isEqualTo(normalize("Mr John Smith").sortedKey());
	}

	@Test
	void severalCommasAreOnlySeparators() {
		var name = normalize("Nguyen, Van, Hung");
		assertThat(name.surname()).isNull();
		assertThat(name.display()).isEqualTo("NGUYEN VAN HUNG");
	}

	@Test
	void freeTextHasNoSurname() {
		assertThat(normalize("Nguyen Van Hung").surname()).isNull();
		assertThat(normalize("Nguyen Van Hung").givenNames()).isNull();
	}

	@Test
	void punctuationJoinsOrSeparates() {
		assertThat(normalize("O'BRIEN").display()).isEqualTo("OBRIEN");
		assertThat(normalize("O’Brien").display()).isEqualTo("OBRIEN");
		assertThat(normalize("JEAN-PIERRE").tokens()).containsExactly("JEAN", "PIERRE");
		assertThat(normalize("Somchai/Somchay 2 .  Sae-Tang").display()).isEqualTo("SOMCHAI SOMCHAY SAE TANG");
		assertThat(normalize("  KYAW \t\n MIN  ").display()).isEqualTo("KYAW MIN");
	}

	@Test
	void invisibleAndDirectionCharactersAreRemoved() {
		assertThat(normalize("KY\u200BAW\u200D MIN\uFEFF").display()).isEqualTo("KYAW MIN");
		assertThat(normalize("\u202EKYAW\u202C \u2067MIN\u2069\u200F").display()).isEqualTo("KYAW MIN");
	}

	@Test
	void fullWidthLettersBecomeAscii() {
		assertThat(normalize("ＫＹＡＷ　ＭＩＮ").display()).isEqualTo("KYAW MIN");
	}

	@Test
	void otherScriptsKeepTheirLetters() {
		assertThat(normalize("สมชาย ใจดี").tokens()).hasSize(2);
		assertThat(normalize("ကျော်မင်း").tokens()).hasSize(1);
		assertThat(normalize("ကျော်မင်း").display()).isEqualTo(normalize(" ကျော်မင်း ").display());
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   ", "\u200B", "- . , <<", "123", "'" })
	void nothingToNormaliseGivesTheEmptyName(String raw) {
		var name = normalize(raw);
		assertThat(name.isEmpty()).isTrue();
		assertThat(name.tokens()).isEmpty();
		assertThat(name.sortedKey()).isEmpty();
		assertThat(name.display()).isEmpty();
		assertThat(name.phoneticKey()).isEmpty();
	}

	@ParameterizedTest(name = "{0} and {1} are respelled alike")
	@CsvSource({ "PHUONG, FUONG", "SOMPHONG, SOMPONG", "FILIPINA, PILIPINA", "SOMCHAI, SOMCHAY", "SOMCHAI, SOMCAI",
			"KHAMPHOUT, KAMPUT", "SOMMAI, SOMAI", "SOUVANNA, SUWANNA", "VONGSA, WONGSA", "THEIN, TEIN", "HTUN, TUN",
			"HLA, LA", "HTOO, TU", "LEE, LI", "XUAN, SUAN", "QUANG, KUANG", "GHANI, GANI", "DZUNG, ZUNG",
			"CHHAY, CHAY" })
	void respellsWhatOfficialsWriteAsTheyHear(String one, String other) {
		assertThat(respell(one)).isEqualTo(respell(other));
	}

	@ParameterizedTest(name = "{0} stays apart from {1}")
	@CsvSource({ "KYAW, KAW", "MAYA, MAIA", "NGUYEN, NGUIEN", "HWANG, WANG", "TAN, DAN", "SAN, SHAN" })
	void respellingStaysModest(String one, String other) {
		assertThat(respell(one)).isNotEqualTo(respell(other));
	}

	@Test
	void respellingExamples() {
		assertThat(respell("KHAMPHOUT")).isEqualTo("KAMPUT");
		assertThat(respell("SOMCHAY")).isEqualTo("SOMCAI");
		assertThat(respell("NGUYEN")).isEqualTo("NGUYEN");
		assertThat(respell("KYAW")).isEqualTo("KYAW");
		assertThat(respell("สมชาย")).isEqualTo("สมชาย");
		assertThat(respell(null)).isEmpty();
	}

	@Test
	void phoneticKeyIsSortedRespelledTokens() {
		assertThat(normalize("Phương Thị").phoneticKey()).isEqualTo(normalize("THI FUONG").phoneticKey())
				.isEqualTo("PUONG TI");
		assertThat(normalize("Somchay Sae-Tang").phoneticTokens()).isEqualTo(List.of("SOMCAI", "SAE", "TANG"));
	}
}
