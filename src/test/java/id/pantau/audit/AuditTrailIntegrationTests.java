package id.pantau.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.platform.PantauCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@PantauIntegrationTest
class AuditTrailIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	List<PantauCommand> commands;

	@Test
	void loginsFailuresAndLogoutsAreAuditedWithoutWhatWasTypedForAnUnknownName() {
		long before = lastId();
		WebSession session = WebSession.loggedIn(port, "bpmpd");
		session.post("/logout", Map.of());
		new WebSession(port).login("bpmpd", "salah-kata-sandi-ini");
		new WebSession(port).login("rahasia-yang-salah-ketik", "apa saja");

		List<Map<String, Object>> rows = jdbc.queryForList(
				"select actor, action, details from audit_event where id > ? order by id", before);
		assertThat(rows).extracting(r -> r.get("actor") + " " + r.get("action")).containsSubsequence(
				"bpmpd LOGIN_SUCCEEDED", "bpmpd LOGOUT", "bpmpd LOGIN_FAILED", "(tidak dikenal) LOGIN_FAILED");
		assertThat(rows.toString()).doesNotContain("rahasia-yang-salah-ketik").doesNotContain("salah-kata-sandi-ini");
	}

	@Test
	void theDatabaseRefusesToChangeOrRemoveAuditRows() {
		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED"));
		long id = lastId();
		assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'penyusup' where id = ?", id))
				.isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", id))
				.isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> jdbc.execute("truncate audit_event")).isInstanceOf(DataAccessException.class)
				.hasStackTraceContaining("append-only");
	}

	@Test
	void aRowAlteredBehindTheApplicationsBackIsNamedAsTheFirstBreak() {
		audit.recordAs("admin", AuditEntry.of("USER_UPDATED").subject("USER", 42).detail("after", "ADMIN"));
		long altered = lastId();
		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED"));
		assertThat(audit.verify().intact()).isTrue();

		behindTheApplicationsBack("update audit_event set details = '{\"after\":\"OHOI\"}' where id = " + altered);
		try {
			AuditVerification broken = audit.verify();
			assertThat(broken.intact()).isFalse();
			assertThat(broken.firstBrokenId()).isEqualTo(altered);
			assertThat(broken.problem()).isEqualTo("HASH_MISMATCH");

			Outcome command = run("verify-audit");
			assertThat(command.exitCode()).isEqualTo(1);
			assertThat(command.output()).contains("RUSAK pada baris id " + altered);

			WebSession admin = WebSession.loggedIn(port, "admin");
			admin.post("/admin/audit/verifikasi", Map.of());
			assertThat(admin.get("/admin/audit").body()).contains("RUSAK mulai baris #" + altered)
					.contains("telah diubah di luar aplikasi");
		}
		finally {
			behindTheApplicationsBack("update audit_event set details = '{\"after\":\"ADMIN\"}' where id = " + altered);
		}
		assertThat(audit.verify().intact()).isTrue();
		assertThat(run("verify-audit").exitCode()).isZero();
	}

	@Test
	void aDeletedRowBreaksTheLinkOfTheRowAfterIt() {
		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED").detail("n", 1));
		long deleted = lastId();
		audit.recordAs("system", AuditEntry.of("AUDIT_VERIFIED").detail("n", 2));
		long next = lastId();
		Map<String, Object> row = jdbc.queryForMap("select * from audit_event where id = ?", deleted);

		behindTheApplicationsBack("delete from audit_event where id = " + deleted);
		try {
			AuditVerification broken = audit.verify();
			assertThat(broken.firstBrokenId()).isEqualTo(next);
			assertThat(broken.problem()).isEqualTo("LINK_MISMATCH");
		}
		finally {
			jdbc.update("""
					insert into audit_event (id, occurred_at, actor, action, subject_type, subject_id, region_code, ip,
					  details, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.get("id"),
					row.get("occurred_at"), row.get("actor"), row.get("action"), row.get("subject_type"),
					row.get("subject_id"), row.get("region_code"), row.get("ip"), row.get("details"),
					row.get("prev_hash"), row.get("hash"));
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void theAuditPageIsForAdministratorsAndShowsTheNewestFirst() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		assertThat(rows(admin.get("/admin/audit").body())).contains("Masuk berhasil");
		String filtered = rows(admin.get("/admin/audit?action=LOGOUT&actor=admin").body());
		assertThat(filtered).doesNotContain("Masuk berhasil");
		admin.post("/logout", Map.of());
		WebSession again = WebSession.loggedIn(port, "admin");
		filtered = rows(again.get("/admin/audit?action=LOGOUT&actor=admin").body());
		assertThat(filtered).contains("<td>Keluar</td>").doesNotContain("Masuk berhasil");
		assertThat(WebSession.loggedIn(port, "kesbangpol").get("/admin/audit").statusCode()).isEqualTo(403);
	}

	private static String rows(String page) {
		return page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
	}

	/** As a database owner could: switch the guard off, change the table, switch it on again, in one transaction. */
	private void behindTheApplicationsBack(String sql) {
		transaction.executeWithoutResult(status -> {
			jdbc.execute("alter table audit_event disable trigger audit_event_no_update");
			jdbc.execute(sql);
			jdbc.execute("alter table audit_event enable trigger audit_event_no_update");
		});
	}

	private long lastId() {
		return jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
	}

	private record Outcome(int exitCode, String output) {
	}

	private Outcome run(String name) {
		PantauCommand command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream printed = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		int code = command.run(List.of(), printed, printed);
		return new Outcome(code, bytes.toString(StandardCharsets.UTF_8));
	}
}
