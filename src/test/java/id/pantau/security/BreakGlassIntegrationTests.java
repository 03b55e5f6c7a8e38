package id.pantau.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import id.pantau.identity.domain.AccountSeeding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An Imigrasi officer reads outside its scope only with a stated reason, audited; nobody else ever does. */
@PantauIntegrationTest
class BreakGlassIntegrationTests {

	private static final String REASON = "Pemeriksaan dugaan overstay, surat Kakanim Tual W.27.IMI.4-UM.01.01-1234";

	@LocalServerPort
	int port;

	@Autowired
	AccountSeeding seeding;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anImmigrationOfficerReadsOutsideItsScopeOnlyWithAnAuditedReason() {
		String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase().replaceAll("\\d", "Q");
		String name = "YOLANDA DILUARWILAYAH " + suffix;
		long id = register(WebSession.loggedIn(port, "ohoi.taar"), name);
		String officer = "imigrasi.kei" + suffix.toLowerCase();
		seeding.seed(officer, "Petugas Imigrasi Kei Kecil", Role.IMIGRASI, Agency.IMIGRASI, "81.72.01",
				WebSession.DEMO_PASSWORD, false);
		WebSession session = WebSession.loggedIn(port, officer);
		String link = "href=\"/orang-asing/" + id + "\"";

		assertThat(session.get("/orang-asing/" + id).statusCode()).isEqualTo(404);
		assertThat(session.get("/orang-asing?q=" + suffix).body()).doesNotContain(link).contains("id=\"break-glass\"");

		HttpResponse<String> noReason = session.post("/akses-luar-wilayah", Map.of("reason", "perlu"));
		assertThat(WebSession.location(noReason)).endsWith("/orang-asing");
		assertThat(session.get("/orang-asing/" + id).statusCode()).as("a reason is required").isEqualTo(404);

		assertThat(WebSession.location(session.post("/akses-luar-wilayah", Map.of("reason", REASON))))
				.endsWith("/orang-asing");
		String search = session.get("/orang-asing?q=" + suffix).body();
		assertThat(search).contains(link).contains("id=\"break-glass-banner\"").contains(REASON);
		assertThat(session.get("/orang-asing?q=" + suffix, "HX-Request", "true").body()).contains(link);
		assertThat(session.get("/orang-asing/" + id).statusCode()).isEqualTo(200);
		assertThat(session.json("GET", "/api/v1/persons/" + id, null).statusCode()).isEqualTo(200);
		String version = session.json("GET", "/api/v1/persons/" + id, null).headers().firstValue("ETag")
				.orElseThrow().replace("\"", "");
		assertThat(session.post("/orang-asing/" + id + "/nama",
				Map.of("version", version, "name", "NAMA LAIN", "source", "OFFICER")).statusCode())
				.as("reads only: a change outside the scope is still refused").isEqualTo(404);

		// the reason is free text (it may name a person): the trail keeps its length and a keyed hash, the same on
		// the start and on every access under it, so a reason written down elsewhere can be matched (issue 16)
		List<Map<String, Object>> trail = jdbc.sql("""
				select action, details::jsonb->>'reasonHash' as reason, details::jsonb->>'path' as path,
				  details as details from audit_event
				where actor = ? order by id""").param(officer).query().listOfRows();
		String reasonHash = trail.stream().filter(row -> "BREAK_GLASS_STARTED".equals(row.get("action")))
				.map(row -> (String) row.get("reason")).findFirst().orElseThrow();
		assertThat(reasonHash).matches("[0-9a-f]{16}");
		assertThat(trail).anySatisfy(row -> assertThat(row).containsEntry("action", "BREAK_GLASS_ACCESS")
				.containsEntry("reason", reasonHash).containsEntry("path", "/orang-asing/" + id));
		assertThat(trail).allSatisfy(row -> assertThat(row.get("details").toString()).doesNotContain(REASON));
		assertThat(trail).anySatisfy(row -> assertThat(row).containsEntry("action", "PERSON_VIEWED"));

		session.post("/akses-luar-wilayah/akhiri", Map.of());
		assertThat(session.get("/orang-asing/" + id).statusCode()).as("ended").isEqualTo(404);
		assertThat(WebSession.loggedIn(port, officer).get("/orang-asing/" + id).statusCode())
				.as("another session of the same officer never had it").isEqualTo(404);
	}

	@Test
	void noOtherRoleCanBreakTheGlass() {
		String kecamatan = "kesbang.kei" + System.nanoTime() % 100000;
		seeding.seed(kecamatan, "Kesbangpol Kei Kecil", Role.KESBANGPOL, Agency.KESBANGPOL, "81.72.01",
				WebSession.DEMO_PASSWORD, false);
		for (String username : List.of("ohoi.fiditan", "bpmpd", "timpora.polres", "admin", kecamatan)) {
			WebSession session = WebSession.loggedIn(port, username);
			assertThat(session.post("/akses-luar-wilayah", Map.of("reason", REASON)).statusCode()).as(username)
					.isEqualTo(403);
		}
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").get("/orang-asing").body())
				.doesNotContain("id=\"break-glass\"");
	}

	private static long register(WebSession session, String name) {
		HttpResponse<String> created = session.json("POST", "/api/v1/persons",
				"{\"primaryName\": \"" + name + "\", \"sex\": \"M\", \"nationality\": \"THA\", \"category\": \"EX_CREW\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Matcher m = Pattern.compile("/(\\d+)$").matcher(WebSession.location(created));
		assertThat(m.find()).isTrue();
		return Long.parseLong(m.group(1));
	}
}
