package id.pantau.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import id.pantau.followup.Evidence;
import org.junit.jupiter.api.Test;

class NoEntryRecordRuleTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

	@Test
	void aPersonRegisteredWithinTheGraceDaysIsLeftAlone() {
		var row = new NoEntryRecordRule.Row(5, "81.72.01.2001", TODAY.minusDays(6), null, null, null);
		assertThat(NoEntryRecordRule.finding(row, TODAY, 7)).isEmpty();
		assertThat(NoEntryRecordRule.finding(row, TODAY, 6)).isPresent();
	}

	@Test
	void theValidatedReportAndTheVillageAreEvidence() {
		var row = new NoEntryRecordRule.Row(5, "81.72.01.2001", TODAY.minusDays(30), 44L, "LAP-1", TODAY.minusDays(3));
		Finding finding = NoEntryRecordRule.finding(row, TODAY, 0).orElseThrow();
		assertThat(finding.evidence()).extracting(Evidence::type).containsExactly("PERSON", "REPORT", "VILLAGE");
		assertThat(finding.factsKey()).isEqualTo("no-entry");
		assertThat(finding.regionCode()).isEqualTo("81.72.01.2001");
	}

	@Test
	void aPersonKnownOnlyFromAReportHasNoVillageEvidence() {
		var row = new NoEntryRecordRule.Row(5, null, TODAY.minusDays(30), 44L, "LAP-1", TODAY.minusDays(3));
		assertThat(NoEntryRecordRule.finding(row, TODAY, 0).orElseThrow().evidence()).extracting(Evidence::type)
				.containsExactly("PERSON", "REPORT");
	}
}
