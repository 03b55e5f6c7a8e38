package id.pantau.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.PantauIntegrationTest;
import id.pantau.SecondFactorCodes;
import id.pantau.WebSession;
import id.pantau.detection.DetectionRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A province in one deployment (the {@code province} profile): Maluku's eleven regencies loaded from the bundled
 * regional data, officers scoped per regency and province-wide, foreigners in several regencies. A regency's officer
 * sees its own regency only, the province's officer sees them all, one row per regency, each opening that regency's
 * figures.
 */
@PantauIntegrationTest
@ActiveProfiles({ "test", "province" })
class ProvinceIntegrationTests {

	static final String AMBON = "81.71";
	static final String MALUKU_TENGGARA = "81.02";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DetectionRules rules;

	private long personIn(String regency) {
		return jdbc.sql("select min(id) from person where region_code like :prefix and status = 'PRESENT'")
				.param("prefix", regency + ".%").query(Long.class).single();
	}

	private long presentIn(String regency) {
		return jdbc.sql("select count(*) from person_read where status = 'PRESENT' and region_code like :prefix")
				.param("prefix", regency + ".%").query(Long.class).single();
	}

	private static long present(String page) {
		Matcher m = Pattern.compile("id=\"fig-present\".*?dash-value\">(\\d+)<", Pattern.DOTALL).matcher(page);
		assertThat(m.find()).as("the present figure on the page").isTrue();
		return Long.parseLong(m.group(1));
	}

	@Test
	void theElevenRegenciesOfMalukuAreLoadedWithTheirKecamatanAndVillages() {
		assertThat(jdbc.sql("select count(*) from region where level = 'REGENCY' and code like '81.%'")
				.query(Long.class).single()).isEqualTo(11);
		for (String regency : new String[] { "81.01", "81.02", "81.03", "81.04", "81.05", "81.06", "81.07", "81.08",
				"81.09", "81.71", "81.72" }) {
			assertThat(jdbc.sql("select count(*) from region where level = 'VILLAGE' and code like :p")
					.param("p", regency + ".%").query(Long.class).single()).as("villages of " + regency).isPositive();
		}
	}

	@Test
	void aRegencyOfficerSeesOnlyItsRegencyAndTheProvinceOfficerSeesEveryRegency() {
		long inAmbon = personIn(AMBON);
		long inMalra = personIn(MALUKU_TENGGARA);
		WebSession ambon = WebSession.loggedIn(port, "bpmpd.ambon");
		assertThat(ambon.get("/orang-asing/" + inAmbon).statusCode()).isEqualTo(200);
		assertThat(ambon.get("/orang-asing/" + inMalra).statusCode()).as("another regency's person").isEqualTo(404);
		assertThat(present(ambon.get("/").body())).as("not the province's persons without a village")
				.isEqualTo(presentIn(AMBON));
		assertThat(ambon.get("/orang-asing/" + unplacedPerson()).statusCode()).as("a person with no village")
				.isEqualTo(404);
		assertThat(ambon.get("/?region=" + MALUKU_TENGGARA).statusCode()).as("another regency's figures")
				.isEqualTo(404);
		assertThat(ambon.get("/").body()).as("one regency: no province-wide table").doesNotContain("dash-regencies");

		WebSession malra = WebSession.loggedIn(port, "bpmpd.malra");
		assertThat(malra.get("/orang-asing/" + inMalra).statusCode()).isEqualTo(200);
		assertThat(malra.get("/orang-asing/" + inAmbon).statusCode()).isEqualTo(404);

		SecondFactorCodes.remember("kesbangpol.maluku", SecondFactorCodes.DEMO_SECRET); // the demo's published key
		WebSession province = WebSession.loggedIn(port, "kesbangpol.maluku");
		assertThat(province.get("/orang-asing/" + inAmbon).statusCode()).isEqualTo(200);
		assertThat(province.get("/orang-asing/" + inMalra).statusCode()).isEqualTo(200);
		assertThat(province.get("/orang-asing/" + unplacedPerson()).statusCode()).isEqualTo(200);
		assertThat(present(province.get("/").body())).isEqualTo(jdbc.sql(
				"select count(*) from person_read where status = 'PRESENT' and (region_code is null or region_code like '81.%')")
				.query(Long.class).single());
	}

	@Test
	void theProvinceDashboardHasOneRowPerRegencyEachOpeningThatRegencysFigures() {
		WebSession province = WebSession.loggedIn(port, "timpora.maluku");
		String home = province.get("/").body();
		assertThat(home).contains("id=\"dash-regencies\"");
		assertThat(Pattern.compile("id=\"regency-81\\.\\d\\d\"").matcher(home).results().count()).isEqualTo(11);
		Matcher ambonRow = Pattern.compile("id=\"regency-81\\.71\">.*?<td class=\"text-end\">(\\d+)</td>",
				Pattern.DOTALL).matcher(home);
		assertThat(ambonRow.find()).isTrue();
		assertThat(Long.parseLong(ambonRow.group(1))).isEqualTo(presentIn(AMBON)).isPositive();
		assertThat(home).contains("href=\"/?region=81.71\"");

		String ambon = province.get("/?region=81.71").body();
		assertThat(ambon).contains("id=\"dash-within\"").contains("Kota Ambon");
		assertThat(present(ambon)).as("one regency of several: its own persons").isEqualTo(presentIn(AMBON));
		assertThat(province.get("/?region=82.01").statusCode()).as("outside the province").isEqualTo(404);
		assertThat(province.get("/?region=x").statusCode()).isEqualTo(404);
	}

	@Test
	void theProvinceMapListsOnlyVillagesWithSomeoneOrAnOpenAlertAndSaysHowManyItLeavesOut() {
		String map = WebSession.loggedIn(port, "timpora.maluku").get("/peta").body();
		long rows = Pattern.compile("<tr id=\"village-81").matcher(map).results().count();
		long villages = jdbc.sql("select count(*) from region where level = 'VILLAGE' and code like '81.%'")
				.query(Long.class).single();
		assertThat(rows).isPositive().isLessThan(villages);
		assertThat(map).contains("id=\"map-villages-quiet\"").contains(String.format(java.util.Locale.GERMANY, "%,d", villages - rows)
				+ " desa lain tanpa orang asing berada");
	}

	@Test
	void onlyVillagesOfARegencyThatReportsThroughPantauAreCalledSilent() {
		rules.run("SILENT_VILLAGE", "MANUAL");

		assertThat(silentVillagesIn("81.72")).as("Kota Tual, whose villages report").isPositive();
		assertThat(silentVillagesIn(AMBON)).as("Ambon, whose villages have not started").isZero();
		assertThat(silentVillagesIn(MALUKU_TENGGARA)).isZero();
	}

	private long silentVillagesIn(String regency) {
		return jdbc.sql("select count(*) from alert where rule = 'SILENT_VILLAGE' and status = 'OPEN' and region_code like :p")
				.param("p", regency + ".%").query(Long.class).single();
	}

	/** A person with no village: in a province, only the province's scope sees such a person, no single regency. */
	private long unplacedPerson() {
		return jdbc.sql("select min(id) from person where status = 'PRESENT' and region_code is null")
				.query(Long.class).single();
	}
}
