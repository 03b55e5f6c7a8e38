package id.pantau.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.TokenClient;
import id.pantau.WebSession;
import id.pantau.identity.PantauUser;
import id.pantau.platform.Scope;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.privacy.domain.BreachQuery;
import id.pantau.registry.PersonForm;
import id.pantau.registry.Registry;
import id.pantau.reports.domain.ReportForm;
import id.pantau.reports.domain.VillageReport;
import id.pantau.reports.domain.VillageReporting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads of personal data leave a trace that names what was shown (issue 16, item 4): every list, search, htmx fragment,
 * export and API read of persons, reports, crossings, alerts, match cases and changes writes an audit row with the ids
 * it showed, so that the breach query can say whose records a user saw; and no audit detail holds a name, a document
 * number or a text someone typed.
 */
@PantauIntegrationTest
class AuditReadsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Registry registry;

	@Autowired
	VillageReporting reporting;

	@Autowired
	UserDetailsService users;

	@Autowired
	BreachQuery breach;

	private record Officer(String getUsername, Scope scope) implements ScopedPrincipal {
	}

	/**
	 * A route read as a user: the action it must write and the kind of record, and where the ids it shows can be read
	 * from the answer (a link on a page, an id in JSON, the first column of an export), so the trail is compared with
	 * what the user actually got.
	 */
	private record Read(String user, String path, boolean htmx, String action, String type, Pattern shownInBody) {
	}

	private static final Pattern PERSON_LINKS = Pattern.compile("href=\"/orang-asing/(\\d+)\"");
	private static final Pattern PICK_ROWS = Pattern.compile("data-person-id=\"(\\d+)\"|/orang-asing/(\\d+)");
	private static final Pattern REPORT_LINKS = Pattern.compile("href=\"/laporan/(\\d+)\"");
	private static final Pattern HOME_REPORT_LINKS = Pattern.compile("href=\"/laporan/(\\d+)(?:/ubah)?\"");
	private static final Pattern ALERT_LINKS = Pattern.compile("href=\"/peringatan/(\\d+)\"");
	private static final Pattern CASE_LINKS = Pattern.compile("href=\"/pencocokan/(\\d+)[\"?]");
	private static final Pattern FIRST_COLUMN = Pattern.compile("(?m)^\"?(\\d+)\"?[,;]");

	@Test
	void everyListSearchFragmentExportAndApiReadOfPersonalDataNamesTheRecordsItShowed() {
		String someone = jdbc.queryForObject("select primary_name from person where region_code like '81.72%' "
				+ "order by id limit 1", String.class);
		String q = URLEncoder.encode(someone.split(" ")[0], StandardCharsets.UTF_8);
		List<Read> reads = List.of(
				new Read("kesbangpol", "/orang-asing", false, "PERSON_LISTED", "PERSON", PERSON_LINKS),
				new Read("kesbangpol", "/orang-asing?q=" + q, true, "PERSON_LISTED", "PERSON", PERSON_LINKS),
				new Read("kesbangpol", "/orang-asing/pilih?q=" + q, true, "PERSON_LISTED", "PERSON", PICK_ROWS),
				new Read("kesbangpol", "/api/v1/persons?q=" + q, false, "PERSON_LISTED", "PERSON", null),
				new Read("kesbangpol", "/orang-asing/ekspor?format=csv", false, "PERSONS_EXPORTED", "PERSON",
						FIRST_COLUMN),
				new Read("bpmpd", "/laporan", false, "REPORTS_LISTED", "REPORT", REPORT_LINKS),
				new Read("ohoi.fiditan", "/", false, "REPORTS_LISTED", "REPORT", HOME_REPORT_LINKS),
				new Read("kesbangpol", "/laporan?status=FORWARDED", false, "REPORTS_LISTED", "REPORT", REPORT_LINKS),
				new Read("bpmpd", "/api/v1/reports", false, "REPORTS_LISTED", "REPORT", null),
				new Read("kesbangpol", "/laporan/ekspor?format=csv", false, "REPORTS_EXPORTED", "REPORT", null),
				new Read("kesbangpol", "/perlintasan", false, "CROSSINGS_LISTED", "CROSSING", null),
				new Read("kesbangpol", "/api/v1/crossings", false, "CROSSINGS_LISTED", "CROSSING", null),
				new Read("kesbangpol", "/perlintasan/ekspor?format=csv", false, "CROSSINGS_EXPORTED", "CROSSING",
						null),
				new Read("kesbangpol", "/peringatan", false, "ALERTS_LISTED", "ALERT", ALERT_LINKS),
				new Read("kesbangpol", "/api/v1/alerts", false, "ALERTS_LISTED", "ALERT", null),
				new Read("kesbangpol", "/rekap/peringatan/ekspor?format=csv", false, "ALERTS_EXPORTED", "ALERT",
						FIRST_COLUMN),
				new Read("kesbangpol", "/pencocokan", false, "MATCH_CASES_LISTED", "MATCH_CASE", CASE_LINKS),
				new Read("kesbangpol", "/api/v1/matches", false, "MATCH_CASES_LISTED", "MATCH_CASE", null));

		Map<String, WebSession> sessions = new java.util.HashMap<>();
		int withRows = 0;
		for (Read read : reads) {
			WebSession session = sessions.computeIfAbsent(read.user(), u -> WebSession.loggedIn(port, u));
			long before = lastId();
			HttpResponse<String> answer = read.path().startsWith("/api/") ? session.json("GET", read.path(), null)
					: read.htmx() ? session.get(read.path(), "HX-Request", "true") : session.get(read.path());
			assertThat(answer.statusCode()).as(read.path()).isEqualTo(200);
			Set<Long> shown = shownBy(read, before);
			if (read.shownInBody() != null) {
				assertThat(shown).as("ids in the trail for " + read.path()).isEqualTo(idsIn(answer.body(),
						read.shownInBody()));
			}
			if (read.path().startsWith("/api/")) {
				assertThat(shown).as("ids in the trail for " + read.path()).isEqualTo(jsonIds(answer.body()));
			}
			withRows += shown.isEmpty() ? 0 : 1;
		}
		assertThat(withRows).as("reads that showed records (the check is not vacuous)").isGreaterThanOrEqualTo(8);

		// partners' changes feed, by token
		TokenClient partner = new TokenClient(port, TokenClient.issue(sessions.get("kesbangpol") == null
				? WebSession.loggedIn(port, "admin") : WebSession.loggedIn(port, "admin"), "baca-" + UUID.randomUUID()
						.toString().substring(0, 8), "PARTNER", "TIMPORA", "81.72").token());
		long before = lastId();
		JsonNode changes = JSON.readTree(partner.get("/api/v1/changes?since=0&limit=50").body());
		Set<Long> given = new TreeSet<>();
		changes.get("changes").forEach(c -> given.add(c.get("id").asLong()));
		Map<String, Object> row = jdbc.queryForMap("select details from audit_event where id > ? and action = "
				+ "'CHANGES_READ' order by id desc limit 1", before);
		JsonNode details = JSON.readTree((String) row.get("details"));
		Set<Long> inTrail = new TreeSet<>();
		inTrail.addAll(ids(details, "CROSSING"));
		inTrail.addAll(ids(details, "REPORT"));
		assertThat(inTrail).isEqualTo(given);
	}

	@Test
	void theBreachQueryNamesThePersonsAUserSawInASearchResult() {
		Instant from = TestClock.now().minusSeconds(1);
		WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");
		String page = bpmpd.get("/orang-asing").body();
		Set<Long> seen = idsIn(page, PERSON_LINKS);
		assertThat(seen).isNotEmpty();
		BreachQuery.Answer answer = breach.ask("bpmpd", from, TestClock.now().plusSeconds(1));
		assertThat(answer.persons()).extracting(BreachQuery.TouchedPerson::personId).containsAll(seen);
	}

	@Test
	void noAuditDetailWrittenDuringSearchesExportsReturnsAndBreakingTheGlassHoldsANameOrDocumentNumber() {
		String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		String name = "ZAYNAB QORVALI " + tag;
		String passport = "QX" + tag;
		long before = lastId();
		long person = registry.register(new Officer("kesbangpol", Scope.of("81.72")), new PersonForm(name,
				"PASSPORT", "F", "1985-04-05", "PHL", "", "OTHER", "", "PASSPORT", passport, "", "", "", "", "",
				"81.72.01.2001", "", "")).id();

		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		for (String text : List.of(name, passport, "QORVALI")) {
			String q = URLEncoder.encode(text, StandardCharsets.UTF_8);
			kesbangpol.get("/orang-asing?q=" + q);
			kesbangpol.get("/orang-asing?q=" + q, "HX-Request", "true");
			kesbangpol.get("/orang-asing/pilih?q=" + q);
			kesbangpol.json("GET", "/api/v1/persons?q=" + q, null);
			kesbangpol.get("/orang-asing/ekspor?format=csv&q=" + q);
		}

		PantauUser village = (PantauUser) users.loadUserByUsername("ohoi.fiditan");
		VillageReport report = reporting.draft(village, null, new ReportForm(name, "Filipina", "F", "40", passport,
				"RT 03", "pedagang", "", "2015", ""), UUID.randomUUID());
		report = reporting.submit(village, report.getId(), report.getVersion());
		PantauUser bpmpd = (PantauUser) users.loadUserByUsername("bpmpd");
		reporting.returnToVillage(bpmpd, report.getId(), report.getVersion(),
				"Paspor " + passport + " atas nama " + name + " tidak terbaca, mohon foto ulang");

		WebSession immigration = WebSession.loggedIn(port, "imigrasi");
		immigration.post("/akses-luar-wilayah", Map.of("reason", "Penyelidikan izin tinggal " + name
				+ " paspor " + passport));
		immigration.get("/orang-asing?q=" + URLEncoder.encode(passport, StandardCharsets.UTF_8));
		immigration.post("/akses-luar-wilayah/akhiri", Map.of());

		WebSession admin = WebSession.loggedIn(port, "admin");
		admin.post("/admin/privasi/ekspor", Map.of("personId", Long.toString(person), "reason",
				"Permintaan " + name + " sendiri, paspor " + passport));

		List<String> details = jdbc.queryForList("select action || ' ' || details from audit_event where id > ?",
				String.class, before);
		assertThat(details).as("entries written").hasSizeGreaterThan(15);
		assertThat(details).filteredOn(d -> d.contains(tag) || d.contains("QORVALI") || d.contains("ZAYNAB"))
				.as("details with the name or the passport number").isEmpty();
		assertThat(details).anyMatch(d -> d.startsWith("REPORT_RETURNED") && d.contains("\"reasonLength\"")
				&& d.contains("\"reasonHash\""));
		assertThat(details).anyMatch(d -> d.startsWith("BREAK_GLASS_STARTED") && d.contains("\"reasonHash\""));
		assertThat(details).anyMatch(d -> d.startsWith("PERSON_LISTED") && d.contains("\"shown.PERSON\":\"")
				&& shownContains(d, person));
	}

	private static boolean shownContains(String entry, long id) {
		JsonNode details = JSON.readTree(entry.substring(entry.indexOf('{')));
		return ids(details, "PERSON").contains(id);
	}

	private Set<Long> shownBy(Read read, long before) {
		List<String> rows = jdbc.queryForList("select details from audit_event where id > ? and action = ? "
				+ "order by id desc limit 1", String.class, before, read.action());
		assertThat(rows).as("an audit row " + read.action() + " for " + read.path()).hasSize(1);
		JsonNode details = JSON.readTree(rows.get(0));
		assertThat(details.has(AuditEntry.SHOWN + read.type())).as("shown ids in " + rows.get(0)).isTrue();
		return ids(details, read.type());
	}

	private static Set<Long> ids(JsonNode details, String type) {
		JsonNode shown = details.get(AuditEntry.SHOWN + type);
		return shown == null ? Set.of()
				: ShownIds.decode(shown.asString()).boxed().collect(Collectors.toCollection(TreeSet::new));
	}

	private static Set<Long> idsIn(String body, Pattern pattern) {
		Set<Long> ids = new TreeSet<>();
		Matcher m = pattern.matcher(body);
		while (m.find()) {
			for (int g = 1; g <= m.groupCount(); g++) {
				if (m.group(g) != null) {
					ids.add(Long.parseLong(m.group(g)));
				}
			}
		}
		return ids;
	}

	/** The ids of the records at the top of a JSON answer: an array of them, or the array in its first list field. */
	private static Set<Long> jsonIds(String body) {
		JsonNode node = JSON.readTree(body);
		JsonNode list = node.isArray() ? node : null;
		if (list == null) {
			for (String field : node.propertyNames()) {
				if (node.get(field).isArray()) {
					list = node.get(field);
					break;
				}
			}
		}
		Set<Long> ids = new TreeSet<>();
		if (list != null) {
			list.forEach(item -> {
				JsonNode id = item.has("id") ? item.get("id") : item.path("matchCase").get("id");
				if (id != null) {
					ids.add(id.asLong());
				}
			});
		}
		return ids;
	}

	private long lastId() {
		return jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
	}
}
