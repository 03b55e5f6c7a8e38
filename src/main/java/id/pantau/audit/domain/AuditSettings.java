package id.pantau.audit.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pantau.audit.*}
 *
 * @param anchorDir the folder outside the database that keeps the signing key (unless {@code signingKeyFile} says
 * otherwise) and the checkpoint file; by default the embedded database's data folder ({@code ./data})
 * @param signingKeyFile the Ed25519 key pair that signs checkpoints, made (readable by its owner only) at the first
 * start; empty: {@code audit-signing.key} in {@code anchorDir}. In production keep it where the database's owner cannot
 * read it.
 * @param checkpointFile the append-only file of signed checkpoints; empty: {@code audit-checkpoints.log} in
 * {@code anchorDir}
 * @param chainBatch how many waiting entries the sequencer chains in one transaction
 * @param awaitChaining {@code false} (the default): a transaction that wrote audit entries only wakes the sequencer
 * after its commit and goes on; {@code true}: it also waits (at most a few seconds) until they are chained, so that a
 * read of {@code audit_event} right after sees them with their id. For the tests, which read the table at once.
 */
@ConfigurationProperties("pantau.audit")
record AuditSettings(@DefaultValue("./data") String anchorDir, String signingKeyFile, String checkpointFile,
		@DefaultValue("500") int chainBatch, @DefaultValue("false") boolean awaitChaining) {
}
