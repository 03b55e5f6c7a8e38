package id.pantau.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import id.pantau.TestMessages;
import id.pantau.followup.Severity;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.ReferenceLabels;
import org.junit.jupiter.api.Test;

class AlertTextsTests {

	private static final Locale ENGLISH = Locale.ENGLISH;

	private final AlertTexts texts = new AlertTexts(TestMessages.bundles(),
			new ReferenceLabels(org.mockito.Mockito.mock(ReferenceData.class)));

	@Test
	void aSummaryArgumentThatIsAMessageIsShownInTheReadersLanguageAndDaysAsDayMonthYear() {
		Alert seized = alert("EX_CREW_ASHORE", List.of("KM Hai Phong 07", "msg:vesselStatus.SEIZED", "2023-04-09"));
		assertThat(texts.summary(seized, AlertTexts.INDONESIAN)).contains("(kapal disita)").contains("09-04-2023")
				.doesNotContain("msg:");
		assertThat(texts.summary(seized, ENGLISH)).contains("(vessel seized)").contains("09-04-2023");

		Alert charged = alert("OVERSTAY", List.of("12", "2026-11-22", "msg:alert.arg.overstayCharge|Rp 12.000.000|12|Rp 1.000.000"));
		assertThat(texts.summary(charged, ENGLISH)).contains("22-11-2026")
				.contains("an overstay charge of Rp 12.000.000 (12 days x Rp 1.000.000)");
	}

	@Test
	void evidenceWrittenAsAMessageIsShownInTheReadersLanguageWithCountriesByName() {
		ReferenceData reference = org.mockito.Mockito.mock(ReferenceData.class);
		org.mockito.Mockito.when(reference.countries()).thenReturn(List.of(
				new id.pantau.reference.Country("THA", "TH", "Thailand", "Thailand", false)));
		AlertTexts withCountries = new AlertTexts(TestMessages.bundles(), new ReferenceLabels(reference));
		String label = "msg:alert.evidence.sameNumberHolderOf|SOMCHAI A|country:THA";
		org.springframework.context.i18n.LocaleContextHolder.setLocale(ENGLISH);
		try {
			assertThat(withCountries.evidence(label)).isEqualTo("Holder of the same number: SOMCHAI A (Thailand document)");
			assertThat(withCountries.evidence("msg:alert.evidence.latestMonthlyReport|2026-10"))
					.isEqualTo("Latest monthly report: October 2026");
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void whatChangedInTheFactsIsToldInTheReadersLanguageAndAnOldNoteAsWritten() {
		Alert closed = new Alert(1, "OVERSTAY", Severity.HIGH, "PERSON", "k", 1L, "81.72.01.2001", List.of(), List.of(),
				null, AlertStatus.CLOSED, null, null, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null,
				"alert.resolution.exitRecorded", List.of("2026-12-02"), Instant.EPOCH, "system", "RESOLVED_BY_FACTS",
				null, 7L, 1);
		assertThat(texts.factsNote(closed, ENGLISH)).isEqualTo("a departure was recorded on 02-12-2026");
		assertThat(texts.factsNote(closed, AlertTexts.INDONESIAN)).isEqualTo("keberangkatan tercatat 02-12-2026");

		Alert old = new Alert(2, "OVERSTAY", Severity.HIGH, "PERSON", "k", 1L, "81.72.01.2001", List.of(), List.of(),
				null, AlertStatus.OPEN, null, null, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH,
				"izin tinggal diperpanjang", null, List.of(), null, null, null, null, null, 1);
		assertThat(texts.factsNote(old, ENGLISH)).isEqualTo("izin tinggal diperpanjang");
	}

	private static Alert alert(String rule, List<String> args) {
		return new Alert(1, rule, Severity.HIGH, "PERSON", "k", 1L, "81.72.01.2001", args, List.of(), null,
				AlertStatus.OPEN, null, null, Instant.EPOCH, Instant.EPOCH, null, null, null, List.of(), null, null, null,
				null, null, 0);
	}

}
