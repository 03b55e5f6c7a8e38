package id.pantau.privacy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.WebSession;
import id.pantau.audit.AuditTrail;
import id.pantau.crossings.CrossingPersonalData;
import id.pantau.followup.AlertBook;
import id.pantau.matching.MatchingPersonalData;
import id.pantau.registry.Registry;
import id.pantau.registry.RegistryPersonalData;
import id.pantau.platform.DisplayTime;
import id.pantau.reports.ReportPersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * PDP duties: retention with an injected clock, the data-subject export and the breach query, over the whole
 * application. Records of these tests carry a random tag, and their times lie years back, so that the demo data and
 * other tests' data (all of today) are never past any period.
 */
@PantauIntegrationTest
class PrivacyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	AlertBook alerts;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	BreachQuery breach;

	@Autowired
	Registry registry;

	@Autowired
	RegistryPersonalData persons;

	@Autowired
	CrossingPersonalData crossings;

	@Autowired
	ReportPersonalData reports;

	@Autowired
	MatchingPersonalData matching;

	@Test
	void retentionAnonymisesPersonsAndReportsPastTheirPeriodErasesOldCrossingsAndAuditsItButKeepsTheRest() {
		Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
		String tag = tag();
		long gone = person("LAMA PERGI " + tag, "DEPARTED", now.minus(6 * 366, ChronoUnit.DAYS));
		long recent = person("BARU PERGI " + tag, "DEPARTED", now.minus(4 * 365, ChronoUnit.DAYS));
		long present = person("MASIH ADA " + tag, "PRESENT", now.minus(20 * 365, ChronoUnit.DAYS));
		long oldCrossing = crossing("LAMA PERGI " + tag, "A" + tag, now.minus(11 * 366, ChronoUnit.DAYS), gone);
		long keptCrossing = crossing("BARU PERGI " + tag, "B" + tag, now.minus(9 * 365, ChronoUnit.DAYS), recent);
		long auditBefore = lastAudit();

		Retention retention = retention(now, new RetentionSettings(5, 5, 10, 10, "-"));
		Retention.Outcome outcome = retention.apply();

		assertThat(outcome.persons()).isGreaterThanOrEqualTo(1);
		assertThat(outcome.crossings()).isGreaterThanOrEqualTo(1);
		assertThat(name(gone)).isEqualTo(Retention.ANONYMISED);
		assertThat(count("select count(*) from person_name where person_id = " + gone)).isZero();
		assertThat(count("select count(*) from travel_document where person_id = " + gone)).isZero();
		assertThat(jdbc.sql("select birth_date is null and notes is null and nationality = 'MMR' from person where id = "
				+ gone).query(Boolean.class).single()).as("kept for statistics: nationality; erased: the rest").isTrue();
		assertThat(name(recent)).isEqualTo("BARU PERGI " + tag);
		assertThat(name(present)).isEqualTo("MASIH ADA " + tag);
		assertThat(count("select count(*) from person_name where person_id = " + recent)).isEqualTo(1);
		assertThat(count("select count(*) from crossing where id = " + oldCrossing)).isZero();
		assertThat(count("select count(*) from crossing where id = " + keptCrossing)).isOne();
		assertThat(count("select count(*) from audit_event where id > " + auditBefore
				+ " and action = 'PERSON_ANONYMISED' and subject_id = '" + gone + "'")).isOne();
		assertThat(jdbc.sql("select details from audit_event where id > :id and action = 'RETENTION_APPLIED'")
				.param("id", auditBefore).query(String.class).single()).contains("\"crossings\"");
		assertThat(jdbc.sql("select details from audit_event where id > :id").param("id", auditBefore)
				.query(String.class).list()).as("the audit entries name no erased detail")
				.noneMatch(details -> details.contains(tag));
		assertThat(audit.verify().intact()).isTrue();

		assertThat(retention.apply().persons()).as("a second run finds nothing more on these").isZero();
	}

	@Test
	void theSubjectExportHoldsEverythingOnThePersonAndWhoOpenedItAndIsAudited() {
		Instant now = TestClock.now();
		String tag = tag();
		long person = person("EKSPOR SUBJEK " + tag, "PRESENT", now);
		crossing("EKSPOR SUBJEK " + tag, "E" + tag, now.minus(30, ChronoUnit.DAYS), person);
		assertThat(WebSession.loggedIn(port, "kesbangpol").get("/orang-asing/" + person).statusCode()).isEqualTo(200);

		WebSession admin = WebSession.loggedIn(port, "admin");
		HttpResponse<String> refused = admin.post("/admin/privasi/ekspor", Map.of("personId", Long.toString(person)));
		assertThat(refused.statusCode()).as("no reason, no export").isEqualTo(303);
		HttpResponse<String> json = admin.post("/admin/privasi/ekspor",
				Map.of("personId", Long.toString(person), "reason", "Permintaan subjek data, surat 12/" + tag));
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("Content-Disposition").orElse("")).contains("subjek-" + person + ".json");
		assertThat(json.body()).contains("\"person\":[{").contains("EKSPOR SUBJEK " + tag).contains("E" + tag)
				.contains("\"travel_document\":[{").contains("\"crossing\":[{").contains("\"access_log\":[{")
				.contains("\"actor\":\"kesbangpol\"").contains("PERSON_VIEWED");
		assertThat(JsonMapper.builder().build().readTree(json.body()).propertyNames())
				.as("every owner's parts, in the order the export always had").containsExactly("exportedAt",
						"personId", "person", "person_name", "travel_document", "stay_permit", "residence",
						"vessel_assignment", "identity_link", "humanitarian_flag", "person_status_change",
						"merged_records", "crossing", "village_report", "report_event", "report_agency_view",
						"person_list_row", "match_case", "match_candidate", "alert", "alert_action", "meeting_view",
						"access_log");
		assertThat(count("select count(*) from audit_event where action = 'SUBJECT_EXPORTED' and subject_id = '"
				+ person + "' and actor = 'admin' and details like '%\"reasonHash\"%' and details not like '%" + tag
				+ "%'")).as("the reason is free text: its length and keyed hash only (issue 16)").isOne();

		assertThat(admin.post("/admin/privasi/ekspor", Map.of("personId", "999999999", "reason", "uji")).statusCode())
				.isEqualTo(404);
		assertThat(WebSession.loggedIn(port, "bpmpd").post("/admin/privasi/ekspor",
				Map.of("personId", Long.toString(person), "reason", "ingin tahu")).statusCode()).isEqualTo(403);
	}

	@Test
	void theBreachQueryNamesThePersonsAUserOpenedInThePeriodAndNoOthers() {
		Instant now = TestClock.now();
		String tag = tag();
		long opened = person("DIBUKA " + tag, "PRESENT", now);
		long untouched = person("TIDAK DIBUKA " + tag, "PRESENT", now);
		Instant from = TestClock.now().minusSeconds(1);
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		assertThat(kesbangpol.get("/orang-asing/" + opened).statusCode()).isEqualTo(200);
		assertThat(kesbangpol.get("/orang-asing/" + opened).statusCode()).isEqualTo(200);
		Instant to = TestClock.now().plusSeconds(1);

		BreachQuery.Answer answer = breach.ask("KesbangPol", from, to);
		assertThat(answer.persons()).filteredOn(p -> p.personId() == opened).singleElement()
				.satisfies(p -> assertThat(p.times()).isEqualTo(2))
				.satisfies(p -> assertThat(p.actions()).contains("PERSON_VIEWED"));
		assertThat(answer.persons()).noneMatch(p -> p.personId() == untouched);
		assertThat(breach.ask("kesbangpol", to, to.plusSeconds(60)).persons()).noneMatch(p -> p.personId() == opened);
		assertThat(breach.ask("bpmpd", from, to).persons()).noneMatch(p -> p.personId() == opened);

		WebSession admin = WebSession.loggedIn(port, "admin");
		HttpResponse<String> page = admin.get("/admin/privasi?actor=kesbangpol&from="
				+ LocalDateTime.ofInstant(from, DisplayTime.ZONE).truncatedTo(ChronoUnit.SECONDS) + "&to="
				+ LocalDateTime.ofInstant(to.plusSeconds(1), DisplayTime.ZONE).truncatedTo(ChronoUnit.SECONDS));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"breach-answer\"").contains("DIBUKA " + tag)
				.doesNotContain("TIDAK DIBUKA " + tag);
		assertThat(admin.get("/admin/privasi?actor=kesbangpol&from=kemarin&to=").body())
				.contains("rentang waktu").doesNotContain("Exception");
		assertThat(count("select count(*) from audit_event where action = 'BREACH_QUERIED' and actor = 'admin'"))
				.isPositive();
	}

	@Test
	void retentionErasesTheConcludedAlertsOfAPersonItAnonymisesAndSparesAPersonWhoseAlertIsStillFollowedUp() {
		Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
		String tag = tag();
		long departed = person("SELESAI " + tag, "DEPARTED", now.minus(6 * 366, ChronoUnit.DAYS));
		long concluded = alert(departed, "DISMISSED", "SELESAI " + tag);
		long followedUp = person("DIIKUTI " + tag, "DEPARTED", now.minus(6 * 366, ChronoUnit.DAYS));
		long active = alert(followedUp, "ACKNOWLEDGED", "DIIKUTI " + tag);

		retention(now, new RetentionSettings(5, 0, 0, 10, "-")).apply();

		assertThat(name(departed)).isEqualTo(Retention.ANONYMISED);
		assertThat(jdbc.sql("select evidence || summary_args || coalesce(close_note, '-') from alert where id = :id")
				.param("id", concluded).query(String.class).single()).isEqualTo("[][]-");
		assertThat(name(followedUp)).as("an alert still followed up keeps the person").isEqualTo("DIIKUTI " + tag);
		assertThat(jdbc.sql("select evidence || summary_args from alert where id = :id").param("id", active)
				.query(String.class).single()).contains("DIIKUTI " + tag);
	}

	/** Retention as of {@code now}, with no photos to delete. */
	private Retention retention(Instant now, RetentionSettings settings) {
		return new Retention(jdbc, audit, alerts, transactions, settings, Clock.fixed(now, ZoneOffset.UTC),
				persons, crossings, reports, matching);
	}

	private long person(String name, String status, Instant at) {
		long id = jdbc.sql("""
				insert into person (primary_name, sex, birth_date, birth_year, nationality, category, status,
				  region_code, notes, created_at, created_by, updated_at, updated_by, version)
				values (:name, 'M', date '1980-02-03', 1980, 'MMR', 'EX_CREW', :status, '81.72.01.2001', 'catatan',
				  :at, 'uji', :at, 'uji', 0) returning id""").param("name", name).param("status", status)
				.param("at", Timestamp.from(at)).query(Long.class).single();
		jdbc.sql("""
				insert into person_name (person_id, full_name, source, is_primary, search_key, phonetic_key, added_at)
				values (:id, :name, 'OFFICER', true, lower(:name), lower(:name), :at)""").param("id", id)
				.param("name", name).param("at", Timestamp.from(at)).update();
		jdbc.sql("""
				insert into travel_document (person_id, document_type, number, number_key, issuing_state, added_at)
				values (:id, 'PASSPORT', :number, :number, 'MMR', :at)""").param("id", id)
				.param("number", "P" + name.hashCode()).param("at", Timestamp.from(at)).update();
		jdbc.sql("""
				insert into person_status_change (person_id, status, changed_at, changed_by, reason)
				values (:id, :status, :at, 'uji', 'alasan pribadi')""").param("id", id).param("status", status)
				.param("at", Timestamp.from(at)).update();
		return id;
	}

	private long alert(long person, String status, String name) {
		return jdbc.sql("""
				insert into alert (rule, severity, subject_type, subject_key, person_id, region_code, facts_key,
				  summary_args, evidence, legal_reference, status, opened_at, last_seen_at, close_note, version)
				values ('OVERSTAY', 'HIGH', 'PERSON', :person, :id, '81.72.01.2001', :facts, :args, :evidence, null,
				  :status, now(), now(), :note, 0) returning id""").param("person", Long.toString(person))
				.param("id", person).param("facts", "retention:" + name).param("args", "[\"" + name + "\"]")
				.param("evidence", "[{\"type\":\"PERSON\",\"label\":\"" + name + "\"}]").param("status", status)
				.param("note", "catatan " + name).query(Long.class).single();
	}

	private long crossing(String name, String document, Instant at, long person) {
		return jdbc.sql("""
				insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
				  full_name, name_key, person_id, created_at)
				values ('EXIT', :at, 'TUAL-LAUT', :doc, :doc, 'MMR', :name, lower(:name), :person, :at) returning id""")
				.param("at", Timestamp.from(at)).param("doc", document).param("name", name).param("person", person)
				.query(Long.class).single();
	}

	private String name(long person) {
		return jdbc.sql("select primary_name from person where id = :id").param("id", person).query(String.class)
				.single();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private long lastAudit() {
		return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
	}

	private static String tag() {
		Random random = new Random();
		StringBuilder tag = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			tag.append((char) ('A' + random.nextInt(26)));
		}
		return tag.toString();
	}
}
