package id.pantau.audit;

/**
 * The outcome of checking the audit chain.
 *
 * @param rowsChecked rows read until the end or the first break
 * @param firstBrokenId the id of the first row whose hash or link does not hold, or {@code null} when intact
 * @param problem why that row breaks the chain ({@code HASH_MISMATCH} or {@code LINK_MISMATCH}), or {@code null}
 */
public record AuditVerification(long rowsChecked, Long firstBrokenId, String problem) {

	public boolean intact() {
		return firstBrokenId == null;
	}
}
