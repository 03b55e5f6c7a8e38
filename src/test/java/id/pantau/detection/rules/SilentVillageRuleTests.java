package id.pantau.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import id.pantau.followup.Severity;
import org.junit.jupiter.api.Test;

class SilentVillageRuleTests {

	@Test
	void lastMonthIsDueOnlyAfterTheGraceDays() {
		ReportingMonth month = new ReportingMonth(10);
		assertThat(month.due(LocalDate.of(2026, 5, 10))).isEqualTo(YearMonth.of(2026, 3));
		assertThat(month.due(LocalDate.of(2026, 5, 11))).isEqualTo(YearMonth.of(2026, 4));
		assertThat(month.due(LocalDate.of(2026, 1, 20))).isEqualTo(YearMonth.of(2025, 12));
	}

	@Test
	void oneSilentMonthIsLowAndTwoInARowMedium() {
		YearMonth due = YearMonth.of(2026, 4);
		var oneMonth = new SilentVillageRule.Row("81.72.05.2006", "Ohoi Uji", LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 3, 1));
		var twoMonths = new SilentVillageRule.Row("81.72.05.2006", "Ohoi Uji", LocalDate.of(2026, 2, 1),
				LocalDate.of(2026, 2, 1));
		assertThat(SilentVillageRule.finding(oneMonth, due, 2).orElseThrow().severity()).isEqualTo(Severity.LOW);
		assertThat(SilentVillageRule.finding(twoMonths, due, 2).orElseThrow().severity()).isEqualTo(Severity.MEDIUM);
		assertThat(SilentVillageRule.finding(oneMonth, due, 2).orElseThrow().factsKey()).isEqualTo("month:2026-04");
	}

	@Test
	void aVillageThatNeverReportedSaysSo() {
		Finding finding = SilentVillageRule.finding(new SilentVillageRule.Row("81.72.05.2006", "Ohoi Uji", null, null),
				YearMonth.of(2026, 4), 2).orElseThrow();
		assertThat(finding.summaryArgs()).containsExactly("Ohoi Uji", "2026-04", "-");
		assertThat(finding.subjectType()).isEqualTo(SubjectType.VILLAGE);
	}

	@Test
	void aDueMonthSkippedIsFoundEvenWhenALaterMonthCameEarly() {
		// 4 December, due October: the village sent November's report on 2 December but never October's
		var skipped = new SilentVillageRule.Row("81.72.05.2006", "Ohoi Uji", LocalDate.of(2026, 9, 1),
				LocalDate.of(2026, 11, 1));
		Finding finding = SilentVillageRule.finding(skipped, YearMonth.of(2026, 10), 2).orElseThrow();
		assertThat(finding.factsKey()).isEqualTo("month:2026-10");
		assertThat(finding.severity()).as("one month missing, not two in a row").isEqualTo(Severity.LOW);
		assertThat(finding.summaryArgs()).containsExactly("Ohoi Uji", "2026-10", "2026-11");
	}

	@Test
	void aReportForTheDueMonthMeansNotSilent() {
		assertThat(SilentVillageRule.silentMonths(LocalDate.of(2026, 4, 1), YearMonth.of(2026, 4))).isZero();
	}
}
