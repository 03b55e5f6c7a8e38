package id.pantau.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import id.pantau.PantauIntegrationTest;
import id.pantau.TokenClient;
import id.pantau.WebSession;
import id.pantau.audit.AuditCheckpoint;
import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditVerification;
import id.pantau.audit.cli.VerifyAuditCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail anchored outside the database (issue 16, item 3): someone who can write to the database can change
 * rows and recompute the SHA-256 chain, or cut off its end, and the chain alone still holds; the signed checkpoints kept
 * outside the database (and by partners) show it, naming the first row affected, in {@code verify-audit} and on the
 * administrators' audit page.
 */
@PantauIntegrationTest
class AuditAnchorIntegrationTests {

	/** The chain's advisory lock: tampering takes it, so no entry of background work is chained meanwhile. */
	private static final long CHAIN_LOCK = 0x50414e544155L;

	@LocalServerPort
	int port;

	@Autowired
	JdbcAuditTrail audit;

	@Autowired
	AuditAnchor anchor;

	@Autowired
	VerifyAuditCommand command;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void anEditWithTheChainRecomputedIsReportedFromTheFirstRowAfterTheLastCheckpointThatHolds() {
		// a checkpoint right before the row that will be edited: nothing is chained while the lock is held, and the
		// entry written under it is chained right after the lock is released
		String marker = "jangkar-" + System.nanoTime();
		long checkpointed = underChainLock(() -> {
			assertThat(audit.verify().intact()).isTrue();
			audit.recordAs("admin", AuditEntry.of("USER_UPDATED").subject("USER", 42).detail("after", "ADMIN")
					.detail("marker", marker));
			return lastId();
		});
		long edited = jdbc.queryForObject("select id from audit_event where details like ?", Long.class,
				"%" + marker + "%");
		assertThat(edited).isGreaterThan(checkpointed);
		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED").detail("n", 1));
		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED").detail("n", 2));
		AuditVerification signed = audit.verify();
		assertThat(signed.intact()).isTrue();
		long end = signed.lastId();
		assertThat(anchor.latest()).get().extracting(AuditCheckpoint::lastId).isEqualTo(end);

		List<Map<String, Object>> saved = rowsFrom(edited);
		try {
			behindTheApplicationsBack(() -> {
				jdbc.update("update audit_event set details = '{\"after\":\"OHOI\"}' where id = ?", edited);
				recomputeChainFrom(edited);
			});
			AuditVerification broken = audit.verify();
			assertThat(broken.problem()).as("the chain holds in itself; the checkpoint does not").isEqualTo(
					"CHECKPOINT_MISMATCH");
			assertThat(broken.firstBrokenId()).as("the first row after the checkpoint that still holds")
					.isEqualTo(checkpointed + 1);
			assertThat(broken.expectedId()).isEqualTo(end);
			assertThat(anchor.latest()).get().extracting(AuditCheckpoint::lastId).as("a broken trail is not signed")
					.isEqualTo(end);

			Outcome verify = run();
			assertThat(verify.exitCode()).isEqualTo(1);
			assertThat(verify.output()).contains("RUSAK mulai baris id " + (checkpointed + 1)).contains("dihitung ulang")
					.doesNotContain("utuh");

			WebSession admin = WebSession.loggedIn(port, "admin");
			admin.post("/admin/audit/verifikasi", Map.of());
			assertThat(admin.get("/admin/audit").body()).contains("RUSAK mulai baris #" + (checkpointed + 1))
					.contains("Rantai dihitung ulang setelah diubah");
		}
		finally {
			restore(edited, saved);
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void aTailCutShortIsReportedFromItsFirstMissingRow() {
		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED").detail("n", 1));
		// the row after the checkpoint: whatever is chained first once the lock is released, the entry written
		// under it or background work's
		long firstCut = underChainLock(() -> {
			assertThat(audit.verify().intact()).isTrue();
			audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED").detail("n", 2));
			return lastId() + 1;
		});
		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED").detail("n", 3));
		AuditVerification signed = audit.verify();
		assertThat(signed.intact()).isTrue();
		long end = signed.lastId();

		List<Map<String, Object>> saved = rowsFrom(firstCut);
		try {
			behindTheApplicationsBack(() -> jdbc.update("delete from audit_event where id >= ?", firstCut));
			AuditVerification cut = audit.verify();
			assertThat(cut.problem()).isEqualTo("TRUNCATED");
			assertThat(cut.firstBrokenId()).isEqualTo(firstCut);
			assertThat(cut.expectedId()).isEqualTo(end);

			Outcome verify = run();
			assertThat(verify.exitCode()).isEqualTo(1);
			assertThat(verify.output()).contains("TERPOTONG mulai baris id " + firstCut)
					.contains("sampai baris id " + end);

			// the application goes on writing after the cut (the administrator's login, the check itself): the ids
			// of the cut rows are taken again, and the row the newest checkpoint signed now holds something else
			WebSession admin = WebSession.loggedIn(port, "admin");
			admin.post("/admin/audit/verifikasi", Map.of());
			assertThat(admin.get("/admin/audit").body()).contains("RUSAK mulai baris #" + firstCut)
					.contains("ujungnya dipotong lalu ditulis lagi");
		}
		finally {
			restore(firstCut, saved);
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void aRemovedRowWithTheRestRecomputedLeavesAGapInTheIds() {
		assertThat(audit.verify().intact()).isTrue();
		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED").detail("n", 1));
		long removed = lastId();
		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED").detail("n", 2));
		List<Map<String, Object>> saved = rowsFrom(removed);
		try {
			behindTheApplicationsBack(() -> {
				jdbc.update("delete from audit_event where id = ?", removed);
				recomputeChainFrom(removed);
			});
			AuditVerification gap = audit.verify();
			assertThat(gap.problem()).isEqualTo("ID_GAP");
			assertThat(gap.firstBrokenId()).isEqualTo(removed);
			assertThat(run().output()).contains("RUSAK pada baris id " + removed).contains("hilang");
		}
		finally {
			restore(removed, saved);
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void theQuarterHourCheckpointSignsOnlyATrailThatStillHoldsItsNewestCheckpoint() {
		audit.verify();
		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED").detail("n", 1));
		long signedEnd = underChainLock(() -> {
			audit.checkpoint();
			assertThat(anchor.latest().orElseThrow().lastId()).isEqualTo(lastId());
			return lastId();
		});

		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED").detail("n", 2));
		List<Map<String, Object>> saved = rowsFrom(signedEnd);
		try {
			behindTheApplicationsBack(() -> {
				jdbc.update("update audit_event set details = '{\"n\":\"9\"}' where id = ?", signedEnd);
				recomputeChainFrom(signedEnd);
			});
			audit.checkpoint();
			assertThat(anchor.latest().orElseThrow().lastId()).isEqualTo(signedEnd);
		}
		finally {
			restore(signedEnd, saved);
		}
		underChainLock(() -> {
			audit.checkpoint();
			assertThat(anchor.latest().orElseThrow().lastId()).isEqualTo(lastId());
			return null;
		});
	}

	@Test
	void aForgedCheckpointLineIsReportedAndTheKeyAndFileAreTheOwnersOnly() throws Exception {
		assertThat(audit.verify().intact()).isTrue();
		assertThat(Files.getPosixFilePermissions(anchor.keyFile()))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.getPosixFilePermissions(anchor.checkpointFile()))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.readString(anchor.checkpointFile())).doesNotContain("private");

		byte[] before = Files.readAllBytes(anchor.checkpointFile());
		AuditCheckpoint real = anchor.latest().orElseThrow();
		String forged = "{\"kind\":\"CHECKPOINT\",\"lastId\":" + real.lastId() + ",\"hash\":\"" + "0".repeat(64)
				+ "\",\"at\":\"" + real.at() + "\",\"keyId\":\"" + real.keyId() + "\",\"signature\":\""
				+ real.signature() + "\"}\n";
		try {
			Files.writeString(anchor.checkpointFile(), forged, java.nio.file.StandardOpenOption.APPEND);
			AuditVerification result = audit.verify();
			assertThat(result.problem()).isEqualTo("CHECKPOINT_FORGED");
			assertThat(run().exitCode()).isEqualTo(1);
		}
		finally {
			Files.write(anchor.checkpointFile(), before);
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void afterARestoreTheOperatorAcceptsTheShorterTrailAndItIsSignedAsRestored() {
		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED").detail("n", 1));
		long firstCut = lastId();
		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED").detail("n", 2));
		assertThat(audit.verify().intact()).isTrue();
		List<Map<String, Object>> saved = rowsFrom(firstCut);
		try {
			behindTheApplicationsBack(() -> jdbc.update("delete from audit_event where id >= ?", firstCut));
			assertThat(run().exitCode()).isEqualTo(1);
			Outcome accepted = run(VerifyAuditCommand.ACCEPT_RESTORE);
			assertThat(accepted.exitCode()).as(accepted.output()).isZero();
			assertThat(accepted.output()).contains("Pemulihan diterima");
			assertThat(anchor.latest().orElseThrow().kind()).isEqualTo(AuditCheckpoint.RESTORED);
			assertThat(jdbc.queryForObject("select action from audit_event order by id desc limit 1", String.class))
					.isEqualTo("AUDIT_RESTORE_ACCEPTED");
			// (not verified again here: that would sign the accepting row, which the clean-up below removes)
		}
		finally {
			restore(firstCut, saved);
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void partnersReceiveTheNewestCheckpointOnTheChangesFeedAndCanCheckItsSignature() throws Exception {
		WebSession admin = WebSession.loggedIn(port, "admin");
		TokenClient partner = new TokenClient(port, TokenClient.issue(admin, "jangkar-" + System.nanoTime(),
				"PARTNER", "TIMPORA", "81.72").token());
		long end = audit.verify().lastId();
		JsonNode feed = JsonMapper.builder().build().readTree(partner.get("/api/v1/changes?since=0&limit=1").body());
		JsonNode checkpoint = feed.get("auditCheckpoint");
		assertThat(checkpoint.get("lastId").asLong()).isGreaterThanOrEqualTo(end);
		assertThat(checkpoint.get("hash").asString()).matches("[0-9a-f]{64}");

		byte[] key = Base64.getDecoder().decode(feed.get("auditPublicKey").asString());
		Signature ed25519 = Signature.getInstance("Ed25519");
		ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(key)));
		ed25519.update(("pantau-audit-checkpoint/v1\n" + checkpoint.get("kind").asString() + "\n"
				+ checkpoint.get("lastId").asLong() + "\n" + checkpoint.get("hash").asString() + "\n"
				+ checkpoint.get("at").asString()).getBytes(StandardCharsets.UTF_8));
		assertThat(ed25519.verify(Base64.getDecoder().decode(checkpoint.get("signature").asString()))).isTrue();

		String pem = admin.get("/admin/audit/kunci-publik").body();
		assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
		assertThat(pem.replaceAll("-----[A-Z ]+-----|\\s", "")).isEqualTo(feed.get("auditPublicKey").asString());
	}

	/**
	 * Holds the chain's lock around the work, so nothing is chained between its steps; entries it writes are chained
	 * after it (the tests' profile waits for that after the commit).
	 */
	private <T> T underChainLock(java.util.function.Supplier<T> work) {
		return transaction.execute(status -> {
			jdbc.queryForList("select pg_advisory_xact_lock(?)", CHAIN_LOCK);
			return work.get();
		});
	}

	/** As a database owner could: switch the guard off, change the table, switch it on again, in one transaction. */
	private void behindTheApplicationsBack(Runnable change) {
		transaction.executeWithoutResult(status -> {
			jdbc.queryForList("select pg_advisory_xact_lock(?)", CHAIN_LOCK);
			jdbc.execute("alter table audit_event disable trigger audit_event_no_update");
			change.run();
			jdbc.execute("alter table audit_event enable trigger audit_event_no_update");
		});
	}

	/** What the probe did: recompute every hash from a row on with the published algorithm (plain SHA-256). */
	private void recomputeChainFrom(long id) {
		String previous = jdbc.queryForList("select hash from audit_event where id < ? order by id desc limit 1",
				String.class, id).stream().findFirst().orElse(AuditChain.GENESIS);
		for (Map<String, Object> row : jdbc.queryForList("select * from audit_event where id >= ? order by id", id)) {
			String hash = AuditChain.hash(previous, ((Number) row.get("id")).longValue(),
					((Timestamp) row.get("occurred_at")).toInstant(), (String) row.get("actor"),
					(String) row.get("action"), (String) row.get("subject_type"), (String) row.get("subject_id"),
					(String) row.get("region_code"), (String) row.get("ip"), (String) row.get("details"));
			jdbc.update("update audit_event set prev_hash = ?, hash = ? where id = ?", previous, hash, row.get("id"));
			previous = hash;
		}
	}

	private List<Map<String, Object>> rowsFrom(long id) {
		return jdbc.queryForList("select * from audit_event where id >= ? order by id", id);
	}

	/** The rows as they were; whatever was appended onto the tampered trail meanwhile goes with the tampering. */
	private void restore(long from, List<Map<String, Object>> saved) {
		behindTheApplicationsBack(() -> {
			jdbc.update("delete from audit_event where id >= ?", from);
			for (Map<String, Object> row : saved) {
				jdbc.update("""
						insert into audit_event (id, occurred_at, actor, action, subject_type, subject_id, region_code,
						  ip, details, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.get("id"),
						row.get("occurred_at"), row.get("actor"), row.get("action"), row.get("subject_type"),
						row.get("subject_id"), row.get("region_code"), row.get("ip"), row.get("details"),
						row.get("prev_hash"), row.get("hash"));
			}
		});
	}

	private long lastId() {
		return jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
	}

	private record Outcome(int exitCode, String output) {
	}

	private Outcome run(String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream printed = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		int code = command.run(List.of(args), printed, printed);
		return new Outcome(code, bytes.toString(StandardCharsets.UTF_8));
	}
}
