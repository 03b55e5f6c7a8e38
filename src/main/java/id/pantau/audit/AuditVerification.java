package id.pantau.audit;

import java.time.Instant;

/**
 * The outcome of checking the audit trail: the hash chain inside the database, and that chain against the signed
 * checkpoints kept outside it.
 *
 * @param rowsChecked rows read until the end or the first break
 * @param firstBrokenId the first row affected: the row whose hash or link does not hold, the first missing row of a gap
 * or a cut tail, or the first row after the last checkpoint that still holds when the chain was recomputed; {@code null}
 * when intact (and for a checkpoint file that fails its signature, which names no row)
 * @param problem why ({@code HASH_MISMATCH}, {@code LINK_MISMATCH}, {@code ID_GAP}, {@code CHECKPOINT_MISMATCH},
 * {@code TRUNCATED}, {@code CHECKPOINT_FORGED}), or {@code null} when intact
 * @param lastId the last row of the trail as read, or {@code null} when empty
 * @param checkpointsChecked signed checkpoints whose row was found and compared
 * @param anchoredId the row of the newest checkpoint that applies, or {@code null} when there is none
 * @param anchoredAt when that checkpoint was signed
 * @param expectedId for a cut tail or a rewritten chain: the row of the checkpoint that no longer holds
 * @param pending entries written and committed but not chained yet (they wait for the sequencer; not a break)
 * @param oldestPending when the oldest of them happened, or {@code null} when none waits
 */
// Serializable: the audit page shows it once after a redirect, from the session (kept in PostgreSQL)
public record AuditVerification(long rowsChecked, Long firstBrokenId, String problem, Long lastId,
		int checkpointsChecked, Long anchoredId, Instant anchoredAt, Long expectedId, long pending,
		Instant oldestPending) implements java.io.Serializable {

	public AuditVerification(long rowsChecked, Long firstBrokenId, String problem) {
		this(rowsChecked, firstBrokenId, problem, null, 0, null, null, null);
	}

	public AuditVerification(long rowsChecked, Long firstBrokenId, String problem, Long lastId,
			int checkpointsChecked, Long anchoredId, Instant anchoredAt, Long expectedId) {
		this(rowsChecked, firstBrokenId, problem, lastId, checkpointsChecked, anchoredId, anchoredAt, expectedId, 0,
				null);
	}

	/** The same outcome, with the entries still waiting to be chained. */
	public AuditVerification withPending(long count, Instant oldest) {
		return new AuditVerification(rowsChecked, firstBrokenId, problem, lastId, checkpointsChecked, anchoredId,
				anchoredAt, expectedId, count, oldest);
	}

	public boolean intact() {
		return problem == null;
	}
}
