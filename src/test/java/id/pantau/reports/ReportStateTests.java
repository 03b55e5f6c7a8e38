package id.pantau.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportStateTests {

	@Test
	void followsTheChainOfTheDesign() {
		assertThat(ReportState.DRAFT.canTransitionTo(ReportState.SUBMITTED)).isTrue();
		assertThat(ReportState.SUBMITTED.canTransitionTo(ReportState.RETURNED)).isTrue();
		assertThat(ReportState.RETURNED.canTransitionTo(ReportState.SUBMITTED)).isTrue();
		assertThat(ReportState.SUBMITTED.canTransitionTo(ReportState.FORWARDED)).isTrue();
		assertThat(ReportState.FORWARDED.canTransitionTo(ReportState.VALIDATED)).isTrue();
		assertThat(ReportState.FORWARDED.canTransitionTo(ReportState.REJECTED)).isTrue();
	}

	@Test
	void skipsNoStepAndNothingLeavesAConcludedReport() {
		assertThat(ReportState.DRAFT.canTransitionTo(ReportState.FORWARDED)).isFalse();
		assertThat(ReportState.SUBMITTED.canTransitionTo(ReportState.VALIDATED)).isFalse();
		assertThat(ReportState.RETURNED.canTransitionTo(ReportState.FORWARDED)).isFalse();
		assertThat(ReportState.FORWARDED.canTransitionTo(ReportState.RETURNED)).isFalse();
		for (ReportState next : ReportState.values()) {
			assertThat(ReportState.VALIDATED.canTransitionTo(next)).isFalse();
			assertThat(ReportState.REJECTED.canTransitionTo(next)).isFalse();
		}
	}

	@Test
	void onlyDraftsAndReturnedReportsAreTheVillagesToChange() {
		assertThat(ReportState.DRAFT.isEditableByVillage()).isTrue();
		assertThat(ReportState.RETURNED.isEditableByVillage()).isTrue();
		assertThat(ReportState.SUBMITTED.isEditableByVillage()).isFalse();
		assertThat(ReportState.VALIDATED.isEditableByVillage()).isFalse();
	}
}
