package id.pantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import id.pantau.PantauIntegrationTest;
import id.pantau.TokenClient;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PantauIntegrationTest
class ApiClientIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorIssuesAClientWhoseTokenShowsOnceAndIsKeptOnlyAsItsHash() throws Exception {
		WebSession admin = WebSession.loggedIn(port, "admin");
		String name = "mitra-" + unique();
		TokenClient.Issued issued = TokenClient.issue(admin, name, "PARTNER", "KESBANGPOL", "81.72");

		assertThat(issued.token()).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
		Map<String, Object> stored = jdbc.sql("select * from api_client where id = :id").param("id", issued.id())
				.query().singleRow();
		assertThat(stored.get("token_hash")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(issued.token().getBytes(StandardCharsets.UTF_8))));
		assertThat(stored.get("token_prefix")).isEqualTo(issued.token().substring(0, 8));
		assertThat(stored.values()).as("the token itself is stored nowhere").doesNotContain(issued.token());
		assertThat(stored.get("role")).isEqualTo("KESBANGPOL");
		assertThat(stored.get("scope_code")).isEqualTo("81.72");

		String again = admin.get("/admin/api/" + issued.id()).body();
		assertThat(TokenClient.tokenOn(again)).as("shown once").isNull();
		assertThat(again).contains(issued.token().substring(0, 8) + "…");
		assertThat(admin.get("/admin/api").body()).contains(name).contains("Sistem instansi mitra");
		assertThat(actions(issued.id())).contains("API_CLIENT_CREATED");
		assertThat(jdbc.sql("select details from audit_event where action = 'API_CLIENT_CREATED' and subject_id = :id")
				.param("id", Long.toString(issued.id())).query(String.class).single())
				.doesNotContain(issued.token());

		assertThat(new TokenClient(port, issued.token()).get("/api/v1/changes?limit=1").statusCode()).isEqualTo(200);
	}

	@Test
	void aWrongTokenIsAnsweredWithAProblemDetailInIndonesian() throws Exception {
		for (String token : new String[] { "bukan-token-yang-benar-sama-sekali-0123456789abcdef", "x", "" }) {
			HttpResponse<String> response = new TokenClient(port, token).get("/api/v1/changes");
			assertThat(response.statusCode()).as(token).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
					value -> assertThat(value).startsWith("Bearer"));
			JsonNode problem = JSON.readTree(response.body());
			assertThat(problem.get("status").asInt()).isEqualTo(401);
			assertThat(problem.get("detail").asString()).isEqualTo(
					"Token API tidak dikenal, sudah diganti, atau kliennya dinonaktifkan.");
			assertThat(response.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
		}
	}

	@Test
	void aDisabledClientsTokenIsRefused() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		TokenClient.Issued issued = TokenClient.issue(admin, "feed-" + unique(), "IMIGRASI_FEED", "IMIGRASI", "");
		TokenClient client = new TokenClient(port, issued.token());
		assertThat(client.get("/api/v1/crossings").statusCode()).isEqualTo(200);

		HttpResponse<String> disabled = admin.post("/admin/api/" + issued.id() + "/nonaktifkan", Map.of());
		assertThat(WebSession.location(disabled)).endsWith("/admin/api/" + issued.id());
		assertThat(admin.get("/admin/api/" + issued.id()).body()).contains("Klien API dinonaktifkan");

		assertThat(client.get("/api/v1/crossings").statusCode()).isEqualTo(401);
		assertThat(actions(issued.id())).contains("API_CLIENT_DISABLED");
	}

	@Test
	void rotatingShowsANewTokenOnceAndRefusesTheOldOne() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		TokenClient.Issued issued = TokenClient.issue(admin, "feed-" + unique(), "IMIGRASI_FEED", "IMIGRASI", "81");

		HttpResponse<String> rotated = admin.post("/admin/api/" + issued.id() + "/token-baru", Map.of());
		assertThat(WebSession.location(rotated)).endsWith("/admin/api/" + issued.id());
		String fresh = TokenClient.tokenOn(admin.get("/admin/api/" + issued.id()).body());
		assertThat(fresh).isNotNull().isNotEqualTo(issued.token());

		assertThat(new TokenClient(port, issued.token()).get("/api/v1/crossings").statusCode()).isEqualTo(401);
		assertThat(new TokenClient(port, fresh).get("/api/v1/crossings").statusCode()).isEqualTo(200);
		assertThat(actions(issued.id())).contains("API_CLIENT_TOKEN_ROTATED");
	}

	@Test
	void lastUseIsWrittenAtMostOnceAMinute() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		TokenClient.Issued issued = TokenClient.issue(admin, "mitra-" + unique(), "PARTNER", "TIMPORA", "81.72");
		assertThat(lastUsed(issued.id())).isNull();
		TokenClient client = new TokenClient(port, issued.token());

		client.get("/api/v1/changes?limit=1");
		Instant first = lastUsed(issued.id());
		assertThat(first).isNotNull();
		client.get("/api/v1/changes?limit=1");
		assertThat(lastUsed(issued.id())).as("not again within the minute").isEqualTo(first);

		jdbc.sql("update api_client set last_used_at = last_used_at - interval '2 minutes' where id = :id")
				.param("id", issued.id()).update();
		client.get("/api/v1/changes?limit=1");
		assertThat(lastUsed(issued.id())).isAfterOrEqualTo(first);
	}

	@Test
	void aClientReachesOnlyTheEndpointsOpenedToClients() throws Exception {
		TokenClient partner = new TokenClient(port, TokenClient.issue(WebSession.loggedIn(port, "admin"),
				"mitra-" + unique(), "PARTNER", "KESBANGPOL", "81.72").token());
		HttpResponse<String> persons = partner.get("/api/v1/persons");
		assertThat(persons.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(persons.body()).get("detail").asString())
				.isEqualTo("Peran Anda tidak boleh melakukan ini.");
		assertThat(partner.get("/api/v1/reports").statusCode()).isEqualTo(403);
		assertThat(partner.get("/admin/api").statusCode()).as("outside /api a token means nothing")
				.isEqualTo(302);
	}

	@Test
	void theFormRefusesARoleThatDoesNotFitTheKindAndAScopeNarrowerThanARegency() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		String wrongRole = admin.post("/admin/api/baru", Map.of("name", "salah-" + unique(), "kind", "IMIGRASI_FEED",
				"role", "KESBANGPOL", "scopeCode", "")).body();
		assertThat(wrongRole).contains("Peran ini tidak sesuai dengan jenis klien");
		String narrow = admin.post("/admin/api/baru", Map.of("name", "sempit-" + unique(), "kind", "PARTNER",
				"role", "TIMPORA", "scopeCode", "81.72.01")).body();
		assertThat(narrow).contains("Wilayah klien API minimal satu kabupaten/kota.");
		String badName = admin.post("/admin/api/baru", Map.of("name", "a b", "kind", "PARTNER", "role", "TIMPORA",
				"scopeCode", "")).body();
		assertThat(badName).contains("3 sampai 40 karakter");
		assertThat(TokenClient.tokenOn(wrongRole + narrow + badName)).isNull();
	}

	@Test
	void onlyAnAdministratorManagesClients() {
		assertThat(WebSession.loggedIn(port, "kesbangpol").get("/admin/api").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "imigrasi").get("/admin/api/baru").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "admin").get("/admin/api").body()).contains("Klien API");
	}

	@Test
	void theApiIsDescribedWithItsTokenScheme() {
		String document = WebSession.loggedIn(port, "imigrasi").json("GET", "/v3/api-docs", null).body();
		assertThat(document).contains("/api/v1/crossings").contains("/api/v1/changes").contains("\"bearerAuth\"")
				.contains("\"scheme\":\"bearer\"").contains("at-least-once").contains("CrossingInput");
	}

	private String actions(long clientId) {
		return String.join(",", jdbc.sql("""
				select action from audit_event where subject_type = 'API_CLIENT' and subject_id = :id order by id""")
				.param("id", Long.toString(clientId)).query(String.class).list());
	}

	private Instant lastUsed(long clientId) {
		return jdbc.sql("select last_used_at from api_client where id = :id").param("id", clientId)
				.query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
				.single().orElse(null);
	}

	private static String unique() {
		return Long.toString(System.nanoTime() % 1_000_000_000L);
	}
}
