package id.pantau.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules on real PostgreSQL: each finds its case and not the near miss; alerts open once per facts, stay dismissed,
 * and close themselves when the facts change. Persons made here carry a unique tag; the demo data is only read.
 */
@PantauIntegrationTest
class DetectionIntegrationTests {

	private static final ZoneId WIT = ZoneId.of("Asia/Jayapura");
	private static final String VILLAGE = "81.72.02.1003";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DetectionRules rules;

	private final LocalDate today = TestClock.today();

	record Alert(long id, String severity, String status, String factsKey, String summaryArgs, String evidence,
			String factsNote, String outcome, String closedBy, String legalReference, String regionCode) {
	}

	@Test
	void overstayIsGradedByDaysPastTheStayAndAStayEndingTodayIsNotOverstayed() {
		long charge = person("OVERSTAY CHARGE", "WORKER", "PRESENT");
		permit(charge, "ITAS", today.minusDays(200), today.minusDays(10));
		long deport = person("OVERSTAY DEPORT", "TOURIST", "PRESENT");
		permit(deport, "VOA", today.minusDays(100), today.minusDays(70));
		long lastDay = person("OVERSTAY LASTDAY", "WORKER", "PRESENT");
		permit(lastDay, "ITAS", today.minusDays(200), today);

		rules.run("OVERSTAY", "MANUAL");

		Alert charged = only("OVERSTAY", charge);
		assertThat(charged.severity()).isEqualTo("HIGH");
		assertThat(charged.factsKey()).isEqualTo("until:" + today.minusDays(10));
		assertThat(charged.summaryArgs()).contains("\"10\"").contains("Rp 10.000.000");
		assertThat(charged.evidence()).contains("\"type\":\"PERMIT\"").contains("\"date\":\"" + today.minusDays(200));
		assertThat(charged.legalReference()).contains("Pasal 78");
		assertThat(charged.regionCode()).isEqualTo(VILLAGE);
		assertThat(only("OVERSTAY", deport).severity()).isEqualTo("CRITICAL");
		assertThat(alerts("OVERSTAY", lastDay)).isEmpty();
	}

	@Test
	void theSameFactsNeverOpenASecondAlert() {
		long person = person("OVERSTAY TWICE", "WORKER", "PRESENT");
		permit(person, "ITAS", today.minusDays(200), today.minusDays(5));

		rules.run("OVERSTAY", "MANUAL");
		rules.run("OVERSTAY", "MANUAL");

		assertThat(alerts("OVERSTAY", person)).hasSize(1).first().extracting(Alert::status).isEqualTo("OPEN");
	}

	@Test
	void aDismissedAlertIsNotReopenedForTheSameFacts() {
		long person = person("OVERSTAY DISMISSED", "WORKER", "PRESENT");
		permit(person, "ITAS", today.minusDays(200), today.minusDays(5));
		rules.run("OVERSTAY", "MANUAL");
		jdbc.sql("update alert set status = 'DISMISSED', closed_by = 'kesbangpol', outcome = 'FALSE_ALERT' where id = :id")
				.param("id", only("OVERSTAY", person).id()).update();

		rules.run("OVERSTAY", "MANUAL");

		assertThat(alerts("OVERSTAY", person)).hasSize(1).first().extracting(Alert::status).isEqualTo("DISMISSED");
	}

	@Test
	void aDepartureArrivingClosesTheOverstayAlertWithANote() {
		long person = person("OVERSTAY LEAVES", "WORKER", "PRESENT");
		permit(person, "ITAS", today.minusDays(200), today.minusDays(8));
		crossing(person, "ENTRY", today.minusDays(200), today.minusDays(8));
		rules.run("OVERSTAY", "MANUAL");
		assertThat(only("OVERSTAY", person).status()).isEqualTo("OPEN");

		crossing(person, "EXIT", today.minusDays(2), null);
		rules.run("OVERSTAY", "MANUAL");

		Alert closed = only("OVERSTAY", person);
		assertThat(closed.status()).isEqualTo("CLOSED");
		assertThat(closed.outcome()).isEqualTo("RESOLVED_BY_FACTS");
		assertThat(closed.closedBy()).isEqualTo("system");
		assertThat(closed.factsNote()).isEqualTo("alert.resolution.exitRecorded [\"" + today.minusDays(2) + "\"]");
		String day = today.minusDays(2).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
		id.pantau.WebSession officer = id.pantau.WebSession.loggedIn(port, "imigrasi");
		assertThat(officer.get("/peringatan/" + closed.id()).body()).contains("keberangkatan tercatat " + day);
		assertThat(officer.get("/peringatan/" + closed.id() + "?lang=en").body())
				.as("what changed is told in the reader's language").contains("a departure was recorded on " + day);
		assertThat(officer.json("GET", "/api/v1/alerts/" + closed.id(), null).body())
				.as("the API gives evidence as words too").contains("Arrival at").doesNotContain("msg:");
	}

