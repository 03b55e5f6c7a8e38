package id.pantau.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import id.pantau.TestMessages;
import id.pantau.matching.domain.MatchCase.FieldScore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class MatchWordsTests {

	private final MatchWords words = new MatchWords(TestMessages.bundles(), 0.99, name -> 240);

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aComparisonIsToldAsAnOfficerWouldSayIt() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
		assertThat(words.say(new FieldScore("document", "DIFFERENT", -3.3, 0, "N46452912", "E39030369")))
				.isEqualTo("nomor dokumen berbeda");
		assertThat(words.say(new FieldScore("birth_date", "DIFFERENT", -4, 0, "1978-12-27", "1988-12-27")))
				.isEqualTo("tahun lahir berbeda 10 tahun");
		assertThat(words.say(new FieldScore("name", "EXACT", 11.1, -2.3, "ZHANG WEI", "ZHANG WEI")))
				.isEqualTo("nama sama persis, tetapi nama ini umum (±240 orang bernama sama di data)");
		assertThat(words.say(new FieldScore("birth_date", "DIFFERENT", -4, 0, "1978-12-27", "1978-03-18")))
				.isEqualTo("tahun lahir sama, tetapi tanggal dan bulan berbeda");
		assertThat(words.say(new FieldScore("name", "EXACT", 11.1, 0, "ZHANG WEI", "ZHANG WEI")))
				.as("namesakes in the data are told even where the adjustment is small")
				.isEqualTo("nama sama persis, tetapi nama ini umum (±240 orang bernama sama di data)");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(words.say(new FieldScore("birth_date", "DIFFERENT", -4, 0, "1978", "1988-12-27")))
				.isEqualTo("born 10 years apart");
	}

	@Test
	void theBarGrowsWithTheWeightAndStopsAtTheWhole() {
		assertThat(words.bar(new FieldScore("sex", "EXACT", 0.2, 0, "M", "M"))).isZero();
		assertThat(words.bar(new FieldScore("document", "DIFFERENT", -3.3, 0, "A", "B"))).isEqualTo(3);
		assertThat(words.bar(new FieldScore("document", "EXACT", 14, 0, "A", "A"))).isEqualTo(10);
	}

}
