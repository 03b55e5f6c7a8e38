package id.pantau.audit;

import java.time.Instant;

/**
 * A signed statement, kept outside the database, that the audit trail ended at row {@code lastId} with hash
 * {@code hash} at {@code at}. Whoever holds the public key can check it: the Ed25519 signature covers
 * {@link #signedText()}.
 *
 * @param kind {@code CHECKPOINT}, or {@code RESTORED} when an operator accepted a trail cut short by a restore
 * @param keyId the first 16 hex digits of the SHA-256 of the public key (X.509 form) that signed it
 * @param signature base64 of the Ed25519 signature
 */
public record AuditCheckpoint(String kind, long lastId, String hash, Instant at, String keyId, String signature) {

	public static final String CHECKPOINT = "CHECKPOINT";
	public static final String RESTORED = "RESTORED";

	/** The exact text that was signed (UTF-8): four lines after a fixed first one. */
	public String signedText() {
		return signedText(kind, lastId, hash, at);
	}

	public static String signedText(String kind, long lastId, String hash, Instant at) {
		return "pantau-audit-checkpoint/v1\n" + kind + "\n" + lastId + "\n" + hash + "\n" + at;
	}
}
