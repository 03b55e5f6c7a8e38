package id.pantau.followup;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.followup.domain.ActionKind;
import id.pantau.followup.domain.AlertStatus;
import id.pantau.followup.domain.FollowUpPolicy;
import id.pantau.followup.domain.Outcome;
import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import org.junit.jupiter.api.Test;

class FollowUpPolicyTests {

	@Test
	void onlyImmigrationTakesImmigrationActionsAndRecordsTheirOutcomes() {
		for (ActionKind kind : new ActionKind[] { ActionKind.DEPORTATION, ActionKind.DETENTION, ActionKind.ENTRY_BAN,
				ActionKind.OVERSTAY_CHARGE, ActionKind.REGULARISATION }) {
			assertThat(FollowUpPolicy.mayRecord(Role.IMIGRASI, kind)).as(kind.name()).isTrue();
			assertThat(FollowUpPolicy.mayRecord(Role.KESBANGPOL, kind)).as(kind.name()).isFalse();
			assertThat(FollowUpPolicy.mayRecord(Role.TIMPORA, kind)).as(kind.name()).isFalse();
		}
		assertThat(FollowUpPolicy.mayClose(Role.KESBANGPOL, Outcome.ADMINISTRATIVE_ACTION)).isFalse();
		assertThat(FollowUpPolicy.mayClose(Role.IMIGRASI, Outcome.REGULARISED)).isTrue();
		assertThat(FollowUpPolicy.mayClose(Role.KESBANGPOL, Outcome.DEPARTED)).isTrue();
	}

	@Test
	void membersRecordFieldChecksAndTheirOwnAgencysViewButReadersAndVillagesChangeNothing() {
		assertThat(FollowUpPolicy.mayRecord(Role.TIMPORA, ActionKind.FIELD_CHECK)).isTrue();
		assertThat(FollowUpPolicy.mayRecord(Role.TIMPORA, ActionKind.HUMANITARIAN_REFERRAL)).isFalse();
		assertThat(FollowUpPolicy.mayRecordView(Role.TIMPORA, Agency.POLRES, Agency.POLRES)).isTrue();
		assertThat(FollowUpPolicy.mayRecordView(Role.TIMPORA, Agency.POLRES, Agency.KODIM)).isFalse();
		assertThat(FollowUpPolicy.mayRecordView(Role.KESBANGPOL, Agency.KESBANGPOL, Agency.KODIM)).isTrue();
		for (Role role : new Role[] { Role.BPMPD, Role.OHOI, Role.ADMIN }) {
			assertThat(FollowUpPolicy.mayRecord(role, ActionKind.FIELD_CHECK)).isFalse();
			assertThat(FollowUpPolicy.mayAcknowledge(role)).isFalse();
			assertThat(FollowUpPolicy.mayDismiss(role)).isFalse();
		}
		assertThat(FollowUpPolicy.mayRead(Role.BPMPD)).isTrue();
		assertThat(FollowUpPolicy.mayRead(Role.OHOI)).isFalse();
		assertThat(FollowUpPolicy.mayRecord(Role.IMIGRASI, ActionKind.CLOSED)).as("workflow kinds").isFalse();
		assertThat(FollowUpPolicy.mayClose(Role.IMIGRASI, Outcome.RESOLVED_BY_FACTS)).as("the engine's own").isFalse();
	}

	@Test
	void aConcludedAlertTakesNoFurtherStep() {
		assertThat(AlertStatus.OPEN.canTransitionTo(AlertStatus.ACKNOWLEDGED)).isTrue();
		assertThat(AlertStatus.ACKNOWLEDGED.canTransitionTo(AlertStatus.OPEN)).isFalse();
		for (AlertStatus next : AlertStatus.values()) {
			assertThat(AlertStatus.CLOSED.canTransitionTo(next)).isFalse();
			assertThat(AlertStatus.DISMISSED.canTransitionTo(next)).isFalse();
		}
	}
}
