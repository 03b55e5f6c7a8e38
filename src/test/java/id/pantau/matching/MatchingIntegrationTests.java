package id.pantau.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.TokenClient;
import id.pantau.detection.DetectionRules;
import id.pantau.WebSession;
import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import id.pantau.identity.domain.AccountSeeding;
import id.pantau.platform.Scope;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.registry.PersonForm;
import id.pantau.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PantauIntegrationTest
class MatchingIntegrationTests {

	private static final String PROVENANCE = "?legal_basis=" + URLEncoder.encode("Surat Kanim Tual W.27-789",
			StandardCharsets.UTF_8) + "&origin=SIMKIM";

	private record Officer(String getUsername, Scope scope) implements ScopedPrincipal {
	}

	private static final Officer REGISTRAR = new Officer("kesbangpol", Scope.of("81.72"));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registry registry;

	@Autowired
	AccountSeeding seeding;

	@Autowired
	DetectionRules rules;

	TokenClient feed;

	@BeforeEach
	void immigrationsFeed() {
		feed = new TokenClient(port, TokenClient.issue(WebSession.loggedIn(port, "admin"), "feed-" + tag(),
				"IMIGRASI_FEED", "IMIGRASI", "").token());
	}

	@Test
	void aCrossingOfAKnownPersonIsLinkedInTheBackgroundAndTheLinkCanBeUndone() {
		String tag = tag();
		long person = register("ZARNI WUNNA " + tag, "M", "1984-06-02", "MMR", "MP" + tag);

		long crossing = postCrossing("ENTRY", "2026-05-01 08:00", "Zarni Wunna " + tag, "1984-06-02", "L", "Myanmar",
				"MP" + tag);

		await().atMost(Duration.ofSeconds(20)).until(() -> personOf(crossing) != null);
		assertThat(personOf(crossing)).isEqualTo(person);
		long caseId = caseOf("CROSSING", crossing);
		assertThat(state(caseId)).isEqualTo("LINKED");

		WebSession imigrasi = WebSession.loggedIn(port, "imigrasi");
		HttpResponse<String> page = imigrasi.get("/pencocokan/" + caseId);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("ZARNI WUNNA " + tag).contains("id=\"match-undo\"")
				.as("told in words, not bits").contains("nomor dokumen sama", "tanggal lahir sama", "Bukti kuat")
				.doesNotContain(" bit)");

		HttpResponse<String> undone = imigrasi.post("/pencocokan/" + caseId + "/batal",
				Map.of("version", Integer.toString(version(caseId)), "reason", "dokumen dipinjam orang lain"));
		assertThat(undone.statusCode()).isEqualTo(302);
		assertThat(personOf(crossing)).isNull();
		assertThat(state(caseId)).isEqualTo("PENDING");
		// the reason is the case's; the trail keeps its length and keyed hash, never the text (issue 16)
		assertThat(audited("MATCH_UNDONE", caseId)).contains("\"reasonHash\"").doesNotContain("dokumen dipinjam");
	}

	@Test
	void namesakesWithNothingElseToTellThemApartGoToReviewAndAnOfficerConfirmsOne() {
		String tag = tag();
		String name = "AUNG KYAW " + tag;
		long first = register(name, "M", "1990", "MMR", null);
		long second = register(name, "M", "1990", "MMR", null);

		long crossing = postCrossing("ENTRY", "2026-05-02 09:00", name, "1990-01-01", "L", "MMR", "ZZ" + tag);

		await().atMost(Duration.ofSeconds(20)).until(() -> caseOrNull("CROSSING", crossing) != null);
		long caseId = caseOf("CROSSING", crossing);
		assertThat(state(caseId)).isEqualTo("PENDING");
		assertThat(personOf(crossing)).isNull();
		assertThat(jdbc.sql("select proposal || ' ' || namesakes from match_case where id = :id").param("id", caseId)
				.query(String.class).single()).isEqualTo("REVIEW true");
		assertThat(jdbc.sql("select person_id from match_candidate where case_id = :id order by rank limit 2")
				.param("id", caseId).query(Long.class).list()).containsExactlyInAnyOrder(first, second);

		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		assertThat(kesbangpol.get("/pencocokan").body()).contains("id=\"queue-review\"");
		HttpResponse<String> view = kesbangpol.get("/pencocokan/" + caseId);
		assertThat(view.body()).contains("id=\"confirm-" + first + "\"").contains("id=\"confirm-" + second + "\"")
				.contains("Tanpa bukti yang hanya dimiliki satu orang")
				.contains("nama yang sama dan skor yang hampir sama");

		HttpResponse<String> confirmed = kesbangpol.post("/pencocokan/" + caseId + "/konfirmasi",
				Map.of("version", Integer.toString(version(caseId)), "personId", Long.toString(second)));
		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(kesbangpol.get("/pencocokan/" + caseId).body()).contains("Catatan ditautkan ke orang yang Anda pilih");
		assertThat(personOf(crossing)).isEqualTo(second);
		assertThat(state(caseId)).isEqualTo("CONFIRMED");
		assertThat(audited("MATCH_CONFIRMED", caseId)).contains("\"person\":\"" + second + "\"");

		HttpResponse<String> late = kesbangpol.post("/pencocokan/" + caseId + "/konfirmasi",
				Map.of("version", "0", "personId", Long.toString(first)));
		assertThat(kesbangpol.get("/pencocokan/" + caseId).body()).contains("baru saja diputuskan");
		assertThat(personOf(crossing)).as("a stale form changes nothing").isEqualTo(second);
	}

