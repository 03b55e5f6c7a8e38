package id.pantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.PantauIntegrationTest;
import id.pantau.SecondFactorCodes;
import id.pantau.WebSession;
import id.pantau.identity.domain.AccountSeeding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** TOTP for Imigrasi, Kesbangpol and administrators: enrolment once, a code at every login, each code used once. */
@PantauIntegrationTest
class SecondFactorIntegrationTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();
	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");
	private static final Pattern RECOVERY = Pattern.compile("<li>([a-z2-7]{5}-[a-z2-7]{5})</li>");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountSeeding seeding;

	@Test
	void thePasswordAloneOpensNothingButTheCodePage() {
		WebSession session = new WebSession(port);
		HttpResponse<String> password = session.passwordStep("kesbangpol", WebSession.DEMO_PASSWORD);
		assertThat(WebSession.location(password)).endsWith("/login/kode");

		for (String path : List.of("/", "/orang-asing", "/laporan", "/wilayah", "/akun/sandi", "/notifikasi")) {
			assertThat(WebSession.location(session.get(path))).as(path).endsWith("/login/kode");
		}
		assertThat(session.get("/orang-asing", "HX-Request", "true").headers().firstValue("HX-Redirect"))
				.hasValueSatisfying(to -> assertThat(to).endsWith("/login/kode"));
		assertThat(session.json("GET", "/api/v1/persons", null).statusCode()).isEqualTo(401);
		String page = session.get("/login/kode").body();
		assertThat(page).contains("Kode dari aplikasi autentikator").doesNotContain("id=\"totp-secret\"")
				.doesNotContain("Beranda");

		HttpResponse<String> wrong = session.post("/login/kode", Map.of("code", "000000"));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("Kode salah atau sudah dipakai");
		assertThat(WebSession.location(session.get("/"))).endsWith("/login/kode");

		HttpResponse<String> right = session.post("/login/kode",
				Map.of("code", SecondFactorCodes.nextCode("kesbangpol")));
		assertThat(WebSession.location(right)).endsWith("/");
		assertThat(session.get("/").body()).contains("Beranda Kesbangpol");
		assertThat(lastActions("kesbangpol", 4)).contains("LOGIN_PASSWORD_ACCEPTED", "TOTP_CODE_REFUSED",
				"LOGIN_SUCCEEDED");
	}

	@Test
	void aCodeIsAcceptedOnceOnly() {
		SecondFactorCodes.advance();
		String code = SecondFactorCodes.currentCode(SecondFactorCodes.DEMO_SECRET);
		WebSession first = new WebSession(port);
		first.passwordStep("imigrasi", WebSession.DEMO_PASSWORD);
		assertThat(WebSession.location(first.post("/login/kode", Map.of("code", code)))).endsWith("/");

		WebSession replay = new WebSession(port);
		replay.passwordStep("imigrasi", WebSession.DEMO_PASSWORD);
		HttpResponse<String> again = replay.post("/login/kode", Map.of("code", code));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("Kode salah atau sudah dipakai");
		assertThat(WebSession.location(replay.get("/"))).endsWith("/login/kode");
	}

	@Test
	void fiveWrongCodesEndTheAttemptAndTheNextAttemptsWait() {
		String username = "admin.tebak" + SEQUENCE.incrementAndGet();
		seeding.seed(username, "Administrator Cadangan", Role.ADMIN, Agency.PEMERINTAH_KOTA, null,
				WebSession.DEMO_PASSWORD, false);
		WebSession.loggedIn(port, username);

		WebSession session = new WebSession(port);
		session.passwordStep(username, WebSession.DEMO_PASSWORD);
		HttpResponse<String> last = null;
		for (int i = 0; i < 5; i++) {
			last = session.post("/login/kode", Map.of("code", "00000" + i));
		}
		assertThat(WebSession.location(last)).endsWith("/login?error");
		assertThat(WebSession.location(session.get("/"))).endsWith("/login");

		WebSession next = new WebSession(port);
		assertThat(WebSession.location(next.passwordStep(username, WebSession.DEMO_PASSWORD)))
				.as("the account waits from this address").contains("/login?wait=");
	}

	@Test
	void aNewOfficerEnrolsAtItsFirstLoginAndIsNeverShownTheSecretAgain() {
		String username = "imigrasi.baru" + SEQUENCE.incrementAndGet();
		seeding.seed(username, "Petugas Imigrasi Baru", Role.IMIGRASI, Agency.IMIGRASI, "81.72",
				WebSession.DEMO_PASSWORD, false);

		WebSession session = new WebSession(port);
		assertThat(WebSession.location(session.passwordStep(username, WebSession.DEMO_PASSWORD)))
				.endsWith("/login/kode");
		String page = session.get("/login/kode").body();
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).isTrue();
		String base32 = secret.group(1).replace(" ", "");
		assertThat(page).contains("otpauth://totp/Pantau:" + username + "?secret=" + base32 + "&amp;issuer=Pantau");
		assertThat(session.get("/login/kode").body()).as("the same secret until it is confirmed").contains(secret.group(1));

		SecondFactorCodes.remember(username, base32);
		HttpResponse<String> enrolled = session.post("/login/kode", Map.of("code", SecondFactorCodes.nextCode(username)));
		assertThat(enrolled.statusCode()).isEqualTo(200);
		Matcher recovery = RECOVERY.matcher(enrolled.body());
		assertThat(recovery.find()).isTrue();
		String recoveryCode = recovery.group(1);
		assertThat(session.get("/").body()).contains("Beranda Imigrasi");

		String stored = jdbc.sql("select f.secret from user_second_factor f join user_account a on a.id = f.user_id "
				+ "where a.username = ?").param(username).query(String.class).single();
		assertThat(stored).startsWith("v1:").doesNotContain(base32);
		assertThat(jdbc.sql("select count(*) from user_recovery_code c join user_account a on a.id = c.user_id "
				+ "where a.username = ? and c.code_hash = ?").param(username).param(recoveryCode).query(Long.class)
				.single()).as("recovery codes kept hashed").isZero();

		WebSession next = new WebSession(port);
		next.passwordStep(username, WebSession.DEMO_PASSWORD);
		assertThat(next.get("/login/kode").body()).doesNotContain("id=\"totp-secret\"").doesNotContain(base32)
				.doesNotContain(secret.group(1));
		assertThat(WebSession.location(next.post("/login/kode", Map.of("code", SecondFactorCodes.nextCode(username)))))
				.endsWith("/");

		WebSession lostPhone = new WebSession(port);
		lostPhone.passwordStep(username, WebSession.DEMO_PASSWORD);
		assertThat(WebSession.location(lostPhone.post("/login/kode", Map.of("code", recoveryCode)))).endsWith("/");
		WebSession reused = new WebSession(port);
		reused.passwordStep(username, WebSession.DEMO_PASSWORD);
		assertThat(reused.post("/login/kode", Map.of("code", recoveryCode)).body())
				.as("a recovery code works once").contains("Kode salah atau sudah dipakai");
		assertThat(lastActions(username, 20)).contains("TOTP_ENROLLED", "TOTP_RECOVERY_CODE_USED");
	}

	@Test
	void anAdministratorResetsALostSecondFactorAndTheUserEnrolsAgain() {
		String username = "kesbang.ponsel" + SEQUENCE.incrementAndGet();
		seeding.seed(username, "Petugas Kesbangpol", Role.KESBANGPOL, Agency.KESBANGPOL, "81.72",
				WebSession.DEMO_PASSWORD, false);
		WebSession user = WebSession.loggedIn(port, username);
		assertThat(user.get("/").statusCode()).isEqualTo(200);
		long id = jdbc.sql("select id from user_account where username = ?").param(username).query(Long.class).single();

		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		assertThat(village.post("/admin/pengguna/" + id + "/reset-totp", Map.of()).statusCode()).isEqualTo(403);

		WebSession admin = WebSession.loggedIn(port, "admin");
		assertThat(admin.get("/admin/pengguna/" + id).body()).contains("id=\"user-reset-totp\"");
		HttpResponse<String> reset = admin.post("/admin/pengguna/" + id + "/reset-totp", Map.of());
		assertThat(WebSession.location(reset)).endsWith("/admin/pengguna/" + id);
		assertThat(WebSession.location(user.get("/"))).as("its sessions ended").contains("/login");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'TOTP_RESET' and subject_id = ?")
				.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

		WebSession again = new WebSession(port);
		again.passwordStep(username, WebSession.DEMO_PASSWORD);
		assertThat(again.get("/login/kode").body()).contains("id=\"totp-secret\"");
	}

	@Test
	void rolesWithoutASecondFactorLogInWithThePassword() {
		for (String username : List.of("ohoi.fiditan", "bpmpd", "timpora.polres")) {
			assertThat(WebSession.location(new WebSession(port).passwordStep(username, WebSession.DEMO_PASSWORD)))
					.as(username).endsWith("/");
		}
	}

	private List<String> lastActions(String username, int count) {
		return jdbc.sql("select action from audit_event where actor = ? order by id desc limit ?").param(username)
				.param(count).query(String.class).list();
	}
}
