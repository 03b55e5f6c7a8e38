/**
 * The audit trail: who did what to which record, chained and checkpointed so that a change to it shows.
 * <p>
 * It owns {@code audit_event} and its queue {@code audit_pending} (entries written in the request, waiting for the
 * sequencer to chain them); other modules write to them only through {@link id.pantau.audit.AuditTrail}, and the
 * privacy module reads {@code audit_event_read} (the trail without its hash chain, waiting entries included) for the
 * breach query and the data-subject export.
 */
@id.pantau.platform.OwnedTables({ "audit_event", "audit_pending" })
@id.pantau.platform.ReadModels({ "audit_event_read" })
package id.pantau.audit;
