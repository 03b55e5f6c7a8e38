package id.pantau.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import id.pantau.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Alerts, persons and reports of a test's own, written with SQL as the detection engine and the villages would. */
final class FollowUpData {

	static final String FIDITAN = "81.72.01.2001";
	static final String TAAR = "81.72.02.2002";

	private final JdbcClient jdbc;

	FollowUpData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A rule code no other test uses, so a list filtered by it shows only this test's alerts. */
	static String rule() {
		StringBuilder code = new StringBuilder("TEST_");
		ThreadLocalRandom.current().ints(8, 'A', 'Z' + 1).forEach(letter -> code.append((char) letter));
		return code.toString();
	}

	long alert(String rule, String severity, String region, Long personId, int daysOpen, String... args) {
		Instant opened = TestClock.now().minus(daysOpen, ChronoUnit.DAYS);
		String summaryArgs = "[" + String.join(",", java.util.Arrays.stream(args).map(a -> "\"" + a + "\"").toList())
				+ "]";
		String evidence = """
				[{"type": "PERSON", "id": "%s", "label": "Orang asing terdaftar", "date": "2026-01-05"},
				 {"type": "CROSSING", "id": "77", "label": "Masuk lewat TPI Tual", "date": "2026-01-02"},
				 {"type": "PERMIT", "id": "ITK-1", "label": "ITK berakhir 2026-02-01", "date": "2026-02-01"}]"""
				.formatted(personId == null ? "" : personId);
		return jdbc.sql("""
				insert into alert (rule, severity, subject_type, subject_key, person_id, region_code, facts_key,
				  summary_args, evidence, legal_reference, status, opened_at, last_seen_at, version)
				values (:rule, :severity, 'PERSON', :subject, :person, :region, :facts, :args, :evidence,
				  'UU 6/2011 Pasal 78', 'OPEN', :opened, :opened, 0) returning id""").param("rule", rule)
				.param("severity", severity).param("subject", UUID.randomUUID().toString()).param("person", personId)
				.param("region", region).param("facts", "facts-" + UUID.randomUUID()).param("args", summaryArgs)
				.param("evidence", evidence).param("opened", Timestamp.from(opened)).query(Long.class).single();
	}

	long person(String name, String region) {
		return jdbc.sql("""
				insert into person (primary_name, category, status, region_code, created_at, created_by, updated_at,
				  updated_by, version)
				values (:name, 'EX_CREW', 'PRESENT', :region, :now, 'test', :now, 'test', 0) returning id""")
				.param("name", name).param("region", region).param("now", Timestamp.from(TestClock.now()))
				.query(Long.class).single();
	}

	long report(String village, long personId) {
		String number = "LAP-TEST-" + UUID.randomUUID().toString().substring(0, 8);
		return jdbc.sql("""
				insert into village_report (number, village_code, state, names_as_heard, person_id, created_at,
				  created_by, state_since, updated_at, version)
				values (:number, :village, 'FORWARDED', 'Pak Zaw', :person, :now, 'ohoi.fiditan', :now, :now, 0)
				returning id""").param("number", number).param("village", village).param("person", personId)
				.param("now", Timestamp.from(TestClock.now())).query(Long.class).single();
	}

	String status(long alertId) {
		return jdbc.sql("select status from alert where id = :id").param("id", alertId).query(String.class).single();
	}

	int version(long alertId) {
		return jdbc.sql("select version from alert where id = :id").param("id", alertId).query(Integer.class).single();
	}

	long audits(String action, String subjectType, Object subjectId) {
		return jdbc.sql("select count(*) from audit_event where action = :a and subject_type = :t and subject_id = :id")
				.param("a", action).param("t", subjectType).param("id", subjectId.toString()).query(Long.class)
				.single();
	}
}
