package id.pantau.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import id.pantau.followup.Severity;
import org.junit.jupiter.api.Test;

class ExCrewAshoreRuleTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

	private static ExCrewAshoreRule.Row row(String status, LocalDate signedOff) {
		return new ExCrewAshoreRule.Row(4, "81.72.01.2005", 3, "KM Antasena 809", status, signedOff);
	}

	@Test
	void crewOfASeizedVesselAshoreForYearsIsHigh() {
		Finding finding = ExCrewAshoreRule.finding(row("SEIZED", TODAY.minusYears(5)), TODAY, 0, 5).orElseThrow();
		assertThat(finding.severity()).isEqualTo(Severity.HIGH);
		assertThat(finding.summaryArgs()).containsExactly("KM Antasena 809", "msg:vesselStatus.SEIZED", TODAY.minusYears(5).toString());
		assertThat(finding.factsKey()).isEqualTo("vessel:3:SEIZED");
	}

	@Test
	void recentlyAshoreIsMediumAndAnUnknownDateToo() {
		assertThat(ExCrewAshoreRule.finding(row("SUNK", TODAY.minusYears(1)), TODAY, 0, 5).orElseThrow().severity())
				.isEqualTo(Severity.MEDIUM);
		assertThat(ExCrewAshoreRule.finding(row("DEPARTED", null), TODAY, 30, 5).orElseThrow().summaryArgs())
				.containsExactly("KM Antasena 809", "msg:vesselStatus.DEPARTED", "-");
	}

	@Test
	void crewJustOffTheVesselAreGivenTheMinimumDays() {
		assertThat(ExCrewAshoreRule.finding(row("DEPARTED", TODAY.minusDays(10)), TODAY, 14, 5)).isEmpty();
		assertThat(ExCrewAshoreRule.finding(row("DEPARTED", TODAY.minusDays(14)), TODAY, 14, 5)).isPresent();
	}
}
