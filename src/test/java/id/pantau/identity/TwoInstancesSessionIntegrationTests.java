package id.pantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.zaxxer.hikari.HikariDataSource;
import id.pantau.PantauApplication;
import id.pantau.PantauIntegrationTest;
import id.pantau.SecondFactorCodes;
import id.pantau.TestClock;
import id.pantau.WebSession;
import id.pantau.identity.domain.AccountSeeding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Two instances of Pantau on one database, as behind a load balancer: the test's own (A) and a second web application
 * started on A's PostgreSQL (B). A browser's cookie is the same whichever answers; nothing about a signed-in user may
 * depend on which one does.
 */
@PantauIntegrationTest
class TwoInstancesSessionIntegrationTests {

	private static final String REASON = "Pemeriksaan dokumen ABK kapal ikan, surat Kakanim Tual W.27.IMI.4-UM.01.01-7781";

	private static ConfigurableApplicationContext second;
	private static int portB;

	@LocalServerPort
	int portA;

	@Autowired
	AccountSeeding seeding;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startTheSecondInstance(@Autowired ApplicationContext first) {
		HikariDataSource pool = first.getBeansOfType(HikariDataSource.class).values().stream()
				.filter(p -> "pantau".equals(p.getPoolName())).findFirst().orElseThrow();
		// arguments, as on a command line: they take precedence over application.properties
		second = new SpringApplicationBuilder(PantauApplication.class, TestClock.Configuration.class,
				SecondFactorCodes.Clock.class).profiles("test").bannerMode(Banner.Mode.OFF).logStartupInfo(false)
				.run("--pantau.db.url=" + pool.getJdbcUrl(), "--pantau.db.user=" + pool.getUsername(),
						"--pantau.db.password=" + pool.getPassword(), "--pantau.db.pool-size=4",
						// as the first instance: the demo accounts' published password is theirs (the data is there)
						"--pantau.demo=true",
						// the events the first instance has not completed yet are its own to finish
						"--spring.modulith.events.republish-outstanding-events-on-restart=false");
		portB = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@AfterAll
	static void stopTheSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void aSessionSignedInWithItsSecondFactorOnOneInstanceReadsPersonalDataOnTheOther() {
		String officer = seeded("kesbangpol.dua", Role.KESBANGPOL, Agency.KESBANGPOL);
		WebSession onA = WebSession.loggedIn(portA, officer);
		WebSession onB = onA.at(portB);
		Map<String, Object> person = jdbc.sql("""
				select id, primary_name from person where region_code like '81.72%' and merged_into is null
				order by id limit 1""").query().singleRow();

		HttpResponse<String> page = onB.get("/orang-asing/" + person.get("id"));

		assertThat(page.statusCode()).as(WebSession.location(page)).isEqualTo(200);
		assertThat(page.body()).contains(HtmlUtils.htmlEscape((String) person.get("primary_name")));
		// a form rendered by B is accepted by A: the CSRF token is the session's, not the instance's
		HttpResponse<String> logout = onA.postRaw("/logout", Map.of("_csrf", onB.csrfToken()));
		assertThat(WebSession.location(logout)).endsWith("/login?logout");
		assertThat(WebSession.location(onB.get("/"))).as("signed out on B too").endsWith("/login");
	}

	@Test
	void disablingAnAccountOnOneInstanceEndsItsSessionOnTheOther() {
		String officer = seeded("kesbangpol.tiga", Role.KESBANGPOL, Agency.KESBANGPOL);
		WebSession user = WebSession.loggedIn(portA, officer).at(portB);
		assertThat(user.get("/orang-asing").statusCode()).isEqualTo(200);

		WebSession admin = WebSession.loggedIn(portA, "admin");
		long id = jdbc.sql("select id from user_account where username = ?").param(officer).query(Long.class).single();
		admin.post("/admin/pengguna/" + id + "/nonaktifkan", Map.of());

		HttpResponse<String> refused = user.get("/orang-asing");
		assertThat(WebSession.location(refused)).endsWith("/login?expired");
		assertThat(user.get("/login?expired").body()).contains("Sesi Anda telah diakhiri");
		assertThat(WebSession.location(user.at(portA).get("/orang-asing"))).contains("/login");
	}

	@Test
	void aBreakGlassReasonGivenOnOneInstanceHoldsOnTheOtherUntilEndedThere() {
		String officer = seeded("imigrasi.dua", Role.IMIGRASI, Agency.IMIGRASI);
		WebSession onA = WebSession.loggedIn(portA, officer);
		WebSession onB = onA.at(portB);
		assertThat(onB.get("/orang-asing").body()).doesNotContain("id=\"break-glass-banner\"");

		onA.post("/akses-luar-wilayah", Map.of("reason", REASON));
		assertThat(onB.get("/orang-asing").body()).contains("id=\"break-glass-banner\"").contains(REASON);

		onB.post("/akses-luar-wilayah/akhiri", Map.of());
		assertThat(onA.get("/orang-asing").body()).doesNotContain("id=\"break-glass-banner\"");
	}

	@Test
	void wrongPasswordsOnBothInstancesCountTogether() {
		String user = seeded("timpora.dua", Role.TIMPORA, Agency.POLRES);
		String address = address();
		WebSession browser = new WebSession(portA);
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> wrong = login(i % 2 == 0 ? browser : browser.at(portB), user, "tebakan-" + i, address);
			assertThat(WebSession.location(wrong)).as("attempt %d", i + 1).endsWith("/login?error");
		}
		assertThat(WebSession.location(login(browser, user, WebSession.DEMO_PASSWORD, address))).contains("/login?wait=");
		assertThat(WebSession.location(login(browser.at(portB), user, WebSession.DEMO_PASSWORD, address)))
				.contains("/login?wait=");
	}

	@Test
	void aLoginOnOneInstanceClearsTheFailuresTheOtherCounted() {
		String user = seeded("timpora.tiga", Role.TIMPORA, Agency.POLRES);
		String address = address();
		WebSession onA = new WebSession(portA);
		for (int i = 0; i < 4; i++) {
			login(onA, user, "tebakan-" + i, address);
		}
		assertThat(WebSession.location(login(new WebSession(portB), user, WebSession.DEMO_PASSWORD, address)))
				.endsWith("/");
		for (int i = 0; i < 4; i++) {
			login(onA, user, "lagi-" + i, address);
		}
		assertThat(WebSession.location(login(new WebSession(portA), user, WebSession.DEMO_PASSWORD, address)))
				.as("4 failures since the login, not 8").endsWith("/");
	}

	private String seeded(String prefix, Role role, Agency agency) {
		String username = prefix + "." + ThreadLocalRandom.current().nextInt(1_000_000);
		seeding.seed(username, "Uji dua instans " + username, role, agency, "81.72", WebSession.DEMO_PASSWORD, false);
		return username;
	}

	/** An address of the test's own (through the trusted proxy's header), so its failures hold back no other test. */
	private static String address() {
		return "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
	}

	private static HttpResponse<String> login(WebSession browser, String username, String password, String address) {
		return browser.postWithHeader("/login",
				Map.of("username", username, "password", password, "_csrf", browser.csrfToken()), "X-Forwarded-For",
				address);
	}
}
