package id.pantau.audit;

import java.util.Optional;

/** The signed checkpoints of the audit trail, for those who keep copies of them (partner systems on the feed). */
public interface AuditCheckpoints {

	/** The newest checkpoint written, if any. */
	Optional<AuditCheckpoint> latest();

	/** The public key that checks the signatures: base64 of its X.509 (SubjectPublicKeyInfo) form. */
	String publicKey();

	/** The same key as a PEM text block. */
	String publicKeyPem();

	/** The key's short name, as in {@link AuditCheckpoint#keyId()}. */
	String keyId();
}
