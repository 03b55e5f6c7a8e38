package id.pantau.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.identity.Agency;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.identity.domain.AccountSeeding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Territorial access on every route. The routes are read from the application's handler mapping, so a route added
 * later (a page, an htmx fragment, an API, an export) is in this test without anyone remembering it: it fails until
 * the route is put into {@link #ROUTES} with the kind of data it gives. Each kind is then proven for a village
 * official of Fiditan (village A) against records of Taar (village B): by id, 403 or 404; as a list, search or
 * export, none of B's marker records (and A's own marker present, so the check is not vacuous).
 */
@PantauIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessIntegrationTests {

	/** What a route gives, and so how it is checked. */
	enum Kind {
		/** Reachable before login; no personal data (login, code page, errors). */
		PUBLIC,
		/** Administration: ADMIN only (the security chain and @PreAuthorize); a village official gets 403. */
		ADMIN_ONLY,
		/** No personal data at all, or only the signed-in user's own (its password, its notifications). */
		NO_PERSONAL_DATA,
		/**
		 * Personal data a village official may not reach at all (crossings, matches, exports): 403 or 404, or 400 for
		 * a request that cannot even be read (an upload without a file) before any data is touched.
		 */
		NOT_FOR_VILLAGE,
		/** One record by its id in the path: village A gets 403 or 404 for village B's record, whatever the method. */
		BY_ID,
		/** Many records (list, search, fragment, export): village A's answer holds none of village B's markers. */
		LIST,
		/** Creates a record in the user's own area; the area cannot be chosen outside it (InputSafetyIntegrationTests). */
		CREATES_IN_OWN_SCOPE
	}

	/** The subject of a by-id route: which of village B's records fills its path variables. */
	enum Subject {
		PERSON, REPORT, REGION, ANY
	}

	record Rule(Kind kind, Subject subject, String query) {
	}

	private static Rule rule(Kind kind) {
		return new Rule(kind, Subject.ANY, "");
	}

	private static Rule byId(Subject subject) {
		return new Rule(Kind.BY_ID, subject, "");
	}

	private static Rule list(String query) {
		return new Rule(Kind.LIST, Subject.ANY, query);
	}

	/**
	 * Every route of the application, as "METHOD pattern" ("ANY" for a mapping without a method). {@code {marker}}
	 * in a list's query is replaced by the marker name.
	 */
	static final Map<String, Rule> ROUTES = new TreeMap<>(Map.ofEntries(
			// before login
			Map.entry("GET /login", rule(Kind.PUBLIC)),
			Map.entry("GET /login/kode", rule(Kind.PUBLIC)),
			Map.entry("POST /login/kode", rule(Kind.PUBLIC)),
			Map.entry("ANY /error", rule(Kind.PUBLIC)),
			// the API's description (no data)
			Map.entry("GET /v3/api-docs", rule(Kind.NO_PERSONAL_DATA)),
			Map.entry("GET /v3/api-docs.yaml", rule(Kind.NO_PERSONAL_DATA)),
			Map.entry("GET /v3/api-docs/swagger-config", rule(Kind.NO_PERSONAL_DATA)),
			Map.entry("GET /swagger-ui.html", rule(Kind.NO_PERSONAL_DATA)),
			// the user's own
			Map.entry("GET /", list("")),
			Map.entry("GET /akun/sandi", rule(Kind.NO_PERSONAL_DATA)),
			Map.entry("POST /akun/sandi", rule(Kind.NO_PERSONAL_DATA)),
			Map.entry("GET /notifikasi", list("")),
			Map.entry("POST /notifikasi/dibaca", rule(Kind.NO_PERSONAL_DATA)),
			// one's own notification only: another user's id answers 404 (HandOffIntegrationTests)
			Map.entry("GET /notifikasi/{id}", rule(Kind.NO_PERSONAL_DATA)),
			// administration, audit views and reference data
			Map.entry("GET /admin/pengguna", rule(Kind.ADMIN_ONLY)),
			Map.entry("GET /admin/pengguna/baru", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/pengguna/baru", rule(Kind.ADMIN_ONLY)),
			Map.entry("GET /admin/pengguna/{id}", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/pengguna/{id}", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/pengguna/{id}/nonaktifkan", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/pengguna/{id}/aktifkan", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/pengguna/{id}/reset-sandi", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/pengguna/{id}/reset-totp", rule(Kind.ADMIN_ONLY)),
			Map.entry("GET /admin/api", rule(Kind.ADMIN_ONLY)),
			Map.entry("GET /admin/api/baru", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/api/baru", rule(Kind.ADMIN_ONLY)),
			Map.entry("GET /admin/api/{id}", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/api/{id}/nonaktifkan", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/api/{id}/token-baru", rule(Kind.ADMIN_ONLY)),
			Map.entry("GET /admin/audit", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/audit/verifikasi", rule(Kind.ADMIN_ONLY)),
			Map.entry("GET /admin/audit/kunci-publik", rule(Kind.ADMIN_ONLY)),
			Map.entry("GET /admin/referensi", rule(Kind.ADMIN_ONLY)),
			// onboarding Kesbangpol's existing list: counts and refused rows, for administrators
			Map.entry("GET /admin/daftar-orang-asing", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/daftar-orang-asing", rule(Kind.ADMIN_ONLY)),
			Map.entry("GET /admin/daftar-orang-asing/{id}", rule(Kind.ADMIN_ONLY)),
			Map.entry("GET /admin/daftar-orang-asing/{id}/ditolak.csv", rule(Kind.ADMIN_ONLY)),
			// "break the glass": Imigrasi only
			Map.entry("POST /akses-luar-wilayah", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /akses-luar-wilayah/akhiri", rule(Kind.NOT_FOR_VILLAGE)),
			// regions
			Map.entry("GET /wilayah", list("")),
			Map.entry("GET /wilayah/{code}", byId(Subject.REGION)),
			// registry of persons
			Map.entry("GET /orang-asing", list("?q={marker}")),
			Map.entry("GET /orang-asing/pilih", list("?q={marker}")),
			Map.entry("GET /orang-asing/baru", rule(Kind.NO_PERSONAL_DATA)),
			Map.entry("POST /orang-asing/baru", rule(Kind.CREATES_IN_OWN_SCOPE)),
			Map.entry("POST /orang-asing/baru/mrz", rule(Kind.NO_PERSONAL_DATA)),
			Map.entry("GET /orang-asing/{id}", byId(Subject.PERSON)),
			Map.entry("GET /orang-asing/{id}/ubah", byId(Subject.PERSON)),
			Map.entry("POST /orang-asing/{id}/ubah", byId(Subject.PERSON)),
			Map.entry("POST /orang-asing/{id}/{part:nama|dokumen|izin|domisili|kapal|identitas|penanda|status}",
					byId(Subject.PERSON)),
			Map.entry("GET /orang-asing/{id}/gabung", byId(Subject.PERSON)),
			Map.entry("POST /orang-asing/{id}/gabung", byId(Subject.PERSON)),
			Map.entry("GET /api/v1/persons", list("?q={marker}")),
			Map.entry("POST /api/v1/persons", rule(Kind.CREATES_IN_OWN_SCOPE)),
			Map.entry("GET /api/v1/persons/{id}", byId(Subject.PERSON)),
			Map.entry("GET /api/v1/persons/{id}/timeline", byId(Subject.PERSON)),
			Map.entry("PUT /api/v1/persons/{id}", byId(Subject.PERSON)),
			Map.entry("POST /api/v1/persons/{id}/merge", byId(Subject.PERSON)),
			Map.entry("POST /api/v1/mrz", rule(Kind.NO_PERSONAL_DATA)),
			// vessels (no personal data on the list); registering one, its status and crew lists are Imigrasi's and
			// Kesbangpol's: a village reports about a vessel but does not change it (VesselAccessIntegrationTests)
			Map.entry("GET /kapal", rule(Kind.NO_PERSONAL_DATA)),
			Map.entry("POST /kapal", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /kapal/{id}/status", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /kapal/awak/impor", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /kapal/awak/impor", rule(Kind.NOT_FOR_VILLAGE)),
			// village reports
			Map.entry("GET /laporan", list("?status=SUBMITTED")),
			Map.entry("GET /laporan/baru", rule(Kind.NO_PERSONAL_DATA)),
			Map.entry("POST /laporan/baru", rule(Kind.CREATES_IN_OWN_SCOPE)),
			Map.entry("GET /laporan/{id}", byId(Subject.REPORT)),
			Map.entry("GET /laporan/{id}/ubah", byId(Subject.REPORT)),
			Map.entry("POST /laporan/{id}/ubah", byId(Subject.REPORT)),
			Map.entry("POST /laporan/{id}/{action:kirim|kembalikan|teruskan|pandangan|validasi}", byId(Subject.REPORT)),
			Map.entry("GET /laporan/menunggu-pandangan", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /laporan/orang/{personId}/foto", byId(Subject.PERSON)),
			Map.entry("GET /laporan/{id}/foto", byId(Subject.REPORT)),
			Map.entry("GET /laporan/bulanan", list("")),
			Map.entry("POST /laporan/bulanan", rule(Kind.CREATES_IN_OWN_SCOPE)),
			// a correction is of the user's own village's report, chosen by month only (PeriodicReportIntegrationTests)
			Map.entry("POST /laporan/bulanan/koreksi", rule(Kind.CREATES_IN_OWN_SCOPE)),
			Map.entry("POST /laporan/kelengkapan/tutup", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /laporan/kelengkapan", list("")),
			Map.entry("GET /laporan/ekspor", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /laporan/templat", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /laporan/impor", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /laporan/impor", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /api/v1/reports", list("")),
			Map.entry("POST /api/v1/reports", rule(Kind.CREATES_IN_OWN_SCOPE)),
			Map.entry("GET /api/v1/reports/{id}", byId(Subject.REPORT)),
			Map.entry("PUT /api/v1/reports/{id}", byId(Subject.REPORT)),
			Map.entry("POST /api/v1/reports/{id}/submit", byId(Subject.REPORT)),
			Map.entry("POST /api/v1/reports/{id}/return", byId(Subject.REPORT)),
			Map.entry("POST /api/v1/reports/{id}/forward", byId(Subject.REPORT)),
			Map.entry("POST /api/v1/reports/{id}/validate", byId(Subject.REPORT)),
			Map.entry("POST /api/v1/reports/{id}/views", byId(Subject.REPORT)),
			// crossings, matching and the change feed: Imigrasi, Kesbangpol, TIMPORA
			Map.entry("GET /perlintasan", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /perlintasan/ekspor", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /perlintasan/impor", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /perlintasan/impor", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /perlintasan/impor/{id}", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /perlintasan/impor/{id}/kolom", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /perlintasan/batch/{id}", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /perlintasan/batch/{id}/ditolak.csv", rule(Kind.NOT_FOR_VILLAGE)),
			// ports and permit types as written, mapped once per origin: Imigrasi and the administrator
			Map.entry("GET /perlintasan/pemetaan", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /perlintasan/pemetaan", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /api/v1/crossings", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /api/v1/crossings", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /api/v1/changes", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /pencocokan", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /pencocokan/{id}", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /pencocokan/laporan/{reportId}", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /pencocokan/{id}/konfirmasi", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /pencocokan/{id}/tolak", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /pencocokan/bukan-di-daftar", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /pencocokan/{id}/orang-baru", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /pencocokan/{id}/batal", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /api/v1/matches", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /api/v1/matches/{id}", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /api/v1/matches/{id}/decision", rule(Kind.NOT_FOR_VILLAGE)),
			// alerts, their follow-up and TIMPORA meetings: the city's agencies; a village sees outcomes on its reports
			Map.entry("GET /api/v1/alerts", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /api/v1/alerts/{id}", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /api/v1/alerts/{id}/actions", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /peringatan", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /peringatan/{id}", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /rekap/peringatan/ekspor", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /timpora", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /timpora/{id}", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /timpora/{id}/agenda.pdf", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /timpora/{id}/notulen.pdf", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /api/v1/alerts/{id}/acknowledgement", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /api/v1/alerts/{id}/actions", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /api/v1/alerts/{id}/assignment", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /api/v1/alerts/{id}/closure", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /api/v1/alerts/{id}/dismissal", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /peringatan/{id}/abaikan", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /peringatan/{id}/terima", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /peringatan/{id}/tindakan", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /peringatan/{id}/tugaskan", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /peringatan/{id}/tutup", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /timpora", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /timpora/{id}/agenda", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /timpora/{id}/butir/{alertId}/keputusan", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /timpora/{id}/butir/{alertId}/pandangan", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /timpora/{id}/hadir", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("POST /timpora/{id}/selesai", rule(Kind.NOT_FOR_VILLAGE)),
			Map.entry("GET /peringatan/laporan/{reportId}", byId(Subject.REPORT)),
			// administration: detection rules, PDP duties (data-subject export, breach query)
			Map.entry("GET /admin/aturan", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/aturan/jalankan", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/aturan/{code}", rule(Kind.ADMIN_ONLY)),
			Map.entry("GET /admin/privasi", rule(Kind.ADMIN_ONLY)),
			Map.entry("POST /admin/privasi/ekspor", rule(Kind.ADMIN_ONLY)),
			// the dashboard, the map, the monthly recap and the persons export: each within the user's scope
			Map.entry("GET /peta", list("")),
			Map.entry("GET /peta/data", list("")),
			Map.entry("POST /peta/titik/{code}", rule(Kind.ADMIN_ONLY)),
			Map.entry("GET /rekap", list("")),
			Map.entry("GET /rekap/unduh", list("?format=xlsx")),
			Map.entry("GET /orang-asing/ekspor", list("?format=csv&q={marker}"))));

	private static final String VILLAGE_A = "81.72.01.2001";
	private static final String VILLAGE_B = "81.72.02.2002";
	private static final Pattern LOCATION_ID = Pattern.compile("/(\\d+)$");
	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]+))?}");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AccountSeeding seeding;

	private String suffix;
	private String markerA;
	private String markerB;
	private long personB;
	private long reportB;

	/** Marker records with names found nowhere else: a person and a report (with a photo) in each village. */
	@BeforeAll
	void markers() throws Exception {
		suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase().replaceAll("\\d", "Q");
		markerA = "ZAFIRA PENANDAFIDITAN " + suffix;
		markerB = "XAVERIA PENANDATAAR " + suffix;
		WebSession a = WebSession.loggedIn(port, "ohoi.fiditan");
		WebSession b = WebSession.loggedIn(port, "ohoi.taar");
		registerPerson(a, markerA);
		personB = registerPerson(b, markerB);
		report(a, markerA);
		reportB = report(b, markerB);
	}

	@Test
	void everyRouteIsClassified() {
		Set<String> unclassified = new TreeSet<>(routes());
		unclassified.removeAll(ROUTES.keySet());
		assertThat(unclassified).as("""
				Routes without a classification. Add each to RouteAccessIntegrationTests.ROUTES with what it gives: \
				PUBLIC, ADMIN_ONLY, NO_PERSONAL_DATA, NOT_FOR_VILLAGE (a village official gets 403/404), \
				byId(Subject.X) (one record by id: say which record fills the path) or list("?query") (many records: \
				village B's markers must not show). A route giving personal data must check the user's scope in its \
				service, like PersonRegistry.visible or VillageReporting.visible""").isEmpty();
		Set<String> stale = new TreeSet<>(ROUTES.keySet());
		stale.removeAll(routes());
		assertThat(stale).as("classified routes that no longer exist: remove them from ROUTES").isEmpty();
	}

	@Test
	void aVillageOfficialGetsNothingOfAnotherVillageByIdOnAnyRoute() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		List<String> leaks = new ArrayList<>();
		ROUTES.forEach((route, rule) -> {
			if (rule.kind() != Kind.BY_ID && rule.kind() != Kind.NOT_FOR_VILLAGE && rule.kind() != Kind.ADMIN_ONLY) {
				return;
			}
			String method = route.substring(0, route.indexOf(' '));
			for (String path : concretePaths(route.substring(route.indexOf(' ') + 1), rule.subject())) {
				int status = call(village, method, path);
				boolean refused = switch (rule.kind()) {
					case ADMIN_ONLY -> status == 403;
					case NOT_FOR_VILLAGE -> status == 403 || status == 404 || status == 400;
					default -> status == 403 || status == 404;
				};
				if (!refused) {
					leaks.add(method + " " + path + " answered " + status);
				}
			}
		});
		assertThat(leaks).as("village A reached village B's records or a route not meant for it").isEmpty();
	}

	@Test
	void listsSearchesAndFragmentsOfAVillageHoldNoRecordOfAnotherVillage() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		List<String> leaks = new ArrayList<>();
		ROUTES.forEach((route, rule) -> {
			if (rule.kind() != Kind.LIST) {
				return;
			}
			// searched by the suffix both markers share: the search box echoes the query, never a whole marker name
			String path = route.substring(route.indexOf(' ') + 1) + rule.query().replace("{marker}", suffix);
			for (boolean htmx : new boolean[] { false, true }) {
				HttpResponse<String> response = htmx ? village.get(path, "HX-Request", "true")
						: path.startsWith("/api/") ? village.json("GET", path, null) : village.get(path);
				if (response.statusCode() >= 500 || response.body().contains(markerB)) {
					leaks.add(path + (htmx ? " (htmx)" : "") + " answered " + response.statusCode());
				}
			}
		});
		assertThat(leaks).isEmpty();

		assertThat(village.get("/orang-asing?q=" + suffix).body()).as("the check is not vacuous").contains(markerA);
		assertThat(village.get("/orang-asing?q=" + suffix, "HX-Request", "true").body()).contains(markerA);
		assertThat(village.json("GET", "/api/v1/persons?q=" + suffix, null).body()).contains(markerA);
		assertThat(village.get("/laporan?status=SUBMITTED").body()).contains(markerA);
		assertThat(village.json("GET", "/api/v1/reports", null).body()).contains(markerA);
	}

	@Test
	void exportsOfAScopedUserHoldOnlyRowsInItsScope() {
		// a BPMPD officer for one kecamatan (Fiditan's), exporting decided reports
		String username = "bpmpd.kecamatan" + System.nanoTime() % 100000;
		seeding.seed(username, "BPMPD Kecamatan", Role.BPMPD, Agency.BPMPD, "81.72.01", WebSession.DEMO_PASSWORD, false);
		long decidedA = decided(WebSession.loggedIn(port, "ohoi.fiditan"), markerA + " EKSPOR");
		long decidedB = decided(WebSession.loggedIn(port, "ohoi.taar"), markerB + " EKSPOR");
		assertThat(decidedA).isNotEqualTo(decidedB);

		WebSession scoped = WebSession.loggedIn(port, username);
		for (String format : List.of("csv")) {
			HttpResponse<String> export = scoped.get("/laporan/ekspor?format=" + format);
			if (export.statusCode() == 404) {
				continue;
			}
			assertThat(export.statusCode()).isEqualTo(200);
			assertThat(export.body()).as(format).contains(markerA + " EKSPOR").doesNotContain(markerB);
		}
		assertThat(scoped.get("/laporan?status=REJECTED").body()).contains(markerA + " EKSPOR").doesNotContain(markerB);
	}

	@Test
	void aPersonWhoMovesIsSeenByTheNewVillageAndNoLongerByTheOldAtOnce() {
		WebSession taar = WebSession.loggedIn(port, "ohoi.taar");
		WebSession fiditan = WebSession.loggedIn(port, "ohoi.fiditan");
		// not a marker of village B: once moved, this person is rightly on village A's lists, which other tests
		// search for village B's markers
		String name = "YOSEFA PINDAHAN " + suffix;
		long id = registerPerson(taar, name);
		assertThat(taar.get("/orang-asing/" + id).statusCode()).isEqualTo(200);
		assertThat(fiditan.get("/orang-asing/" + id).statusCode()).isEqualTo(404);

		WebSession city = WebSession.loggedIn(port, "kesbangpol");
		String version = city.json("GET", "/api/v1/persons/" + id, null).headers().firstValue("ETag").orElseThrow()
				.replace("\"", "");
		HttpResponse<String> moved = city.post("/orang-asing/" + id + "/domisili",
				Map.of("version", version, "villageCode", VILLAGE_A, "address", "Jalan Baru", "residentSince", ""));
		assertThat(WebSession.location(moved)).contains("/orang-asing/" + id);

		assertThat(fiditan.get("/orang-asing/" + id).statusCode()).as("new village, same session").isEqualTo(200);
		String link = "href=\"/orang-asing/" + id + "\"";
		assertThat(fiditan.get("/orang-asing?q=" + name.replace(' ', '+')).body()).contains(link);
		assertThat(taar.get("/orang-asing/" + id).statusCode()).as("old village, same session").isEqualTo(404);
		assertThat(taar.get("/orang-asing?q=" + name.replace(' ', '+')).body()).doesNotContain(link);
		assertThat(taar.json("GET", "/api/v1/persons/" + id, null).statusCode()).isEqualTo(404);
	}

	private Set<String> routes() {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					routes.add("ANY " + pattern);
				}
				for (RequestMethod method : methods) {
					routes.add(method.name() + " " + pattern);
				}
			}
		}
		return routes;
	}

	/** The pattern with its variables filled from village B's records; each alternative of a {x:a|b} variable. */
	private List<String> concretePaths(String pattern, Subject subject) {
		Matcher variable = VARIABLE.matcher(pattern);
		if (!variable.find()) {
			return List.of(pattern);
		}
		List<String> values = new ArrayList<>();
		if (variable.group(2) != null) {
			values.addAll(List.of(variable.group(2).split("\\|")));
		}
		else {
			values.add(switch (subject) {
				case PERSON -> String.valueOf(personB);
				case REPORT -> String.valueOf(reportB);
				case REGION -> VILLAGE_B;
				case ANY -> "1";
			});
		}
		List<String> paths = new ArrayList<>();
		for (String value : values) {
			String once = pattern.substring(0, variable.start()) + value + pattern.substring(variable.end());
			paths.addAll(concretePaths(once, subject));
		}
		return paths;
	}

	private static int call(WebSession session, String method, String path) {
		if (path.startsWith("/api/")) {
			// a body every endpoint can read, so that the answer is the scope's and not the parser's
			String body = method.equals("GET") ? null
					: "{\"mergedId\": 1, \"version\": 0, \"mergedVersion\": 0, \"reason\": \"uji akses\", "
							+ "\"outcome\": \"NOT_A_FOREIGNER\", \"decision\": \"REJECT\", \"personId\": 1, "
							+ "\"namesAsHeard\": \"Uji\", \"primaryName\": \"Uji\"}";
			return session.json(method, path, body, "If-Match", "\"0\"").statusCode();
		}
		return switch (method) {
			case "GET" -> session.get(path).statusCode();
			case "POST" -> session.post(path, Map.of("version", "0", "otherVersion", "0", "mergedId", "1",
					"reason", "uji akses", "name", "Uji", "source", "OFFICER", "villageCode", VILLAGE_A,
					"namesAsHeard", "Uji", "outcome", "NOT_A_FOREIGNER", "personId", "1")).statusCode();
			default -> throw new IllegalArgumentException("no page route with " + method + ": add it to call()");
		};
	}

	private static long registerPerson(WebSession session, String name) {
		HttpResponse<String> created = session.json("POST", "/api/v1/persons",
				"{\"primaryName\": \"" + name + "\", \"sex\": \"F\", \"nationality\": \"MMR\", \"category\": \"EX_CREW\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return id(WebSession.location(created));
	}

	/** A submitted report with a photo, made through the page as the village official does. */
	private long report(WebSession session, String name) throws Exception {
		String username = name.contains("TAAR") ? "ohoi.taar" : "ohoi.fiditan";
		PantauUser official = (PantauUser) users.loadUserByUsername(username);
		byte[] png = id.pantau.TestPhotos.png();
		String redirect = mvc.perform(multipart("/laporan/baru")
				.file(new MockMultipartFile("photo", "foto.png", "image/png", png)).param("namesAsHeard", name)
				.param("submit", "true").with(user(official)).with(csrf())).andReturn().getResponse()
				.getRedirectedUrl();
		return id(redirect);
	}

	/** A report taken through the whole chain to a decision, so that it is in exports. */
	private long decided(WebSession village, String name) {
		HttpResponse<String> created = village.json("POST", "/api/v1/reports",
				"{\"namesAsHeard\": \"" + name + "\", \"clientKey\": \"" + java.util.UUID.randomUUID() + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = id(WebSession.location(created));
		String etag = village.json("POST", "/api/v1/reports/" + id + "/submit", null, "If-Match",
				created.headers().firstValue("ETag").orElseThrow()).headers().firstValue("ETag").orElseThrow();
		WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");
		etag = bpmpd.json("POST", "/api/v1/reports/" + id + "/forward", null, "If-Match", etag).headers()
				.firstValue("ETag").orElseThrow();
		HttpResponse<String> validated = WebSession.loggedIn(port, "kesbangpol").json("POST",
				"/api/v1/reports/" + id + "/validate",
				"{\"outcome\": \"NOT_A_FOREIGNER\", \"note\": \"uji ekspor\", \"views\": {}}", "If-Match", etag);
		assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
		return id;
	}

	private static long id(String location) {
		Matcher m = LOCATION_ID.matcher(location == null ? "" : location);
		assertThat(m.find()).as("an id in " + location).isTrue();
		return Long.parseLong(m.group(1));
	}
}
