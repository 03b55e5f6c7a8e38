package id.pantau.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import id.pantau.followup.Evidence;
import id.pantau.followup.Severity;
import org.junit.jupiter.api.Test;

class ReportedViolationRuleTests {

	@Test
	void aReportAboutAKnownPersonIsThatPersonsCaseForImmigration() {
		Finding finding = ReportedViolationRule.finding(new ReportedViolationRule.Row(41, "LAP-8172012001-2026-0007",
				"81.72.01.2001", "Fiditan", 17L, "ZAW MIN", LocalDate.of(2026, 11, 20)));
		assertThat(finding.subjectType()).isEqualTo(SubjectType.PERSON);
		assertThat(finding.personId()).isEqualTo(17L);
		assertThat(finding.severity()).isEqualTo(Severity.HIGH);
		assertThat(finding.factsKey()).isEqualTo("report:41");
		assertThat(finding.summaryArgs()).containsExactly("LAP-8172012001-2026-0007", "Fiditan", "ZAW MIN");
		assertThat(finding.evidence()).extracting(Evidence::type).containsExactly("REPORT", "PERSON", "VILLAGE");
		assertThat(new ReportedViolationRule().assignedAgency()).isEqualTo("IMIGRASI");
	}

	@Test
	void aReportAboutSomeoneNotYetRegisteredIsTheVillagesCase() {
		Finding finding = ReportedViolationRule.finding(new ReportedViolationRule.Row(42, "LAP-8172022002-2026-0003",
				"81.72.02.2002", "Taar", null, "Pak Somchai", LocalDate.of(2026, 11, 21)));
		assertThat(finding.subjectType()).isEqualTo(SubjectType.VILLAGE);
		assertThat(finding.subjectKey()).isEqualTo("81.72.02.2002");
		assertThat(finding.regionCode()).isEqualTo("81.72.02.2002");
		assertThat(finding.summaryArgs()).containsExactly("LAP-8172022002-2026-0003", "Taar", "Pak Somchai");
		assertThat(finding.evidence()).extracting(Evidence::type).containsExactly("REPORT", "VILLAGE");
	}
}
