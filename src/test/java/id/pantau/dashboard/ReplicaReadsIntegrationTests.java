package id.pantau.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reads that may lag go to the read replica of {@code pantau.db.replica.url}, and back to the primary when the
 * replica is down. The "replica" here is a second embedded PostgreSQL with Pantau's schema that nothing replicates
 * to: what the application writes reaches the primary only, so the replica's rows lag as a real one's would, and
 * whatever the pages count can be told apart by where it came from. Its search path puts a schema first whose
 * {@code pg_is_in_recovery()}, {@code pg_last_wal_replay_lsn()} and {@code pg_last_xact_replay_timestamp()} answer
 * as a standby 20 seconds behind does (a real streaming replica is built by deploy/province).
 */
@PantauIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class ReplicaReadsIntegrationTests {

	static final String FIDITAN = "81.72.01.2001";

	static final String MARK = "REPLIKA-UJI";

	static EmbeddedPostgres replica;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient primary;

	@DynamicPropertySource
	static void replica(DynamicPropertyRegistry registry) throws Exception {
		replica = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setServerConfig("timezone", "UTC").start();
		DataSource plain = replica.getPostgresDatabase();
		Flyway.configure().dataSource(plain).locations("classpath:db/migration").load().migrate();
		JdbcClient.create(plain).sql("""
				create schema standby;
				create function standby.pg_is_in_recovery() returns boolean language sql as 'select true';
				create function standby.pg_last_wal_replay_lsn() returns pg_lsn language sql as 'select ''0/1''::pg_lsn';
				create function standby.pg_last_xact_replay_timestamp() returns timestamptz language sql
				  as 'select now() - interval ''20 seconds''';
				""").update();
		registry.add("pantau.db.replica.url", () -> "jdbc:postgresql://localhost:" + replica.getPort()
				+ "/postgres?user=postgres&currentSchema=standby,pg_catalog,public");
		registry.add("pantau.db.replica.connect-timeout", () -> "1s");
	}

	@AfterAll
	static void stopReplica() throws Exception {
		if (replica != null) {
			replica.close();
		}
	}

	/** The replica holds Kota Tual's regions (copied from the primary) and three present persons of its own. */
	private void fillReplica() {
		JdbcClient copy = JdbcClient.create(replica.getPostgresDatabase());
		if (copy.sql("select count(*) from person where notes = :mark").param("mark", MARK).query(Long.class)
				.single() > 0) {
			return;
		}
		for (Map<String, Object> region : primary.sql("select code, parent_code, level, name, village_type from region"
				+ " order by length(code), code").query().listOfRows()) {
			copy.sql("""
					insert into region (code, parent_code, level, name, village_type)
					values (:code, :parent_code, :level, :name, :village_type) on conflict do nothing""")
					.params(region).update();
		}
		Timestamp now = Timestamp.from(Instant.now());
		for (String name : List.of("Jon Replikason", "Gudrun Replikadottir", "Einar Replikason")) {
			copy.sql("""
					insert into person (primary_name, nationality, category, status, region_code, notes, created_at,
					  created_by, updated_at, updated_by, version)
					values (:name, 'ISL', 'WORKER', 'PRESENT', :village, :mark, :now, 'test', :now, 'test', 0)""")
					.param("name", name).param("village", FIDITAN).param("mark", MARK).param("now", now).update();
		}
	}

	private static long present(String page) {
		Matcher m = Pattern.compile("id=\"fig-present\".*?dash-value\">(\\d+)<", Pattern.DOTALL).matcher(page);
		assertThat(m.find()).as("the present figure on the page").isTrue();
		return Long.parseLong(m.group(1));
	}

	private long presentOnPrimary() {
		return primary.sql("select count(*) from person_read where status = 'PRESENT' and (region_code is null"
				+ " or region_code like '81.72.%')").query(Long.class).single();
	}

	@Test
	@Order(1)
	void dashboardMapAndRecapReadTheReplicaAndSayHowFarBehindItIs() {
		fillReplica();
		assertThat(presentOnPrimary()).as("the demo data on the primary").isNotEqualTo(3);
		WebSession bpmpd = WebSession.loggedIn(port, "bpmpd");

		String home = bpmpd.get("/").body();
		assertThat(present(home)).as("the replica's three persons, not the primary's").isEqualTo(3);
		assertThat(home).contains("id=\"replica-lag\"").containsPattern(
				"Data per \\d\\d:\\d\\d:\\d\\d WIT \\(tertinggal (19|20|21) detik dari server utama\\)");

		String map = bpmpd.get("/peta/data").body();
		assertThat(map).contains("\"present\":3");
		assertThat(bpmpd.get("/peta").body()).contains("id=\"replica-lag\"");

		long audited = primary.sql("select count(*) from audit_event where action = 'RECAP_DOWNLOADED'")
				.query(Long.class).single();
		HttpResponse<byte[]> pdf = bpmpd.getBytes("/rekap/unduh?format=pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(primary.sql(
				"select count(*) from audit_event where action = 'RECAP_DOWNLOADED'").query(Long.class).single())
				.as("the download's audit entry is written on the primary").isEqualTo(audited + 1));
		assertThat(JdbcClient.create(replica.getPostgresDatabase()).sql("select count(*) from audit_event")
				.query(Long.class).single()).as("nothing is written on the replica").isZero();
		assertThat(bpmpd.get("/rekap").body()).contains("id=\"replica-lag\"");

		// the inbox is no lagging read: BPMPD's report list counts the primary's reports
		assertThat(bpmpd.get("/laporan").statusCode()).isEqualTo(200);

		bpmpd.get("/?lang=en");
		assertThat(bpmpd.get("/").body()).containsPattern("Data as of \\d\\d:\\d\\d:\\d\\d WIT \\(\\d+ seconds behind");
		bpmpd.get("/?lang=id");
	}

	@Test
	@Order(2)
	void whenTheReplicaIsDownTheFiguresComeFromThePrimaryAndThatIsLoggedOnce(CapturedOutput output) throws Exception {
		WebSession kesbangpol = WebSession.loggedIn(port, "bpmpd");
		replica.close();
		replica = null;

		HttpResponse<String> first = kesbangpol.get("/");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(present(first.body())).as("the primary's figure").isEqualTo(presentOnPrimary());
		assertThat(first.body()).doesNotContain("id=\"replica-lag\"");
		assertThat(kesbangpol.get("/peta/data").statusCode()).isEqualTo(200);
		assertThat(kesbangpol.get("/rekap").statusCode()).isEqualTo(200);
		assertThat(present(kesbangpol.get("/").body())).isEqualTo(presentOnPrimary());

		assertThat(Pattern.compile("Replika basis data tidak terjangkau").matcher(output.getAll()).results().count())
				.as("logged once, not per request").isEqualTo(1);
	}
}
