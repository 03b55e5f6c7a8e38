package id.pantau.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import id.pantau.PantauApplication;
import id.pantau.platform.PantauCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code demo-data} as {@code java -jar pantau.jar demo-data} runs it (a context without a web server), on a
 * throw-away embedded PostgreSQL with no demo accounts. The tests run in order: the refusal comes last, once a
 * person entered by a user is in the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataCommandIntegrationTests {

	private static ConfigurableApplicationContext context;
	private static PantauCommand command;
	private static JdbcClient jdbc;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(PantauApplication.class).web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF).logStartupInfo(false)
				.properties("pantau.db.embedded.ephemeral=true", "pantau.command=demo-data", "logging.level.root=WARN")
				.run();
		command = context.getBeansOfType(PantauCommand.class).values().stream()
				.filter(c -> c.name().equals("demo-data")).findFirst().orElseThrow();
		jdbc = context.getBean(JdbcClient.class);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	@Order(1)
	void fillsAnEmptyDatabaseWithTheAskedNumberOfRowsOfEveryKind() {
		Run run = run("--persons", "2000", "--crossings", "20000", "--reports", "400", "--alerts", "150", "--seed", "7");

		assertThat(run.code()).as(run.output()).isZero();
		assertThat(count("person")).isEqualTo(2000);
		assertThat(count("crossing")).isEqualTo(20000);
		assertThat(count("village_report")).isEqualTo(400);
		assertThat(count("alert")).isEqualTo(150);
		assertThat(count("person_name")).isGreaterThan(2000);
		assertThat(count("travel_document")).isGreaterThan(1000);
		assertThat(count("stay_permit")).isGreaterThan(1000);
		assertThat(count("vessel_assignment")).isGreaterThan(500);
		assertThat(count("report_event")).isGreaterThan(400);
		assertThat(count("periodic_report")).isGreaterThan(30 * 8);
		assertThat(count("match_case where state = 'PENDING'")).isPositive();
		assertThat(run.output()).contains("crossing", "baris/detik", "heap puncak");
	}

	@Test
	@Order(2)
	void linksAShareOfCrossingsToTheirPersonsUnderThePersonsOwnNameDocumentAndNationality() {
		long linked = count("crossing where person_id is not null");
		assertThat(linked).isBetween(20000L * 25 / 100, 20000L * 45 / 100);
		assertThat(count("""
				crossing c join person p on p.id = c.person_id
				where c.full_name <> p.primary_name
				   or c.nationality <> coalesce(p.nationality, p.claimed_nationality)
				   or not exists (select 1 from travel_document d where d.person_id = p.id and d.number_key = c.document_key)
				   or p.status = 'MERGED'""")).isZero();
		assertThat(count("match_case m join crossing c on c.id = m.record_id and c.person_id = m.person_id"
				+ " where m.record_kind = 'CROSSING' and m.state = 'LINKED'")).isEqualTo(linked);
		assertThat(count("crossing c where not exists (select 1 from import_batch b where b.id = c.batch_id)")).isZero();
		assertThat(count("match_case m where m.record_kind = 'REPORT'"
				+ " and not exists (select 1 from village_report r where r.id = m.record_id)")).isZero();
	}

	@Test
	@Order(3)
	void setsTheScopeOfEveryRowThatHasOne() {
		assertThat(count("person p where p.region_code is not null and not exists (select 1 from residence r"
				+ " where r.person_id = p.id and r.region_code = p.region_code and r.until is null)")).isZero();
		assertThat(count("person where region_code is null")).isLessThan(2000 / 10);
		assertThat(count("village_report r where not exists (select 1 from region g where g.code = r.village_code"
				+ " and g.level = 'VILLAGE' and g.code like '81.72.%')")).isZero();
		assertThat(count("village_report r join person p on p.id = r.person_id where p.region_code <> r.village_code"))
				.isZero();
		assertThat(count("match_case where record_kind = 'REPORT' and region_code is null")).isZero();
		assertThat(count("alert a join person p on p.id = a.person_id"
				+ " where a.region_code is distinct from p.region_code")).isZero();
		assertThat(count("alert where subject_type = 'VILLAGE' and region_code is null")).isZero();
	}

	@Test
	@Order(4)
	void addsToADatabaseThatHoldsOnlyDemoDataWithoutForce() {
		Run run = run("--persons", "100", "--crossings", "500", "--reports", "20", "--seed", "8");

		assertThat(run.code()).as(run.output()).isZero();
		assertThat(count("person")).isEqualTo(2100);
		assertThat(count("crossing")).isEqualTo(20500);
	}

	@Test
	@Order(5)
	void refusesUnknownVillageCodes() {
		Run run = run("--persons", "10", "--villages", "81.72.01.2001,99.99.99.9999");

		assertThat(run.code()).isEqualTo(2);
		assertThat(run.output()).contains("99.99.99.9999");
		assertThat(count("person")).isEqualTo(2100);
	}

	@Test
	@Order(6)
	void refusesADatabaseWithDataEnteredByUsersUnlessForced() {
		jdbc.sql("""
				insert into person (primary_name, sex, category, status, created_at, created_by, updated_at, updated_by,
				  version) values ('SOMEONE REAL', 'M', 'WORKER', 'PRESENT', now(), 'kesbangpol', now(), 'kesbangpol', 0)""")
				.update();

		Run refused = run("--persons", "10", "--crossings", "10", "--reports", "0");

		assertThat(refused.code()).isEqualTo(1);
		assertThat(refused.output()).contains("Ditolak", "1 orang asing yang dicatat pengguna", "--force");
		assertThat(count("person")).isEqualTo(2101);

		Run forced = run("--persons", "10", "--crossings", "10", "--reports", "0", "--force");

		assertThat(forced.code()).as(forced.output()).isZero();
		assertThat(count("person")).isEqualTo(2111);
	}

	private record Run(int code, String output) {
	}

	private static Run run(String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream printed = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		int code = command.run(List.of(args), printed, printed);
		return new Run(code, bytes.toString(StandardCharsets.UTF_8));
	}

	private static long count(String from) {
		return jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}
}
