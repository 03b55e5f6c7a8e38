package id.pantau.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's case file gathers what every module knows of the person, newest first, in the reader's language, and
 * shows each reader only what it may see: a village its own village's reports and residences, never crossings,
 * alerts or the agencies' follow-up.
 */
@PantauIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseFileIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String FIDITAN = "81.72.01.2001";
	private static final String TAAR = "81.72.02.2002";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private String tag;
	private long person;
	private long crossing;
	private long alert;
	private String fiditanReport;
	private String taarReport;

	@BeforeAll
	void aPersonKnownToEveryModule() {
		tag = Long.toString(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
		Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
		WebSession city = WebSession.loggedIn(port, "kesbangpol");
		HttpResponse<String> created = city.json("POST", "/api/v1/persons", """
				{"primaryName": "NGUYEN VAN BERKAS %s", "sex": "M", "nationality": "VNM", "category": "EX_CREW",
				 "documentType": "PASSPORT", "documentNumber": "C%s", "documentIssuingState": "VNM",
				 "permitType": "ITAS", "permitNumber": "2C%s", "permitValidUntil": "%s",
				 "villageCode": "%s", "residentSince": "%s"}""".formatted(tag, tag, tag,
				TestClock.today().plusDays(200), FIDITAN, TestClock.today().minusDays(100)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		person = JSON.readTree(created.body()).get("id").asLong();
		jdbc.sql("insert into residence (person_id, region_code, since, until, added_at) values (:p, :r, :s, :u, :at)")
				.param("p", person).param("r", TAAR).param("s", TestClock.today().minusDays(400))
				.param("u", TestClock.today().minusDays(101)).param("at", Timestamp.from(now.minus(400, ChronoUnit.DAYS)))
				.update();

		crossing = jdbc.sql("""
				insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
				  full_name, name_key, permit_type, stay_until, person_id, created_at)
				values ('ENTRY', :at, 'TUAL-LAUT', :doc, :doc, 'VNM', 'NGUYEN VAN BERKAS', 'NGUYEN VAN BERKAS', 'ITAS',
				  :until, :p, :at) returning id""").param("at", Timestamp.from(now.minus(120, ChronoUnit.DAYS)))
				.param("doc", "C" + tag).param("until", TestClock.today().plusDays(200)).param("p", person)
				.query(Long.class).single();
		jdbc.sql("""
				insert into match_case (record_kind, record_id, region_code, record_name, proposal, namesakes, state,
				  person_id, score, matched_at, version)
				values ('CROSSING', :c, null, 'NGUYEN VAN BERKAS', 'MATCH', false, 'LINKED', :p, 0.999, :at, 0)""")
				.param("c", crossing).param("p", person).param("at", Timestamp.from(now.minus(119, ChronoUnit.DAYS)))
				.update();
		fiditanReport = report(FIDITAN, now.minus(30, ChronoUnit.DAYS));
		taarReport = report(TAAR, now.minus(300, ChronoUnit.DAYS));
		alert = jdbc.sql("""
				insert into alert (rule, severity, subject_type, subject_key, person_id, region_code, facts_key,
				  summary_args, evidence, legal_reference, status, opened_at, last_seen_at, version)
				values ('OVERSTAY', 'HIGH', 'PERSON', :subject, :p, :r, :facts, '[]', '[]', 'UU 6/2011 Pasal 78',
				  'ACKNOWLEDGED', :at, :at, 0) returning id""").param("subject", Long.toString(person))
				.param("p", person).param("r", FIDITAN).param("facts", "berkas-" + tag)
				.param("at", Timestamp.from(now.minus(10, ChronoUnit.DAYS))).query(Long.class).single();
		jdbc.sql("""
				insert into alert_action (alert_id, kind, note, actor, agency, recorded_at)
				values (:a, 'FIELD_CHECK', 'catatan internal ' || :tag, 'kesbangpol', 'KESBANGPOL', :at)""")
				.param("a", alert).param("tag", tag).param("at", Timestamp.from(now.minus(9, ChronoUnit.DAYS))).update();
		jdbc.sql("""
				insert into person_status_change (person_id, status, changed_at, changed_by, reason)
				values (:p, 'PRESENT', :at, 'kesbangpol', 'dicek di lapangan')""").param("p", person)
				.param("at", Timestamp.from(now.minus(8, ChronoUnit.DAYS))).update();
	}

	private String report(String village, Instant at) {
		String number = "LAP-BERKAS-" + village.substring(village.length() - 4) + "-" + tag;
		long id = jdbc.sql("""
				insert into village_report (number, village_code, state, names_as_heard, outcome, person_id, created_at,
				  created_by, state_since, updated_at, version)
				values (:n, :v, 'VALIDATED', 'Pak Nguyen', 'NEW_PERSON_ADDED', :p, :at, 'ohoi', :at, :at, 0)
				returning id""").param("n", number).param("v", village).param("p", person)
				.param("at", Timestamp.from(at)).query(Long.class).single();
		for (String[] step : new String[][] { { "DRAFT", "SUBMITTED", "ohoi" }, { "SUBMITTED", "FORWARDED", "bpmpd" },
				{ "FORWARDED", "VALIDATED", "kesbangpol" } }) {
			at = at.plus(1, ChronoUnit.DAYS);
			jdbc.sql("""
					insert into report_event (village_report_id, from_state, to_state, actor, at)
					values (:r, :from, :to, :actor, :at)""").param("r", id).param("from", step[0]).param("to", step[1])
					.param("actor", step[2]).param("at", Timestamp.from(at)).update();
		}
		return number;
	}

	@Test
	void kesbangpolReadsEveryModulesEntriesNewestFirstInWordsWithLinks() {
		WebSession city = WebSession.loggedIn(port, "kesbangpol");
		List<JsonNode> entries = timeline(city, "");

		assertThat(entries).extracting(e -> e.get("kind").asString()).contains("CROSSING", "REPORT", "ALERT", "ACTION",
				"MATCH", "RESIDENCE", "DOCUMENT", "PERMIT", "STATUS");
		List<Instant> times = entries.stream().map(e -> Instant.parse(e.get("at").asString())).toList();
		assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(summaries(entries)).anyMatch(s -> s.startsWith("Masuk lewat Pelabuhan Laut Tual, dokumen C" + tag + "; Izin Tinggal Terbatas"))
				.anyMatch(s -> s.equals("Laporan " + fiditanReport + " dari Fiditan: Tervalidasi (kesbangpol), hasil: "
						+ "Orang baru, ditambahkan ke daftar"))
				.anyMatch(s -> s.startsWith("Peringatan dibuka: ") && s.contains("tingkat Tinggi; kini Diterima"))
				.anyMatch(s -> s.startsWith("Tindak lanjut Cek lapangan"))
				.anyMatch(s -> s.startsWith("Perlintasan \"NGUYEN VAN BERKAS\" ditautkan ke orang ini: Tertaut otomatis"))
				.anyMatch(s -> s.startsWith("Pernah tinggal di Taar")).anyMatch(s -> s.startsWith("Paspor C" + tag))
				.noneMatch(s -> s.contains("??") || s.contains("OVERSTAY") || s.contains("FIELD_CHECK"));
		assertThat(entries).filteredOn(e -> e.get("kind").asString().equals("ALERT")).first()
				.satisfies(e -> assertThat(e.get("link").asString()).isEqualTo("/peringatan/" + alert));
		assertThat(entries).filteredOn(e -> e.get("kind").asString().equals("CROSSING")).first()
				.satisfies(e -> assertThat(city.get(e.get("link").asString()).body()).contains("C" + tag));
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'PERSON_VIEWED' and actor = 'kesbangpol'"
				+ " and subject_id = :p").param("p", Long.toString(person)).query(Long.class).single()).isPositive();
	}

	@Test
	void theCaseFileReadsInEnglishAndFiltersByKind() {
		WebSession city = WebSession.loggedIn(port, "kesbangpol");
		city.get("/?lang=en");
		List<JsonNode> alerts = timeline(city, "?kind=ALERT");
		assertThat(alerts).isNotEmpty().allSatisfy(e -> assertThat(e.get("kind").asString()).isEqualTo("ALERT"));
		assertThat(summaries(alerts)).anyMatch(s -> s.startsWith("Alert raised: ") && s.contains("severity High"));

		String page = city.get("/orang-asing/" + person + "?kind=CROSSING").body();
		assertThat(page).contains("id=\"timeline-entries\"").contains("Entry through Pelabuhan Laut Tual")
				.doesNotContain("data-kind=\"ALERT\"");
		assertThat(city.json("GET", "/api/v1/persons/" + person + "/timeline?kind=BOGUS", null).statusCode())
				.isEqualTo(400);
		HttpResponse<String> badFilter = city.get("/orang-asing/" + person + "?kind=BOGUS");
		assertThat(badFilter.statusCode()).as("a clean refusal, never 500").isIn(400, 404);
		assertThat(badFilter.body()).doesNotContain("Exception");
	}

	@Test
	void aVillageSeesItsOwnReportsAndResidenceAndNothingOfTheAgencies() {
		WebSession fiditan = WebSession.loggedIn(port, "ohoi.fiditan");
		List<JsonNode> entries = timeline(fiditan, "");
		assertThat(entries).extracting(e -> e.get("kind").asString()).contains("REPORT", "RESIDENCE", "DOCUMENT")
				.doesNotContain("CROSSING", "ALERT", "ACTION", "DECISION", "MATCH");
		assertThat(summaries(entries)).anyMatch(s -> s.contains(fiditanReport)).noneMatch(s -> s.contains(taarReport))
				.noneMatch(s -> s.contains("Taar")).noneMatch(s -> s.contains("catatan internal"));
		String page = fiditan.get("/orang-asing/" + person).body();
		assertThat(page).contains(fiditanReport).doesNotContain(taarReport).doesNotContain("/peringatan/" + alert)
				.as("no filter for kinds a village never sees").doesNotContain("kind=CROSSING").contains("kind=REPORT");

		WebSession taar = WebSession.loggedIn(port, "ohoi.taar");
		assertThat(taar.json("GET", "/api/v1/persons/" + person + "/timeline", null).statusCode()).isEqualTo(404);
	}

	private List<JsonNode> timeline(WebSession session, String query) {
		HttpResponse<String> response = session.json("GET", "/api/v1/persons/" + person + "/timeline" + query, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		JSON.readTree(response.body()).forEach(entries::add);
		return entries;
	}

	private static List<String> summaries(List<JsonNode> entries) {
		return entries.stream().map(e -> e.get("summary").asString()).toList();
	}
}
