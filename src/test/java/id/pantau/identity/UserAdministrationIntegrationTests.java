package id.pantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.identity.domain.AccountSeeding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PantauIntegrationTest
class UserAdministrationIntegrationTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();
	private static final Pattern TEMPORARY = Pattern.compile("id=\"temporary-password\">([^<]+)<");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountSeeding seeding;

	@Test
	void aNewUserMustChooseItsOwnPasswordBeforeAnythingElse() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		String username = uniqueName("bpmpd.baru");
		String temporary = create(admin, username, "BPMPD", "BPMPD", "81.72").temporaryPassword;

		WebSession user = new WebSession(port);
		HttpResponse<String> login = user.login(username, temporary);
		assertThat(WebSession.location(login)).endsWith("/akun/sandi");
		assertThat(WebSession.location(user.get("/"))).endsWith("/akun/sandi");
		assertThat(WebSession.location(user.get("/wilayah"))).endsWith("/akun/sandi");

		HttpResponse<String> tooShort = user.post("/akun/sandi",
				Map.of("current", temporary, "password", "pendek", "confirmation", "pendek"));
		assertThat(tooShort.body()).contains("Kata sandi terlalu pendek: minimal 12 karakter.");
		HttpResponse<String> common = user.post("/akun/sandi",
				Map.of("current", temporary, "password", "administrator", "confirmation", "administrator"));
		assertThat(common.body()).contains("mudah ditebak");

		HttpResponse<String> changed = user.post("/akun/sandi", Map.of("current", temporary, "password",
				"angin timur di langgur", "confirmation", "angin timur di langgur"));
		assertThat(WebSession.location(changed)).endsWith("/");
		assertThat(user.get("/").body()).contains("Beranda BPMPD").contains("Kata sandi telah diganti");

		assertThat(new WebSession(port).login(username, temporary).headers().firstValue("Location").orElse(""))
				.endsWith("/login?error");
		assertThat(auditActions(username)).contains("USER_CREATED", "LOGIN_SUCCEEDED", "PASSWORD_CHANGED");
	}

	@Test
	void disablingAUserEndsItsSessionsAndRefusesItsNextLogin() {
		String username = seeded("timpora.kodim", "TIMPORA", "KODIM", "81.72");
		WebSession user = WebSession.loggedIn(port, username);
		WebSession secondDevice = WebSession.loggedIn(port, username);
		assertThat(user.get("/").statusCode()).isEqualTo(200);

		WebSession admin = WebSession.loggedIn(port, "admin");
		long id = idOf(username);
		HttpResponse<String> disabled = admin.post("/admin/pengguna/" + id + "/nonaktifkan", Map.of());
		assertThat(WebSession.location(disabled)).endsWith("/admin/pengguna/" + id);
		assertThat(admin.get("/admin/pengguna/" + id).body()).contains("Pengguna dinonaktifkan");

		assertThat(WebSession.location(user.get("/"))).contains("/login");
		assertThat(WebSession.location(secondDevice.get("/"))).contains("/login");
		assertThat(WebSession.location(new WebSession(port).login(username, WebSession.DEMO_PASSWORD)))
				.endsWith("/login?error");

		admin.post("/admin/pengguna/" + id + "/aktifkan", Map.of());
		assertThat(WebSession.location(new WebSession(port).login(username, WebSession.DEMO_PASSWORD))).endsWith("/");
		assertThat(auditActions(username)).contains("USER_DISABLED", "USER_ENABLED");
	}

	@Test
	void aPasswordResetEndsTheUsersSessionsAndGivesATemporaryPassword() {
		String username = seeded("dukcapil", "TIMPORA", "DUKCAPIL", "81.72");
		WebSession user = WebSession.loggedIn(port, username);
		WebSession admin = WebSession.loggedIn(port, "admin");
		long id = idOf(username);

		admin.post("/admin/pengguna/" + id + "/reset-sandi", Map.of());
		String page = admin.get("/admin/pengguna/" + id).body();
		Matcher temporary = TEMPORARY.matcher(page);
		assertThat(temporary.find()).isTrue();
		assertThat(admin.get("/admin/pengguna/" + id).body()).as("shown once").doesNotContain(temporary.group(1));

		assertThat(WebSession.location(user.get("/"))).contains("/login");
		assertThat(WebSession.location(new WebSession(port).login(username, WebSession.DEMO_PASSWORD)))
				.endsWith("/login?error");
		assertThat(WebSession.location(new WebSession(port).login(username, temporary.group(1))))
				.endsWith("/akun/sandi");
	}

	@Test
	void changingAUsersScopeTakesEffectAtOnce() {
		String username = seeded("ohoi.pindah", "OHOI", "PEMERINTAH_OHOI", "81.72.01.2001");
		WebSession user = WebSession.loggedIn(port, username);
		assertThat(user.get("/wilayah/81.72.01.2001").statusCode()).isEqualTo(200);

		WebSession admin = WebSession.loggedIn(port, "admin");
		long id = idOf(username);
		HttpResponse<String> saved = admin.post("/admin/pengguna/" + id, form(username, "OHOI", "PEMERINTAH_OHOI",
				"81.72.01.2002", version(id)));
		assertThat(WebSession.location(saved)).endsWith("/admin/pengguna/" + id);

		assertThat(WebSession.location(user.get("/"))).as("old session ended").contains("/login");
		WebSession again = WebSession.loggedIn(port, username);
		assertThat(again.get("/wilayah/81.72.01.2002").statusCode()).isEqualTo(200);
		assertThat(again.get("/wilayah/81.72.01.2001").statusCode()).isEqualTo(404);
	}

	@Test
	void aSecondAdministratorsStaleEditIsRefusedNotSilentlyApplied() {
		String username = seeded("kesbang.dua", "KESBANGPOL", "KESBANGPOL", "81.72");
		long id = idOf(username);
		int read = version(id);
		WebSession first = WebSession.loggedIn(port, "admin");
		WebSession second = WebSession.loggedIn(port, "admin");

		assertThat(first.post("/admin/pengguna/" + id, form(username, "KESBANGPOL", "KESBANGPOL", "81.72.01", read))
				.statusCode()).isEqualTo(302);
		HttpResponse<String> stale = second.post("/admin/pengguna/" + id,
				form(username, "KESBANGPOL", "KESBANGPOL", "81.72.05", read));
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("telah diubah orang lain");
		assertThat(scopeOf(id)).isEqualTo("81.72.01");
	}

	@Test
	void aVillageOfficialMustBeScopedToOneVillage() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		HttpResponse<String> response = admin.post("/admin/pengguna/baru",
				form(uniqueName("ohoi.luas"), "OHOI", "PEMERINTAH_OHOI", "81.72", null));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Petugas ohoi harus bertugas di satu desa/kelurahan.");
	}

	@Test
	void fieldsOutsideTheFormCannotBeSet() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		String username = uniqueName("tanpa.sisip");
		Map<String, String> fields = form(username, "BPMPD", "BPMPD", "81.72", null);
		fields.put("enabled", "false");
		fields.put("mustChangePassword", "false");
		fields.put("passwordHash", "{noop}sisipan");
		fields.put("id", "1");
		assertThat(admin.post("/admin/pengguna/baru", fields).statusCode()).isEqualTo(302);
		Map<String, Object> row = jdbc.sql("select * from user_account where username = :u").param("u", username)
				.query().singleRow();
		assertThat(row.get("enabled")).isEqualTo(true);
		assertThat(row.get("must_change_password")).isEqualTo(true);
		assertThat((String) row.get("password_hash")).startsWith("{bcrypt}");
		assertThat(row.get("id")).isNotEqualTo(1L);
	}

	@Test
	void aRegionalAdministratorManagesOnlyUsersWithinItsRegion() {
		String regionalAdmin = seeded("admin.dullah", "ADMIN", "PEMERINTAH_KOTA", "81.72.01");
		WebSession admin = WebSession.loggedIn(port, regionalAdmin);
		String list = admin.get("/admin/pengguna").body();
		assertThat(list).contains("ohoi.fiditan").doesNotContain("ohoi.taar").doesNotContain(">kesbangpol<");
		assertThat(admin.get("/admin/pengguna/" + idOf("ohoi.taar")).statusCode()).isEqualTo(404);
		assertThat(admin.get("/admin/pengguna/" + idOf("ohoi.fiditan")).statusCode()).isEqualTo(200);

		HttpResponse<String> outside = admin.post("/admin/pengguna/baru",
				form(uniqueName("bpmpd.luar"), "BPMPD", "BPMPD", "81.72", null));
		assertThat(outside.body()).contains("Anda hanya dapat memberi wilayah tugas di dalam wilayah Anda sendiri.");
	}

	private record CreatedUser(long id, String temporaryPassword) {
	}

	private CreatedUser create(WebSession admin, String username, String role, String agency, String scope) {
		HttpResponse<String> created = admin.post("/admin/pengguna/baru", form(username, role, agency, scope, null));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String location = WebSession.location(created);
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		Matcher temporary = TEMPORARY.matcher(admin.get("/admin/pengguna/" + id).body());
		assertThat(temporary.find()).isTrue();
		return new CreatedUser(id, temporary.group(1));
	}

	private String seeded(String prefix, String role, String agency, String scope) {
		String username = uniqueName(prefix);
		seeding.seed(username, "Uji " + username, Role.valueOf(role), Agency.valueOf(agency), scope,
				WebSession.DEMO_PASSWORD, false);
		return username;
	}

	private static Map<String, String> form(String username, String role, String agency, String scope,
			Integer version) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("fullName", "Nama " + username);
		form.put("email", "");
		form.put("role", role);
		form.put("agency", agency);
		form.put("scopeCode", scope);
		if (version != null) {
			form.put("version", version.toString());
		}
		return form;
	}

	private static String uniqueName(String prefix) {
		return prefix + "." + SEQUENCE.incrementAndGet();
	}

	private long idOf(String username) {
		return jdbc.sql("select id from user_account where username = :u").param("u", username).query(Long.class)
				.single();
	}

	private int version(long id) {
		return jdbc.sql("select version from user_account where id = :id").param("id", id).query(Integer.class)
				.single();
	}

	private String scopeOf(long id) {
		return jdbc.sql("select scope_code from user_account where id = :id").param("id", id).query(String.class)
				.single();
	}

	private java.util.List<String> auditActions(String username) {
		return jdbc.sql("select action from audit_event where actor = :u or details like :d order by id")
				.param("u", username).param("d", "%\"username\":\"" + username + "\"%").query(String.class).list();
	}
}
