package id.pantau.followup.domain;

import java.time.Instant;

/** What a TIMPORA meeting decided on an alert. */
public record MeetingDecision(long meetingId, Instant heldAt, String place, String meetingStatus, String decision) {
}