	@Test
	void aRunIsRecordedWithItsTriggerAndFigures() {
		long person = person("OVERSTAY RECORDED", "WORKER", "PRESENT");
		permit(person, "ITAS", today.minusDays(200), today.minusDays(3));

		RuleRun run = rules.run("OVERSTAY", "MANUAL");

		assertThat(run.error()).isNull();
		assertThat(run.found()).isPositive();
		assertThat(run.opened()).isPositive();
		assertThat(jdbc.sql("select count(*) from rule_run where rule = 'OVERSTAY' and trigger = 'MANUAL'"
				+ " and started_at = :at and found = :found").param("at", Timestamp.from(run.startedAt()))
				.param("found", run.found()).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'DETECTION_RUN'").query(Integer.class)
				.single()).isPositive();
		assertThat(rules.rule("OVERSTAY").lastRun()).isNotNull();
	}

	@Test
	void permitExpiringWarnsWithinThirtyDaysOnly() {
		long soon = person("EXPIRING SOON", "RESEARCHER", "PRESENT");
		permit(soon, "ITAS", today.minusDays(100), today.plusDays(5));
		long later = person("EXPIRING LATER", "RESEARCHER", "PRESENT");
		permit(later, "ITAS", today.minusDays(100), today.plusDays(31));

		rules.run("PERMIT_EXPIRING", "MANUAL");

		assertThat(only("PERMIT_EXPIRING", soon).severity()).isEqualTo("MEDIUM");
		assertThat(alerts("PERMIT_EXPIRING", later)).isEmpty();
	}

	@Test
	void noEntryRecordFindsAResidentWithoutArrivalOrPermitButNotOneWithAnArrival() {
		long unknown = person("NOENTRY UNKNOWN", "OTHER", "PRESENT");
		residence(unknown, today.minusDays(100));
		long arrived = person("NOENTRY ARRIVED", "OTHER", "PRESENT");
		residence(arrived, today.minusDays(100));
		crossing(arrived, "ENTRY", today.minusDays(100), null);

		rules.run("NO_ENTRY_RECORD", "MANUAL");

		assertThat(only("NO_ENTRY_RECORD", unknown).factsKey()).isEqualTo("no-entry");
		assertThat(alerts("NO_ENTRY_RECORD", arrived)).isEmpty();
	}

	@Test
	void presentAfterDepartureFindsARecordInTheVillageAfterTheExitButNotAfterAReturn() {
		long seen = person("AFTEREXIT SEEN", "TOURIST", "PRESENT");
		long exit = crossing(seen, "EXIT", today.minusDays(20), null);
		residence(seen, today.minusDays(5));
		long returned = person("AFTEREXIT RETURNED", "TOURIST", "PRESENT");
		crossing(returned, "EXIT", today.minusDays(20), null);
		crossing(returned, "ENTRY", today.minusDays(10), today.plusDays(20));
		residence(returned, today.minusDays(5));

		rules.run("PRESENT_AFTER_DEPARTURE", "MANUAL");

		Alert alert = only("PRESENT_AFTER_DEPARTURE", seen);
		assertThat(alert.factsKey()).isEqualTo("exit:" + exit);
		assertThat(alert.evidence()).contains("\"type\":\"CROSSING\",\"id\":\"" + exit + "\"");
		assertThat(alerts("PRESENT_AFTER_DEPARTURE", returned)).isEmpty();
	}

