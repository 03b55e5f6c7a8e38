package id.pantau.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.followup.Severity;
import org.junit.jupiter.api.Test;

class ConcentrationRuleTests {

	private final ConcentrationPolicy policy = new ConcentrationPolicy(15, 50, 5);

	@Test
	void theThresholdItselfCountsAndEachMultipleIsANewLevel() {
		assertThat(policy.level(14)).isZero();
		assertThat(policy.level(15)).isEqualTo(15);
		assertThat(policy.level(29)).isEqualTo(15);
		assertThat(policy.level(30)).isEqualTo(30);
		assertThat(policy.severity(29)).isEqualTo(Severity.LOW);
		assertThat(policy.severity(30)).isEqualTo(Severity.MEDIUM);
	}

	@Test
	void aSharpRiseNeedsBothThePercentAndThePersons() {
		assertThat(policy.sharpRise(3, 8)).isTrue();
		assertThat(policy.sharpRise(3, 7)).as("up 4 persons only").isFalse();
		assertThat(policy.sharpRise(20, 29)).as("up 45 percent only").isFalse();
		assertThat(policy.sharpRise(20, 30)).isTrue();
		assertThat(policy.sharpRise(0, 5)).isTrue();
	}

	@Test
	void aLevelFindingIsKeyedByTheLevelNotTheCount() {
		Finding finding = ConcentrationRule.present(new ConcentrationRule.Present("81.72.01.2001", "Ohoi Uji", 17),
				policy, "2026-05-20");
		assertThat(finding.factsKey()).isEqualTo("present:15");
		assertThat(finding.summaryArgs()).containsExactly("Ohoi Uji", "17", "msg:alert.arg.concentrationLevel|15");
	}
}
