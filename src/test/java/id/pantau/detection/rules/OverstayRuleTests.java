package id.pantau.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import id.pantau.followup.Evidence;
import id.pantau.followup.Severity;
import org.junit.jupiter.api.Test;

class OverstayRuleTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);
	private final OverstayGrading grading = new OverstayGrading(1_000_000, 60, 1);

	private static AuthorisedStay.Row stay(LocalDate permitUntil, LocalDate entryStayUntil) {
		return new AuthorisedStay.Row(7, "81.72.02.1003", "ITAS", "2C1100001", LocalDate.of(2025, 1, 1), permitUntil,
				entryStayUntil == null ? null : 11L, LocalDate.of(2025, 1, 1), "TUAL-LAUT", entryStayUntil);
	}

	@Test
	void theLastAuthorisedDayIsNotAnOverstay() {
		assertThat(grading.grade(TODAY, TODAY)).isNull();
	}

	@Test
	void theFirstDayAfterTheStayCostsOneDaysCharge() {
		OverstayGrading.Grade grade = grading.grade(TODAY.minusDays(1), TODAY);
		assertThat(grade.days()).isEqualTo(1);
		assertThat(grade.kind()).isEqualTo(OverstayGrading.Kind.CHARGE);
		assertThat(grade.charge()).isEqualTo(1_000_000);
		assertThat(grade.severity()).isEqualTo(Severity.HIGH);
	}

	@Test
	void sixtyDaysIsStillAChargeAndSixtyOneMeansDeportation() {
		assertThat(grading.grade(TODAY.minusDays(60), TODAY).charge()).isEqualTo(60_000_000);
		OverstayGrading.Grade over = grading.grade(TODAY.minusDays(61), TODAY);
		assertThat(over.kind()).isEqualTo(OverstayGrading.Kind.DEPORTATION);
		assertThat(over.severity()).isEqualTo(Severity.CRITICAL);
	}

	@Test
	void theDailyAmountAndTheLimitAreSettings() {
		OverstayGrading other = new OverstayGrading(500_000, 30, 1);
		assertThat(other.grade(TODAY.minusDays(30), TODAY).charge()).isEqualTo(15_000_000);
		assertThat(other.grade(TODAY.minusDays(31), TODAY).kind()).isEqualTo(OverstayGrading.Kind.DEPORTATION);
	}

	@Test
	void aMinimumOfDaysLeavesShortOverstaysAlone() {
		assertThat(new OverstayGrading(1_000_000, 60, 3).grade(TODAY.minusDays(2), TODAY)).isNull();
	}

	@Test
	void theLaterOfPermitAndArrivalStayCountsAndBecomesTheFactsKey() {
		Finding finding = OverstayRule.finding(stay(TODAY.minusDays(20), TODAY.minusDays(4)), grading, TODAY)
				.orElseThrow();
		assertThat(finding.factsKey()).isEqualTo("until:" + TODAY.minusDays(4));
		assertThat(finding.summaryArgs()).containsExactly("4", TODAY.minusDays(4).toString(),
				"msg:alert.arg.overstayCharge|Rp 4.000.000|4|Rp 1.000.000");
		assertThat(finding.evidence()).extracting(Evidence::type).containsExactly("PERMIT", "CROSSING");
		assertThat(finding.subjectType()).isEqualTo(SubjectType.PERSON);
	}

	@Test
	void aStayAuthorisedByTheArrivalAloneIsGradedToo() {
		assertThat(OverstayRule.finding(stay(null, TODAY.minusDays(70)), grading, TODAY).orElseThrow().severity())
				.isEqualTo(Severity.CRITICAL);
	}
}