	@Test
	void exCrewAshoreFindsCrewOfASeizedVesselWithoutALandPermitButNotOneWithAnItas() {
		long vessel = jdbc.sql("""
				insert into vessel (name, status, created_at, updated_at, version)
				values (:name, 'SEIZED', now(), now(), 0) returning id""").param("name", "KM UJI " + tag())
				.query(Long.class).single();
		long ashore = person("EXCREW ASHORE", "EX_CREW", "PRESENT");
		assign(ashore, vessel);
		long permitted = person("EXCREW PERMITTED", "EX_CREW", "PRESENT");
		assign(permitted, vessel);
		permit(permitted, "ITAS", today.minusDays(100), today.plusDays(200));

		rules.run("EX_CREW_ASHORE", "MANUAL");

		assertThat(only("EX_CREW_ASHORE", ashore).evidence()).contains("\"type\":\"VESSEL\",\"id\":\"" + vessel + "\"");
		assertThat(alerts("EX_CREW_ASHORE", permitted)).isEmpty();
	}

	@Test
	void documentConflictFindsOneNumberOnTwoPersonsButNotTheSameNumberFromDifferentStates() {
		String shared = "QX" + tag();
		long first = person("DOC FIRST", "WORKER", "PRESENT");
		document(first, shared, "THA");
		long second = person("DOC SECOND", "OTHER", "PRESENT");
		document(second, shared, "THA");
		String distinct = "QY" + tag();
		document(person("DOC THIRD", "WORKER", "PRESENT"), distinct, "THA");
		document(person("DOC FOURTH", "WORKER", "PRESENT"), distinct, "VNM");

		rules.run("DOCUMENT_CONFLICT", "MANUAL");

		List<Alert> found = bySubject("DOCUMENT_CONFLICT", shared);
		assertThat(found).hasSize(1);
		assertThat(found.get(0).factsKey()).isEqualTo("persons:" + Math.min(first, second) + "," + Math.max(first, second));
		assertThat(bySubject("DOCUMENT_CONFLICT", distinct)).isEmpty();
	}

	@Test
	void registeringAPersonWithNeitherEntryNorPermitRaisesItsAlertAtOnceAndAPermitAddedClosesIt() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		HttpResponse<String> created = village.json("POST", "/api/v1/persons", """
				{"primaryName": "TANPA JEJAK %s", "sex": "M", "nationality": "MMR", "category": "EX_CREW"}"""
				.formatted(tag()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
		assertThat(id.find()).isTrue();
		long person = Long.parseLong(id.group(1));

		// no crossing file, no nightly run: the registration itself sets the rules to work
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts("NO_ENTRY_RECORD", person))
				.extracting(Alert::status).containsExactly("OPEN"));

