package id.pantau.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import id.pantau.followup.Severity;
import org.junit.jupiter.api.Test;

class PermitExpiringRuleTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

	private static AuthorisedStay.Row until(LocalDate until) {
		return new AuthorisedStay.Row(3, null, "ITAS", null, TODAY.minusYears(1), until, null, null, null, null);
	}

	@Test
	void endingTodayIsUrgent() {
		Finding finding = PermitExpiringRule.finding(until(TODAY), TODAY, 30, 7).orElseThrow();
		assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
		assertThat(finding.summaryArgs()).containsExactly(TODAY.toString(), "0", "ITAS");
	}

	@Test
	void theLastDayOfTheWindowWarnsAndTheNextDoesNot() {
		assertThat(PermitExpiringRule.finding(until(TODAY.plusDays(30)), TODAY, 30, 7).orElseThrow().severity())
				.isEqualTo(Severity.LOW);
		assertThat(PermitExpiringRule.finding(until(TODAY.plusDays(31)), TODAY, 30, 7)).isEmpty();
	}

	@Test
	void anEndedStayIsNotExpiringButOverstayed() {
		assertThat(PermitExpiringRule.finding(until(TODAY.minusDays(1)), TODAY, 30, 7)).isEmpty();
	}

	@Test
	void urgencyStartsAtTheUrgentDays() {
		assertThat(PermitExpiringRule.finding(until(TODAY.plusDays(7)), TODAY, 30, 7).orElseThrow().severity())
				.isEqualTo(Severity.MEDIUM);
		assertThat(PermitExpiringRule.finding(until(TODAY.plusDays(8)), TODAY, 30, 7).orElseThrow().severity())
				.isEqualTo(Severity.LOW);
	}
}
