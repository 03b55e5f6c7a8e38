package id.pantau.followup.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import id.pantau.followup.Evidence;
import id.pantau.followup.Severity;

/** An alert as stored by the detection engine, with the workflow fields people change. */
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
}
