package id.pantau.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;

import id.pantau.detection.DetectionRules;
import id.pantau.detection.RuleCatalogue;
import id.pantau.followup.Severity;
import org.junit.jupiter.api.Test;

class RuleCatalogueTests {

	@Test
	void aFindingOfASeverityItsRuleDoesNotTakeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Finding.aboutPerson("NO_ENTRY_RECORD", Severity.CRITICAL,
				7, "81.72.01.2001", "no-entry", List.of(), List.of(), RuleCatalogue.legalReference("NO_ENTRY_RECORD")))
				.withMessageContaining("NO_ENTRY_RECORD raises no CRITICAL alert");
		assertThat(Finding.aboutPerson("NO_ENTRY_RECORD", Severity.MEDIUM, 7, "81.72.01.2001", "no-entry", List.of(),
				List.of(), "x").severity()).isEqualTo(Severity.MEDIUM);
	}

	@Test
	void aRuleOutsideTheCatalogueMayRaiseAnySeverity() {
		assertThat(Finding.aboutPerson("TEST_RULE_CATALOGUE", Severity.CRITICAL, 7, null, "k", List.of(), List.of(),
				null).rule()).isEqualTo("TEST_RULE_CATALOGUE");
	}

	@Test
	void everyRuleCitesTheLawAndTakesOnlyKnownSeverities() {
		List<String> severities = Arrays.stream(Severity.values()).map(Enum::name).toList();
		assertThat(DetectionRules.CATALOGUE).containsExactlyElementsOf(RuleCatalogue.codes()).hasSize(10);
		assertThat(RuleCatalogue.RULES).allSatisfy(rule -> {
			assertThat(rule.legalReference()).matches("(UU|Permendagri) .+");
			assertThat(rule.severities()).isNotEmpty().isSubsetOf(severities);
		});
		assertThat(RuleCatalogue.legalReference("OVERSTAY")).isEqualTo(OverstayRule.LEGAL).contains("Pasal 78");
	}

	@Test
	void anUnknownCodeIsNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> RuleCatalogue.of("NO_SUCH_RULE"))
				.withMessageContaining("NO_SUCH_RULE");
	}
}
