package id.pantau.registry.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentNumbersTests {

	@Test
	void normalisingKeepsOnlyUpperCaseLettersAndDigits() {
		assertThat(DocumentNumbers.normalize(" a 0123-456 ")).isEqualTo("A0123456");
		assertThat(DocumentNumbers.normalize("MD.123/456")).isEqualTo("MD123456");
		assertThat(DocumentNumbers.normalize("A0123456<<<")).isEqualTo("A0123456");
		assertThat(DocumentNumbers.normalize("Ａ０１２３\u200B４５６")).isEqualTo("A0123456");
	}

	@Test
	void normalisingKeepsLettersThatLookLikeDigits() {
		assertThat(DocumentNumbers.normalize("AO123456")).isEqualTo("AO123456");
	}

	@Test
	void lettersTypedForDigitsShareTheSearchKey() {
		assertThat(DocumentNumbers.searchKey("AO123456")).isEqualTo(DocumentNumbers.searchKey("A0123456"))
				.isEqualTo("A0123456");
		assertThat(DocumentNumbers.searchKey("MI23Q56L")).isEqualTo(DocumentNumbers.searchKey("M123056 1"));
	}

	@Test
	void searchKeyLeavesSBAndZAlone() {
		assertThat(DocumentNumbers.searchKey("SBZ528")).isEqualTo("SBZ528");
	}

	@Test
	void searchKeyIgnoresSpacesAndHyphens() {
		assertThat(DocumentNumbers.searchKey("ao 12-34 56")).isEqualTo(DocumentNumbers.searchKey("A0123456"));
	}

	@Test
	void nothingGivesAnEmptyNumber() {
		assertThat(DocumentNumbers.normalize(null)).isEmpty();
		assertThat(DocumentNumbers.searchKey(null)).isEmpty();
		assertThat(DocumentNumbers.searchKey(" - / ")).isEmpty();
	}
}
