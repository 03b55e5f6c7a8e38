package id.pantau.followup.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import id.pantau.followup.Evidence;
import id.pantau.followup.Severity;

/**
 * An alert: raised by the detection engine through {@link id.pantau.followup.AlertBook}, taken from there by people.
 * {@link #canTransitionTo} is the one guard of every change of its status, whoever makes it: a person's workflow, a
 * closure because the facts changed, the undo of such a closure, and the anonymising of a concluded alert.
 */
public record Alert(long id, String rule, Severity severity, String subjectType, String subjectKey, Long personId,
		String regionCode, List<String> summaryArgs, List<Evidence> evidence, String legalReference,
		AlertStatus status, String assignedAgency, String assignedTo, Instant openedAt, Instant lastSeenAt,
		Instant factsChangedAt, String factsNote, String factsNoteKey, List<String> factsNoteArgs, Instant closedAt,
		String closedBy, String outcome, String closeNote, Long closedByLink, int version) {

	/** Whole days since the alert opened (until it was closed, for a closed one). */
	public long ageDays(Instant now) {
		Instant end = closedAt != null ? closedAt : now;
		return Math.max(0, Duration.between(openedAt, end).toDays());
	}

	/**
	 * Whether the alert may go to {@code next}: as {@link AlertStatus#canTransitionTo} allows, and back to open only
	 * when the engine closed it because the facts changed (a closure people made, or a dismissal, is never undone).
	 */
	public boolean canTransitionTo(AlertStatus next) {
		return status.canTransitionTo(next) || next == AlertStatus.OPEN && closedByFacts();
	}

	/** Closed by the engine because its facts changed, not by a person. */
	public boolean closedByFacts() {
		return status == AlertStatus.CLOSED && Outcome.RESOLVED_BY_FACTS.name().equals(outcome);
	}

	/** Its personal details may be erased only once it is concluded: an active alert is still being followed up. */
	public boolean mayBeAnonymised() {
		return !status.isActive();
	}
}
