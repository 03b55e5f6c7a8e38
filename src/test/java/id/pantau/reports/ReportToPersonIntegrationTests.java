package id.pantau.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a village wrote about a foreigner reaches the registry whole when Kesbangpol validates the report: as a new
 * person, or added to the person already known, without changing what was known.
 */
@PantauIntegrationTest
class ReportToPersonIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyFieldOfTheReportIsOnTheNewPersonAndItsDocumentNumberFindsIt() {
		String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
		String vessel = jdbc.sql("select name from vessel order by id limit 1").query(String.class).single();
		long report = validatedAs("NEW_PERSON_ADDED", null, Map.of("namesAsHeard",
				"Nguyen Van Lap " + tag + " (Pak Lap), Anh Lap " + tag, "nationalityText", "Vietnam", "sex", "M",
				"ageOrBirth", "12-03-1985", "documentNumbers", "Paspor C" + tag + "7; buku pelaut VN-" + tag,
				"stayingAt", "RT 02, rumah Bapak Rahanra", "activity", "nelayan", "employerOrVessel", vessel,
				"presentSince", "2024-06-01", "note", "Turun dari kapal yang ditahan"));
		long person = personOf(report);

		Map<String, Object> row = jdbc.sql("""
				select primary_name, sex, birth_date::text as birth, nationality, claimed_nationality, category,
				  region_code, notes from person where id = :id""").param("id", person).query().singleRow();
		assertThat(row).containsEntry("primary_name", "Nguyen Van Lap " + tag).containsEntry("sex", "M")
				.containsEntry("birth", "1985-03-12").containsEntry("claimed_nationality", "VNM")
				.containsEntry("nationality", null).containsEntry("category", "EX_CREW")
				.containsEntry("region_code", "81.72.01.2001");
		String number = jdbc.sql("select number from village_report where id = :id").param("id", report)
				.query(String.class).single();
		assertThat((String) row.get("notes")).startsWith("Dari laporan desa " + number).contains("kegiatan nelayan")
				.contains("Turun dari kapal yang ditahan");
		assertThat(strings("select full_name || ' ' || source || ' ' || source_ref from person_name where person_id = :p",
				person)).containsExactlyInAnyOrder("Nguyen Van Lap " + tag + " VILLAGE_REPORT " + number,
						"Pak Lap VILLAGE_REPORT " + number, "Anh Lap " + tag + " VILLAGE_REPORT " + number);
		assertThat(strings("select document_type || ' ' || number || ' ' || source_ref from travel_document where person_id = :p",
				person)).containsExactlyInAnyOrder("PASSPORT C" + tag + "7 " + number, "SEAMAN_BOOK VN" + tag + " " + number);
		assertThat(strings("select region_code || ' ' || since || ' ' || address from residence where person_id = :p",
				person)).containsExactly("81.72.01.2001 2024-06-01 RT 02, rumah Bapak Rahanra");
		assertThat(strings("""
				select v.name || ' ' || a.crew_role from vessel_assignment a join vessel v on v.id = a.vessel_id
				where a.person_id = :p""", person)).containsExactly(vessel + " ABK");

