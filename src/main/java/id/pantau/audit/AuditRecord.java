package id.pantau.audit;

import java.time.Instant;

/** A row of the audit trail as shown to an administrator. */
public record AuditRecord(long id, Instant occurredAt, String actor, String action, String subjectType,
		String subjectId, String regionCode, String ip, String details, String hash) {
}
