package id.pantau.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import id.pantau.followup.Evidence;
import id.pantau.followup.Severity;
import org.junit.jupiter.api.Test;

class PresentAfterDepartureRuleTests {

	private static final LocalDate EXIT = LocalDate.of(2026, 4, 1);

	private static PresentAfterDepartureRule.Row seen(LocalDate on) {
		return new PresentAfterDepartureRule.Row(9, "81.72.02.2002", 77, EXIT, "AMBON-UDARA", "REPORT", "12",
				"Laporan desa 81.72.02.2002/2026/0001", on);
	}

	@Test
	void seenOnTheDayOfDepartureIsNotAfterIt() {
		assertThat(PresentAfterDepartureRule.finding(seen(EXIT), 0)).isEmpty();
	}

	@Test
	void seenTheDayAfterIsAFindingAboutThatDeparture() {
		Finding finding = PresentAfterDepartureRule.finding(seen(EXIT.plusDays(1)), 0).orElseThrow();
		assertThat(finding.factsKey()).isEqualTo("exit:77");
		assertThat(finding.evidence()).extracting(Evidence::type).containsExactly("CROSSING", "REPORT");
		assertThat(finding.severity()).isEqualTo(Severity.HIGH);
	}

	@Test
	void theGraceDaysAllowForLateReports() {
		assertThat(PresentAfterDepartureRule.finding(seen(EXIT.plusDays(3)), 3)).isEmpty();
		assertThat(PresentAfterDepartureRule.finding(seen(EXIT.plusDays(4)), 3)).isPresent();
	}
}