		WebSession city = WebSession.loggedIn(port, "kesbangpol");
		assertThat(city.json("GET", "/api/v1/persons?q=C" + tag + "7", null).body()).contains("\"id\":" + person + ",");
		assertThat(city.get("/orang-asing?q=VN-" + tag).body()).contains("href=\"/orang-asing/" + person + "\"");
		assertThat(city.get("/orang-asing/" + person).body()).contains("dari laporan " + number);
	}

	@Test
	void aReportAboutAKnownPersonAddsWhatIsNewAndChangesNothingKnown() {
		String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
		long first = validatedAs("NEW_PERSON_ADDED", null, Map.of("namesAsHeard", "Somchai Lap " + tag,
				"nationalityText", "Thailand", "sex", "M", "documentNumbers", "Paspor T" + tag + "1"));
		long person = personOf(first);

		long second = validatedAs("KNOWN_IN_ORDER", person, Map.of("namesAsHeard", "Somchai Lap " + tag + ", Chai "
				+ tag, "nationalityText", "Laos", "sex", "M", "documentNumbers", "paspor T" + tag + "1, KTP 9" + tag,
				"ageOrBirth", "1981"));
		assertThat(personOf(second)).isEqualTo(person);
		assertThat(jdbc.sql("select birth_year from person where id = :id").param("id", person).query(Integer.class)
				.single()).as("the birth year the first report did not give").isEqualTo(1981);
		assertThat(jdbc.sql("select primary_name || ' ' || claimed_nationality from person where id = :id")
				.param("id", person).query(String.class).single()).isEqualTo("Somchai Lap " + tag + " THA");
		assertThat(strings("select full_name from person_name where person_id = :p", person))
				.containsExactlyInAnyOrder("Somchai Lap " + tag, "Chai " + tag);
		assertThat(strings("select document_type || ' ' || number from travel_document where person_id = :p", person))
				.containsExactlyInAnyOrder("PASSPORT T" + tag + "1", "ID_CARD 9" + tag);
	}

	@Test
	void theValidationFormNamesEachAgencyPreselectsNothingAndKeepsWhatWasTypedOnAnError() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		String location = WebSession.location(village.post("/laporan/baru", Map.of("namesAsHeard", "Tanpa Nomor Orang",
				"nationalityText", "Myanmar", "sex", "M", "submit", "true")));
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		WebSession.loggedIn(port, "bpmpd").post("/laporan/" + id + "/teruskan", Map.of("version", version(id)));
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");

		String form = kesbangpol.get("/laporan/" + id).body();
		assertThat(form).contains("<label class=\"form-label small mb-0\" for=\"view-POLRES\">Kepolisian (Polres/Polda)</label>")
				.contains("<option value=\"\">Pilih hasil validasi</option>").doesNotContain("selected=\"selected\"");

		Map<String, String> typed = new HashMap<>(Map.of("version", version(id), "outcome", "KNOWN_IN_ORDER",
				"note", "Dibahas 3 Desember", "view.POLRES", "Tidak ada catatan gangguan",
				"view.IMIGRASI", "Izin tinggal masih berlaku"));
		kesbangpol.post("/laporan/" + id + "/validasi", typed);
		String again = kesbangpol.get("/laporan/" + id).body();
		assertThat(again).contains("id=\"entry-errors\"").contains("value=\"Tidak ada catatan gangguan\"")
				.contains("value=\"Izin tinggal masih berlaku\"").contains(">Dibahas 3 Desember</textarea>")
				.containsPattern("<option value=\"KNOWN_IN_ORDER\" selected=\"selected\"");
		assertThat(jdbc.sql("select state from village_report where id = :id").param("id", id).query(String.class)
				.single()).isEqualTo("FORWARDED");

		kesbangpol.post("/laporan/" + id + "/validasi", Map.of("version", version(id), "outcome", "NEW_PERSON_ADDED"));
		assertThat(jdbc.sql("select state from village_report where id = :id").param("id", id).query(String.class)
				.single()).as("a new person needs a category").isEqualTo("FORWARDED");
	}

	/** A report from Fiditan through BPMPD to Kesbangpol's validation with this outcome. */
	private long validatedAs(String outcome, Long person, Map<String, String> fields) {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		Map<String, String> form = new HashMap<>(fields);
		form.put("submit", "true");
		HttpResponse<String> created = village.post("/laporan/baru", form);
		String location = WebSession.location(created);
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		WebSession.loggedIn(port, "bpmpd").post("/laporan/" + id + "/teruskan", Map.of("version", version(id)));
		Map<String, String> validation = new HashMap<>(Map.of("version", version(id), "outcome", outcome,
				"category", "EX_CREW", "note", "Dibahas di rapat TIMPORA"));
		if (person != null) {
			validation.put("personId", Long.toString(person));
		}
		WebSession.loggedIn(port, "kesbangpol").post("/laporan/" + id + "/validasi", validation);
		assertThat(jdbc.sql("select state from village_report where id = :id").param("id", id).query(String.class)
				.single()).isEqualTo("VALIDATED");
		return id;
	}

	private long personOf(long report) {
		return jdbc.sql("select person_id from village_report where id = :id").param("id", report).query(Long.class)
				.single();
	}

	private String version(long id) {
		return jdbc.sql("select version from village_report where id = :id").param("id", id).query(Integer.class)
				.single().toString();
	}

	private List<String> strings(String sql, long person) {
		return jdbc.sql(sql).param("p", person).query(String.class).list();
	}
}