	@Test
	void aRecordLikeNoOneProposesANewPersonThatAnOfficerRegisters() {
		String tag = tag();
		long crossing = postCrossing("ENTRY", "2026-05-03 10:00", "SVETLANA " + tag + " KOVALENKO", "1975-11-30",
				"P", "UKR", "FK" + tag);

		await().atMost(Duration.ofSeconds(20)).until(() -> caseOrNull("CROSSING", crossing) != null);
		long caseId = caseOf("CROSSING", crossing);
		assertThat(jdbc.sql("select proposal from match_case where id = :id").param("id", caseId).query(String.class)
				.single()).isEqualTo("NONE");

		WebSession imigrasi = WebSession.loggedIn(port, "imigrasi");
		assertThat(imigrasi.get("/pencocokan?queue=unmatched").body()).as("a traveller like no one is no work item")
				.doesNotContain("/pencocokan/" + caseId + "\"");
		HttpResponse<String> created = imigrasi.post("/pencocokan/" + caseId + "/orang-baru",
				Map.of("version", Integer.toString(version(caseId)), "category", "TOURIST", "villageCode", ""));
		assertThat(created.statusCode()).isEqualTo(302);
		Long person = personOf(crossing);
		assertThat(person).isNotNull();
		assertThat(state(caseId)).isEqualTo("NEW_PERSON");
		assertThat(jdbc.sql("select primary_name || ' ' || nationality || ' ' || birth_date from person where id = :id")
				.param("id", person).query(String.class).single())
				.isEqualTo("SVETLANA " + tag + " KOVALENKO UKR 1975-11-30");
	}

	@Test
	void aVillageReportWrittenByEarPutsTheRegisteredPersonFirstForTheValidator() {
		String tag = tag();
		long person = register("KYAW " + tag + " HTUN", "M", "1981-02-10", "MMR", "MK" + tag);
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		HttpResponse<String> created = village.post("/laporan/baru", Map.of("namesAsHeard",
				"Kyo " + tag + " Tun / Ko Kyaw", "nationalityText", "Burma", "sex", "M", "ageOrBirth", "1981-02-10",
				"documentNumbers", "mk " + tag, "stayingAt", "RT 03", "activity", "nelayan", "submit", "true"));
		String location = WebSession.location(created);
		long report = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		await().atMost(Duration.ofSeconds(20)).until(() -> caseOrNull("REPORT", report) != null);
		long caseId = caseOf("REPORT", report);
		assertThat(jdbc.sql("select state || ' ' || proposal || ' ' || region_code from match_case where id = :id")
				.param("id", caseId).query(String.class).single()).as("no village model estimated yet: a person decides")
				.isEqualTo("PENDING REVIEW 81.72.01.2001");
		assertThat(jdbc.sql("select person_id from match_candidate where case_id = :id order by rank limit 1")
				.param("id", caseId).query(Long.class).single()).as("the registered person first").isEqualTo(person);

		HttpResponse<String> view = WebSession.loggedIn(port, "kesbangpol").get("/pencocokan/" + caseId);
		assertThat(view.body()).contains("ejaan lain").contains("KYAW " + tag + " HTUN");
		assertThat(WebSession.loggedIn(port, "ohoi.taar").get("/pencocokan/" + caseId).statusCode()).isEqualTo(403);
	}

	@Test
	void theApiExplainsACaseFieldByFieldAndTakesADecisionAtTheVersionItWasShown() {
		String tag = tag();
		long person = register("THIDA " + tag, "F", "1992-08-14", "MMR", "MT10" + tag);
		long crossing = postCrossing("ENTRY", "2026-05-05 10:00", "Tida " + tag, "14-08-1992", "P", "Birma",
				"MTIO" + tag);
		await().atMost(Duration.ofSeconds(20)).until(() -> caseOrNull("CROSSING", crossing) != null);
		long caseId = caseOf("CROSSING", crossing);

		WebSession imigrasi = WebSession.loggedIn(port, "imigrasi");
		HttpResponse<String> detail = imigrasi.json("GET", "/api/v1/matches/" + caseId, null);
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.headers().firstValue("ETag")).contains("\"" + version(caseId) + "\"");
		assertThat(detail.body()).contains("\"personId\":" + person).contains("\"field\":\"name\"")
				.contains("\"level\":\"RESPELLED\"").contains("\"field\":\"document\",\"level\":\"OCR\"");

