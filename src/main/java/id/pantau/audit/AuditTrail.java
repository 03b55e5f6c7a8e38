package id.pantau.audit;

/**
 * The append-only, hash-chained audit trail. An entry is written in the caller's transaction, so a change and its
 * audit entry are committed together or not at all.
 */
public interface AuditTrail {

	/** Records an entry by the signed-in user (or {@code system} outside a request), with the request's address. */
	void record(AuditEntry entry);

	/** Records an entry by a named actor, for events without a signed-in user (a failed login, a start-up job). */
	void recordAs(String actor, AuditEntry entry);

	/** Checks the whole chain. */
	AuditVerification verify();
}