		WebSession city = WebSession.loggedIn(port, "kesbangpol");
		String version = city.json("GET", "/api/v1/persons/" + person, null).headers().firstValue("ETag").orElseThrow()
				.replace("\"", "");
		HttpResponse<String> permit = city.post("/orang-asing/" + person + "/izin", Map.of("version", version,
				"permitType", "ITAS", "permitNumber", "2C" + tag(), "permitValidFrom", today.minusDays(20).toString(),
				"permitValidUntil", today.plusDays(300).toString()));
		assertThat(permit.statusCode()).as(permit.body()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts("NO_ENTRY_RECORD", person))
				.extracting(Alert::status, Alert::closedBy).containsExactly(tuple("CLOSED", "system")));
	}

	@Test
	void noSkttFindsAnItasHolderFourteenDaysOnButNotBefore() {
		long late = person("SKTT LATE", "WORKER", "PRESENT");
		permit(late, "ITAS", today.minusDays(15), today.plusDays(300));
		long inTime = person("SKTT INTIME", "WORKER", "PRESENT");
		permit(inTime, "ITAS", today.minusDays(14), today.plusDays(300));
		long registered = person("SKTT DONE", "WORKER", "PRESENT");
		permit(registered, "ITAS", today.minusDays(60), today.plusDays(300));
		jdbc.sql("insert into identity_link (person_id, kind, value, added_at) values (:p, 'SKTT', 'SKTT/1', now())")
				.param("p", registered).update();

		rules.run("NO_SKTT", "MANUAL");

		assertThat(only("NO_SKTT", late).factsKey()).isEqualTo("permit:ITAS:" + today.minusDays(15));
		assertThat(alerts("NO_SKTT", inTime)).isEmpty();
		assertThat(alerts("NO_SKTT", registered)).isEmpty();
	}

	@Test
	void silentVillageFindsAVillageWithoutTheDueMonthlyReportButNotOneThatReported() {
		YearMonth due = YearMonth.from(today).minusMonths(today.getDayOfMonth() > 10 ? 1 : 2);
		String silent = jdbc.sql("""
				select r.code from region r where r.level = 'VILLAGE' and r.code like '81.72.%'
				  and not exists (select 1 from periodic_report p
				  where p.village_code = r.code and p.month = :month) order by r.code limit 1""")
				.param("month", due.atDay(1)).query(String.class).single();
		String reported = jdbc.sql("select village_code from periodic_report where month = :month limit 1")
				.param("month", due.atDay(1)).query(String.class).single();

		rules.run("SILENT_VILLAGE", "MANUAL");

		assertThat(bySubject("SILENT_VILLAGE", silent)).extracting(Alert::factsKey).contains("month:" + due);
		assertThat(bySubject("SILENT_VILLAGE", reported)).extracting(Alert::factsKey).doesNotContain("month:" + due);
	}

	@Test
	void concentrationFindsAVillageAtTheThresholdButNotOneBelowIt() {
		List<Map<String, Object>> counts = jdbc.sql("""
				select p.region_code, count(*) as n from person p join region r on r.code = p.region_code
				  and r.level = 'VILLAGE' where p.status = 'PRESENT' group by 1 order by 2 desc""").query().listOfRows();
		String top = (String) counts.get(0).get("region_code");
		long threshold = ((Number) counts.get(0).get("n")).longValue();
		Optional<String> below = counts.stream().filter(c -> ((Number) c.get("n")).longValue() < Math.min(threshold, 15))
				.map(c -> (String) c.get("region_code")).findFirst();
		try {
			rules.update("CONCENTRATION", true, Map.of("threshold", Long.toString(threshold)), "admin");
			rules.run("CONCENTRATION", "MANUAL");
			assertThat(bySubject("CONCENTRATION", top)).extracting(Alert::factsKey).contains("present:" + threshold);
			below.ifPresent(village -> assertThat(bySubject("CONCENTRATION", village)).extracting(Alert::factsKey)
					.noneMatch(key -> key.startsWith("present:")));
		}
		finally {
			rules.update("CONCENTRATION", true, Map.of("threshold", "15"), "admin");
		}
	}

	@Test
	void theAdminPageChangesAThresholdAndRefusesABadOneInIndonesian() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		assertThat(admin.get("/admin/aturan").body()).contains("id=\"rule-OVERSTAY\"").contains("Jalankan sekarang");
		try {
			HttpResponse<String> saved = admin.post("/admin/aturan/PERMIT_EXPIRING",
					Map.of("enabled", "true", "p.days", "45", "p.urgentDays", "7"));
			assertThat(saved.statusCode()).isEqualTo(302);
			assertThat(rules.rule("PERMIT_EXPIRING").parameters()).anySatisfy(p -> {
				assertThat(p.name()).isEqualTo("days");
				assertThat(p.value()).isEqualTo(45);
			});

			HttpResponse<String> refused = admin.post("/admin/aturan/PERMIT_EXPIRING",
					Map.of("enabled", "true", "p.days", "999", "p.urgentDays", "7"));
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("days harus antara 1 dan 180").doesNotContain("Exception");
			HttpResponse<String> notNumber = admin.post("/admin/aturan/PERMIT_EXPIRING",
					Map.of("enabled", "true", "p.days", "tiga puluh", "p.urgentDays", "7"));
			assertThat(notNumber.statusCode()).isEqualTo(400);
			assertThat(notNumber.body()).contains("bukan bilangan bulat");
			assertThat(rules.rule("PERMIT_EXPIRING").parameters()).anySatisfy(p -> {
				assertThat(p.name()).isEqualTo("days");
				assertThat(p.value()).isEqualTo(45);
			});
		}
		finally {
			rules.update("PERMIT_EXPIRING", true, Map.of("days", "30"), "admin");
		}
	}

	@Test
	void theRulesPageIsForAdministratorsOnly() {
		WebSession immigration = WebSession.loggedIn(port, "imigrasi");
		assertThat(immigration.get("/admin/aturan").statusCode()).isEqualTo(403);
		assertThat(immigration.post("/admin/aturan/jalankan", Map.of()).statusCode()).isEqualTo(403);
	}

	@Test
	void aFirstRunOverTheDemoDataRaisesAlertsForEveryRule() {
		List<RuleRun> runs = rules.runAll("MANUAL");

		assertThat(runs).hasSameSizeAs(DetectionRules.CATALOGUE).allSatisfy(run -> assertThat(run.error()).isNull());
		// other tests raise alerts of their own TEST_ rule codes, some on demo persons
		List<String> raised = jdbc.sql("""
				select distinct a.rule from alert a
				where exists (select 1 from person p where p.id = a.person_id and p.created_by = 'demo')
				   or (a.subject_type = 'VILLAGE')
				   or (a.subject_type = 'DOCUMENT' and exists (select 1 from travel_document d join person p
				     on p.id = d.person_id and p.created_by = 'demo' where d.number_key = a.subject_key))""")
				.query(String.class).list().stream().filter(rule -> !rule.startsWith("TEST_")).toList();

		assertThat(raised).containsExactlyInAnyOrderElementsOf(DetectionRules.CATALOGUE);
	}

	// --- data of our own

	private static String tag() {
		return Long.toString(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
	}

	private long person(String name, String category, String status) {
		String full = name + " " + tag();
		long id = jdbc.sql("""
				insert into person (primary_name, sex, nationality, category, status, region_code, created_at, created_by,
				  updated_at, updated_by, version)
				values (:name, 'M', 'MMR', :category, :status, :region, :at, 'test', :at, 'test', 0) returning id""")
				.param("name", full).param("category", category).param("status", status).param("region", VILLAGE)
				.param("at", Timestamp.from(TestClock.now().minusSeconds(86_400L * 400))).query(Long.class).single();
		jdbc.sql("""
				insert into person_name (person_id, full_name, source, is_primary, search_key, phonetic_key, added_at)
				values (:id, :name, 'OFFICER', true, :name, :name, now())""").param("id", id).param("name", full).update();
		return id;
	}

	private void permit(long person, String type, LocalDate from, LocalDate until) {
		jdbc.sql("""
				insert into stay_permit (person_id, permit_type, number, valid_from, valid_until, added_at)
				values (:p, :type, :number, :from, :until, now())""").param("p", person).param("type", type)
				.param("number", "2C" + tag()).param("from", from).param("until", until).update();
	}

	private void residence(long person, LocalDate since) {
		jdbc.sql("insert into residence (person_id, region_code, since, added_at) values (:p, :r, :since, now())")
				.param("p", person).param("r", VILLAGE).param("since", since).update();
	}

	private void assign(long person, long vessel) {
		jdbc.sql("""
				insert into vessel_assignment (person_id, vessel_id, crew_role, signed_on, signed_off, added_at)
				values (:p, :v, 'ABK', :on, :off, now())""").param("p", person).param("v", vessel)
				.param("on", today.minusYears(3)).param("off", today.minusYears(2)).update();
	}

	private void document(long person, String number, String state) {
		jdbc.sql("""
				insert into travel_document (person_id, document_type, number, number_key, issuing_state, added_at)
				values (:p, 'PASSPORT', :n, :n, :s, now())""").param("p", person).param("n", number).param("s", state)
				.update();
	}

	private long crossing(long person, String direction, LocalDate on, LocalDate stayUntil) {
		String document = "T" + tag();
		return jdbc.sql("""
				insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
				  full_name, name_key, stay_until, person_id, created_at)
				values (:direction, :at, 'TUAL-LAUT', :doc, :doc, 'MMR', 'UJI', 'UJI', :until, :person, now())
				returning id""").param("direction", direction)
				.param("at", Timestamp.from(on.atTime(10, 0).atZone(WIT).toInstant())).param("doc", document)
				.param("until", stayUntil).param("person", person).query(Long.class).single();
	}

	private List<Alert> alerts(String rule, long person) {
		return jdbc.sql(SELECT + " where rule = :rule and person_id = :person order by id").param("rule", rule)
				.param("person", person).query(Alert.class).list();
	}

	private List<Alert> bySubject(String rule, String subject) {
		return jdbc.sql(SELECT + " where rule = :rule and subject_key = :subject order by id").param("rule", rule)
				.param("subject", subject).query(Alert.class).list();
	}

	private Alert only(String rule, long person) {
		List<Alert> found = alerts(rule, person);
		assertThat(found).as(rule + " alerts of person " + person).hasSize(1);
		return found.get(0);
	}

	private static final String SELECT = """
			select id, severity, status, facts_key, summary_args, evidence,
			  coalesce(facts_note, facts_note_key || ' ' || facts_note_args) as facts_note, outcome, closed_by,
			  legal_reference, region_code from alert""";
}