		String confirm = "{\"decision\": \"CONFIRM\", \"personId\": " + person + "}";
		assertThat(imigrasi.json("POST", "/api/v1/matches/" + caseId + "/decision", confirm).statusCode())
				.as("without If-Match").isEqualTo(400);
		assertThat(imigrasi.json("POST", "/api/v1/matches/" + caseId + "/decision", confirm, "If-Match", "\"99\"")
				.statusCode()).as("a version no longer current").isEqualTo(412);
		HttpResponse<String> decided = imigrasi.json("POST", "/api/v1/matches/" + caseId + "/decision", confirm,
				"If-Match", "\"" + version(caseId) + "\"");
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		assertThat(decided.body()).contains("\"state\":\"CONFIRMED\"");
		assertThat(personOf(crossing)).isEqualTo(person);
		assertThat(WebSession.loggedIn(port, "bpmpd").json("GET", "/api/v1/matches/" + caseId, null).statusCode())
				.isEqualTo(403);
	}

	@Test
	void villagesCannotOpenTheQueueAndAKecamatanOfficerSeesNoCrossingCase() {
		String tag = tag();
		long crossing = postCrossing("EXIT", "2026-05-04 10:00", "PEDRO " + tag, "1980", "L", "PRT", "PT" + tag);
		await().atMost(Duration.ofSeconds(20)).until(() -> caseOrNull("CROSSING", crossing) != null);
		long caseId = caseOf("CROSSING", crossing);

		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").get("/pencocokan").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").get("/pencocokan/" + caseId).statusCode())
				.isEqualTo(403);

		String officer = "kesbang.kec." + tag.toLowerCase();
		seeding.seed(officer, "Uji", Role.KESBANGPOL, Agency.KESBANGPOL, "81.72.01", WebSession.DEMO_PASSWORD, false);
		WebSession kecamatan = WebSession.loggedIn(port, officer);
		assertThat(kecamatan.get("/pencocokan").body()).doesNotContain("PEDRO " + tag);
		assertThat(kecamatan.get("/pencocokan/" + caseId).statusCode()).isEqualTo(404);
	}

	@Test
	void anAlertClosedOnADepartureAnAutomaticLinkBroughtSaysSoAndOpensAgainWhenTheLinkIsUndone() {
		String tag = tag();
		String name = "TRAN VAN CUONG " + tag;
		String passport = "OV" + tag;
		long person = registry.register(REGISTRAR, new PersonForm(name, "PASSPORT", "M", "1980-02-03", "VNM", "",
				"EX_CREW", "", "PASSPORT", passport, "", "", "ITAS", "2C" + tag,
				TestClock.today().minusDays(20).toString(), "81.72.01.2001", "", "")).id();
		rules.run("OVERSTAY", "MANUAL");
		long alert = jdbc.sql("select id from alert where rule = 'OVERSTAY' and person_id = :p").param("p", person)
				.query(Long.class).single();

		long exit = postCrossing("EXIT", TestClock.today().minusDays(1) + " 08:00", name, "1980-02-03", "L", "VNM",
				passport);
		await().atMost(Duration.ofSeconds(20)).until(() -> personOf(exit) != null);
		long caseId = caseOf("CROSSING", exit);
		assertThat(state(caseId)).isEqualTo("LINKED");
		rules.run("OVERSTAY", "MANUAL");
		assertThat(jdbc.sql("select status || ' ' || outcome || ' ' || closed_by_link from alert where id = :id")
				.param("id", alert).query(String.class).single()).isEqualTo("CLOSED RESOLVED_BY_FACTS " + caseId);
		WebSession imigrasi = WebSession.loggedIn(port, "imigrasi");
		assertThat(imigrasi.get("/peringatan/" + alert).body()).contains("id=\"alert-closed-by-link\"")
				.contains("Lihat kasus pencocokan #" + caseId);
		assertThat(imigrasi.get("/").body()).as("the dashboard counts closures that rest on automatic links")
				.containsPattern("id=\"fig-closed-by-links\">[1-9][0-9]* ditutup bulan ini");

		imigrasi.post("/pencocokan/" + caseId + "/batal", Map.of("version", Integer.toString(version(caseId)),
				"reason", "paspor dipakai orang lain"));
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select status from alert where id = :id")
				.param("id", alert).query(String.class).single().equals("OPEN"));
		assertThat(jdbc.sql("select facts_note_key || ' ' || coalesce(closed_by_link::text, '-') from alert where id = :id")
				.param("id", alert).query(String.class).single()).isEqualTo("alert.resolution.linkUndone -");
		assertThat(imigrasi.get("/peringatan/" + alert).body()).contains("tautan otomatis yang membawa fakta penutupnya");
	}

	@Test
	void crewWhoseNamesEchoAResidentAreMarkedNotInTheRegistryTogetherAndAChangedOneIsLeft() {
		String tag = tag();
		String name = "ZHANG WEI " + tag;
		register(name, "M", "1988", "CHN", null);
		long first = postCrossing("ENTRY", "2026-05-04 09:00", name, "1988-12-27", "L", "CHN", "N1" + tag);
		long second = postCrossing("ENTRY", "2026-05-04 10:00", name, "1988-03-01", "L", "CHN", "N2" + tag);
		await().atMost(Duration.ofSeconds(20)).until(() -> caseOrNull("CROSSING", first) != null
				&& caseOrNull("CROSSING", second) != null);
		long a = caseOf("CROSSING", first);
		long b = caseOf("CROSSING", second);
		assertThat(jdbc.sql("select proposal from match_case where id in (:ids)").param("ids", java.util.List.of(a, b))
				.query(String.class).list()).as("a name and a birth year: never linked without a person")
				.containsOnly("REVIEW");

		WebSession imigrasi = WebSession.loggedIn(port, "imigrasi");
		assertThat(imigrasi.get("/pencocokan?queue=review&sort=terbaru").body()).contains("id=\"pick-case-" + a + "\"");
		HttpResponse<String> marked = imigrasi.post("/pencocokan/bukan-di-daftar", Map.of("cases",
				a + ":" + version(a), "reason", "ABK singgah"));
		assertThat(marked.statusCode()).isEqualTo(302);
		imigrasi.post("/pencocokan/bukan-di-daftar", Map.of("cases", b + ":" + (version(b) + 7), "reason", "ABK"));
		assertThat(state(a)).isEqualTo("REJECTED");
		assertThat(state(b)).as("a case that changed since the list was read is left").isEqualTo("PENDING");
		assertThat(audited("MATCH_REJECTED", a)).contains("\"reasonLength\"").doesNotContain("ABK singgah");
		assertThat(personOf(first)).isNull();
	}

	private long register(String name, String sex, String birth, String nationality, String document) {
		PersonForm form = new PersonForm(name, "PASSPORT", sex, birth, nationality, "", "EX_CREW", "",
				document == null ? "" : "PASSPORT", document == null ? "" : document, "", "", "", "", "",
				"81.72.01.2001", "", "");
		return registry.register(REGISTRAR, form).id();
	}

	private long postCrossing(String direction, String at, String name, String birth, String sex, String nationality,
			String document) {
		String body = """
				[{"direction": "%s", "crossed_at": "%s", "port": "TUAL-LAUT", "document_number": "%s",
				  "nationality": "%s", "full_name": "%s", "birth_date": "%s", "sex": "%s"}]"""
				.formatted(direction, at, document, nationality, name, birth, sex);
		HttpResponse<String> response = feed.post("/api/v1/crossings" + PROVENANCE, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return jdbc.sql("select id from crossing where full_name = :name and crossed_at = :at::timestamp at time zone 'Asia/Jayapura'")
				.param("name", name).param("at", at).query(Long.class).single();
	}

	private Long personOf(long crossing) {
		return jdbc.sql("select person_id from crossing where id = :id").param("id", crossing).query(Long.class)
				.optional().orElse(null);
	}

	private Long caseOrNull(String kind, long record) {
		return jdbc.sql("select id from match_case where record_kind = :kind and record_id = :id").param("kind", kind)
				.param("id", record).query(Long.class).optional().orElse(null);
	}

	private long caseOf(String kind, long record) {
		return caseOrNull(kind, record);
	}

	private String state(long caseId) {
		return jdbc.sql("select state from match_case where id = :id").param("id", caseId).query(String.class)
				.single();
	}

	private int version(long caseId) {
		return jdbc.sql("select version from match_case where id = :id").param("id", caseId).query(Integer.class)
				.single();
	}

	private String audited(String action, long caseId) {
		return jdbc.sql("select details::text from audit_event where action = :action and subject_id = :id"
				+ " order by id desc limit 1").param("action", action).param("id", Long.toString(caseId))
				.query(String.class).single();
	}

	/** Eight random capital letters: names and document numbers of this test's own. */
	private static String tag() {
		StringBuilder tag = new StringBuilder();
		ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		for (int i = 0; i < 8; i++) {
			tag.append((char) ('A' + random.nextInt(26)));
		}
		return tag.toString();
	}
}
