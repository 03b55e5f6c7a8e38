package id.pantau.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditVerification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit append off the global lock (issue 19): a request writes its entry unchained, without waiting for anyone,
 * and one sequencer chains committed entries in order, in batches, under a try-lock that only one instance holds. Runs
 * as production does (the request does not wait for the chaining, unlike the other tests' profile). "Another instance"
 * holding the chain's lock is a second connection that takes it, as that instance's sequencer would.
 */
@PantauIntegrationTest
@TestPropertySource(properties = "pantau.audit.await-chaining=false")
class AuditSequencerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcAuditTrail audit;

	@Autowired
	AuditSequencer sequencer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void anAppendWaitsForNoLockAndItsEntryIsChainedInOrderOnceTheLockIsFree() throws Exception {
		String marker = marker();
		try (Connection otherInstance = holdingTheChainLock()) {
			// the old append waited here for the lock until the other transaction ended
			assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
				for (int n = 1; n <= 3; n++) {
					audit.recordAs("sequencer-test", AuditEntry.of("AUDIT_VERIFIED").detail("marker", marker)
							.detail("n", n));
				}
			});
			assertThat(chained(marker)).as("not chained while another instance holds the lock").isEmpty();
			assertThat(sequencer.nudge().get(10, TimeUnit.SECONDS)).as("a pass does not wait for the lock").isZero();
			assertThat(jdbc.queryForList("select id from audit_event_read where details like ?", Long.class,
					"%" + marker + "%")).as("the privacy module's read sees them at once, without an id yet")
					.hasSize(3).containsOnlyNulls();

			assertThatThrownBy(() -> jdbc.update("update audit_pending set actor = 'penyusup' where details like ?",
					"%" + marker + "%")).as("a waiting entry is never changed").hasStackTraceContaining("never changed");

			AuditVerification verification = audit.verify();
			assertThat(verification.intact()).as("waiting entries are not a break").isTrue();
			assertThat(verification.pending()).isGreaterThanOrEqualTo(3);
			assertThat(verification.oldestPending()).isNotNull();
			otherInstance.rollback();
		}
		// chained by the next pass now that the lock is free: this nudge's, or the fallback's if it ran first
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			sequencer.nudge().get(10, TimeUnit.SECONDS);
			assertThat(chained(marker)).hasSize(3);
		});

		List<Map<String, Object>> rows = chained(marker);
		assertThat(rows).extracting(r -> r.get("details").toString().replaceAll(".*\"n\":\"(\\d)\".*", "$1"))
				.as("chained in the order written").containsExactly("1", "2", "3");
		long first = ((Number) rows.get(0).get("id")).longValue();
		assertThat(rows).extracting(r -> ((Number) r.get("id")).longValue()).as("gapless ids")
				.containsExactly(first, first + 1, first + 2);
		assertThat(waiting(marker)).isZero();
		AuditVerification after = audit.verify();
		assertThat(after.intact()).isTrue();
		assertThat(after.lastId()).isGreaterThanOrEqualTo(first + 2);
	}

	@Test
	void aRolledBackChangeLeavesNoEntryAndACommittedOneAlwaysHasItsEntry() throws Exception {
		String marker = marker();
		transaction.executeWithoutResult(status -> {
			audit.recordAs("sequencer-test", AuditEntry.of("AUDIT_VERIFIED").detail("marker", marker).detail("n", 1));
			status.setRollbackOnly();
		});
		transaction.executeWithoutResult(status -> audit.recordAs("sequencer-test",
				AuditEntry.of("AUDIT_VERIFIED").detail("marker", marker).detail("n", 2)));
		sequencer.catchUp();

		assertThat(chained(marker)).extracting(r -> r.get("details").toString()).singleElement().asString()
				.contains("\"n\":\"2\"");
		assertThat(waiting(marker)).isZero();
	}

	@Test
	void aBatchAbortedMidwayLeavesItsEntriesWaitingAndTheNextPassChainsEachOnce() throws Exception {
		String marker = marker();
		try (Connection otherInstance = holdingTheChainLock()) {
			for (int n = 1; n <= 3; n++) {
				audit.recordAs("sequencer-test", AuditEntry.of("AUDIT_VERIFIED").detail("marker", marker)
						.detail("n", n));
			}
			// the second entry's insert fails, after the first's was made in the same batch transaction: as if the
			// sequencer died in the middle of the batch
			jdbc.execute("""
					create function audit_test_abort() returns trigger language plpgsql as $$
					begin
					  if new.details like '%%%s%%' and new.details like '%%"n":"2"%%' then
					    raise exception 'sequencer aborted mid-batch (test)';
					  end if;
					  return new;
					end $$""".formatted(marker));
			jdbc.execute("create trigger audit_test_abort before insert on audit_event for each row "
					+ "execute function audit_test_abort()");
			otherInstance.rollback();
		}
		try {
			CompletableFuture<Integer> aborted = sequencer.nudge();
			assertThatThrownBy(() -> aborted.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
					.hasStackTraceContaining("aborted mid-batch");
			assertThat(chained(marker)).as("nothing of the aborted batch is chained").isEmpty();
			assertThat(waiting(marker)).as("and nothing is lost").isEqualTo(3);

			WebSession admin = WebSession.loggedIn(port, "admin");
			assertThat(admin.get("/admin/audit").body()).contains("belum dirantai");
		}
		finally {
			jdbc.execute("drop trigger audit_test_abort on audit_event");
			jdbc.execute("drop function audit_test_abort()");
		}
		sequencer.catchUp();

		// each chained once, in the order written; another writer's entry may come between them
		List<Map<String, Object>> rows = chained(marker);
		assertThat(rows).extracting(r -> (String) r.get("details")).satisfiesExactly(
				first -> assertThat(first).contains("\"n\":\"1\""),
				second -> assertThat(second).contains("\"n\":\"2\""),
				third -> assertThat(third).contains("\"n\":\"3\""));
		assertThat(waiting(marker)).isZero();
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void anEntryWhoseTransactionCommitsLateIsChainedAfterTheOthersOnceWithTheTimeItHappened() throws Exception {
		String marker = marker();
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Void> late = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
			audit.recordAs("sequencer-test", AuditEntry.of("AUDIT_VERIFIED").detail("marker", marker)
					.detail("n", "early"));
			written.countDown();
			try {
				commit.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}));
		assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
		audit.recordAs("sequencer-test", AuditEntry.of("AUDIT_VERIFIED").detail("marker", marker).detail("n", "later"));
		sequencer.catchUp();
		assertThat(chained(marker)).as("the later write, committed first, is chained; the earlier one still runs")
				.extracting(r -> r.get("details").toString()).singleElement().asString().contains("later");

		commit.countDown();
		late.get(10, TimeUnit.SECONDS);
		sequencer.catchUp();

		List<Map<String, Object>> rows = chained(marker);
		assertThat(rows).extracting(r -> r.get("details").toString().contains("early") ? "early" : "later")
				.as("chain order is the order of integration").containsExactly("later", "early");
		assertThat((java.sql.Timestamp) rows.get(1).get("occurred_at"))
				.as("each keeps the time it happened").isBefore((java.sql.Timestamp) rows.get(0).get("occurred_at"));
		assertThat(waiting(marker)).isZero();
		assertThat(audit.verify().intact()).isTrue();
	}

	/** Another instance's sequencer in the middle of its batch: a transaction that holds the chain's lock. */
	private Connection holdingTheChainLock() throws SQLException {
		Connection connection = dataSource.getConnection();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("select pg_advisory_xact_lock(" + AuditSequencer.CHAIN_LOCK + ")");
		}
		return connection;
	}

	private List<Map<String, Object>> chained(String marker) {
		return jdbc.queryForList("select id, occurred_at, details from audit_event where details like ? order by id",
				"%" + marker + "%");
	}

	private long waiting(String marker) {
		return jdbc.queryForObject("select count(*) from audit_pending where details like ?", Long.class,
				"%" + marker + "%");
	}

	private static String marker() {
		return "urutan-" + UUID.randomUUID();
	}
}
