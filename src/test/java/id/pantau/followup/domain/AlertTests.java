package id.pantau.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import id.pantau.followup.Severity;
import org.junit.jupiter.api.Test;

/** The one guard of an alert's status, as every path (people, facts, an undone link, retention) meets it. */
class AlertTests {

	@Test
	void anActiveAlertMayBeAcknowledgedClosedOrDismissedButNotOpenedAgain() {
		Alert open = alert(AlertStatus.OPEN, null);
		assertThat(open.canTransitionTo(AlertStatus.ACKNOWLEDGED)).isTrue();
		assertThat(open.canTransitionTo(AlertStatus.CLOSED)).isTrue();
		assertThat(open.canTransitionTo(AlertStatus.DISMISSED)).isTrue();
		assertThat(open.canTransitionTo(AlertStatus.OPEN)).isFalse();
		Alert acknowledged = alert(AlertStatus.ACKNOWLEDGED, null);
		assertThat(acknowledged.canTransitionTo(AlertStatus.CLOSED)).isTrue();
		assertThat(acknowledged.canTransitionTo(AlertStatus.OPEN)).isFalse();
		assertThat(acknowledged.canTransitionTo(AlertStatus.ACKNOWLEDGED)).isFalse();
	}

	@Test
	void onlyAClosureByFactsIsUndoneAndOnlyBackToOpen() {
		Alert byFacts = alert(AlertStatus.CLOSED, Outcome.RESOLVED_BY_FACTS.name());
		assertThat(byFacts.closedByFacts()).isTrue();
		assertThat(byFacts.canTransitionTo(AlertStatus.OPEN)).isTrue();
		assertThat(byFacts.canTransitionTo(AlertStatus.ACKNOWLEDGED)).as("people do not take it up again").isFalse();
		assertThat(byFacts.canTransitionTo(AlertStatus.CLOSED)).isFalse();
		assertThat(byFacts.canTransitionTo(AlertStatus.DISMISSED)).isFalse();
		for (Outcome outcome : Outcome.choosable()) {
			Alert byPerson = alert(AlertStatus.CLOSED, outcome.name());
			for (AlertStatus next : AlertStatus.values()) {
				assertThat(byPerson.canTransitionTo(next)).as("closed by a person as %s, to %s", outcome, next)
						.isFalse();
			}
		}
		Alert dismissed = alert(AlertStatus.DISMISSED, Outcome.RESOLVED_BY_FACTS.name());
		for (AlertStatus next : AlertStatus.values()) {
			assertThat(dismissed.canTransitionTo(next)).as("dismissed, to %s", next).isFalse();
		}
	}

	@Test
	void onlyAConcludedAlertMayBeAnonymised() {
		assertThat(alert(AlertStatus.OPEN, null).mayBeAnonymised()).isFalse();
		assertThat(alert(AlertStatus.ACKNOWLEDGED, null).mayBeAnonymised()).isFalse();
		assertThat(alert(AlertStatus.CLOSED, Outcome.DEPARTED.name()).mayBeAnonymised()).isTrue();
		assertThat(alert(AlertStatus.DISMISSED, null).mayBeAnonymised()).isTrue();
	}

	private static Alert alert(AlertStatus status, String outcome) {
		return new Alert(31, "OVERSTAY", Severity.HIGH, "PERSON", "31", 31L, "81.72.02.1003", List.of(), List.of(),
				null, status, null, null, Instant.EPOCH, Instant.EPOCH, null, null, null, List.of(), null, null,
				outcome, null, null, 3);
	}
}
