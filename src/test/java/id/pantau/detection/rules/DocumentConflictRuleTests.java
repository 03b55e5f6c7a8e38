package id.pantau.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import id.pantau.followup.Evidence;
import org.junit.jupiter.api.Test;

class DocumentConflictRuleTests {

	@Test
	void oneNumberFromTheSameStateOnTwoPersonsConflicts() {
		var shared = new DocumentConflictRule.SharedNumber("AB7654321", "AB 7654321", List.of(8L, 3L),
				List.of("THA", "THA"), List.of("81.72.01.2002", "81.72.01.2002"), List.of("SOMCHAI B", "SOMCHAI A"));
		Finding finding = DocumentConflictRule.sharedNumber(shared).orElseThrow();
		assertThat(finding.subjectType()).isEqualTo(SubjectType.DOCUMENT);
		assertThat(finding.evidence()).extracting(Evidence::label).as("each holder by name").contains(
				"msg:alert.evidence.sameNumberHolderOf|SOMCHAI B|country:THA",
				"msg:alert.evidence.sameNumberHolderOf|SOMCHAI A|country:THA");
		assertThat(finding.factsKey()).isEqualTo("persons:3,8");
		assertThat(finding.personId()).isNull();
		assertThat(finding.regionCode()).isEqualTo("81.72.01.2002");
	}

	@Test
	void theSameNumberIssuedByDifferentStatesIsNoConflict() {
		var shared = new DocumentConflictRule.SharedNumber("N1234567", "N1234567", List.of(1L, 2L),
				List.of("KHM", "NLD"), List.of("", ""), List.of("A", "B"));
		assertThat(DocumentConflictRule.sharedNumber(shared)).isEmpty();
	}

	@Test
	void anUnknownIssuingStateCouldBeTheSameDocument() {
		var shared = new DocumentConflictRule.SharedNumber("N1234567", "N1234567", List.of(1L, 2L, 5L),
				List.of("KHM", "NLD", ""), List.of("81.72.01.2001", "81.72.02.1003", "81.72.01.2001"),
				List.of("A", "B", "C"));
		Finding finding = DocumentConflictRule.sharedNumber(shared).orElseThrow();
		assertThat(finding.factsKey()).isEqualTo("persons:1,2,5");
		assertThat(finding.regionCode()).as("persons in different villages").isNull();
	}

	@Test
	void aCrossingWithPapersOfAnotherNationalityNamesBoth() {
		Finding finding = DocumentConflictRule.crossingMismatch(new DocumentConflictRule.CrossingMismatch(4, null, 99,
				LocalDate.of(2026, 3, 1), "ENTRY", "VNM", "MMR,THA,MMR"));
		assertThat(finding.factsKey()).isEqualTo("crossing:99");
		assertThat(finding.summaryArgs().get(1)).contains("MMR, THA").contains("2026-03-01");
	}
}
