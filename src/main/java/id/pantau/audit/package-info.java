/**
 * The audit trail: who did what to which record, chained and checkpointed so that a change to it shows.
 * <p>
 * It owns {@code audit_event}; other modules write to it only through {@link id.pantau.audit.AuditTrail}, and the
 * privacy module reads {@code audit_event_read} (the trail without its hash chain) for the breach query and the
 * data-subject export.
 */
@id.pantau.platform.OwnedTables({ "audit_event" })
@id.pantau.platform.ReadModels({ "audit_event_read" })
package id.pantau.audit;
