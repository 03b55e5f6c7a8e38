package id.pantau.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import id.pantau.followup.Severity;
import org.junit.jupiter.api.Test;

class NoSkttRuleTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);
	private final SkttDeadline deadline = new SkttDeadline(14, 90);

	private static NoSkttRule.Row validFrom(LocalDate from) {
		return new NoSkttRule.Row(6, "81.72.02.2001", "ITAS", "2C1166123456", from, from.plusYears(1));
	}

	@Test
	void theFourteenthDayIsStillInTime() {
		assertThat(NoSkttRule.finding(validFrom(TODAY.minusDays(14)), deadline, TODAY)).isEmpty();
	}

	@Test
	void theFifteenthDayIsLate() {
		Finding finding = NoSkttRule.finding(validFrom(TODAY.minusDays(15)), deadline, TODAY).orElseThrow();
		assertThat(finding.severity()).isEqualTo(Severity.LOW);
		assertThat(finding.summaryArgs()).containsExactly("ITAS 2C1166123456", TODAY.minusDays(15).toString(),
				TODAY.minusDays(1).toString());
	}

	@Test
	void longLateIsMedium() {
		assertThat(NoSkttRule.finding(validFrom(TODAY.minusDays(14 + 91)), deadline, TODAY).orElseThrow().severity())
				.isEqualTo(Severity.MEDIUM);
	}
}
