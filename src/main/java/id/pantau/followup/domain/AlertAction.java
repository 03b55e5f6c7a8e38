package id.pantau.followup.domain;

import java.time.Instant;
import java.time.LocalDate;

/** An entry of an alert's history: who did what, when, with a note; {@code meetingId} for a meeting's decision. */
public record AlertAction(long id, long alertId, String kind, String note, LocalDate happenedOn, String actor,
		String agency, Instant recordedAt, Long meetingId) {
}
