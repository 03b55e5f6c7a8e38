package id.pantau.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.identity.PantauUser;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.tables.UnreadableFile;
import id.pantau.platform.tables.Workbooks;
import id.pantau.registry.domain.Person;
import id.pantau.registry.domain.PersonRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Crew lists fill the crew assignments of a vessel, whole or not at all, once per file. */
@PantauIntegrationTest
class CrewListIntegrationTests {

	private static final TestUser IMIGRASI = TestUser.of("imigrasi", null);
	private static final LocalDate ARRIVED = LocalDate.of(2026, 3, 1);
	private static final LocalDate DEPARTED = LocalDate.of(2026, 9, 30);

	@TempDir
	Path folder;

	@LocalServerPort
	int port;

	@Autowired
	Registry registry;

	@Autowired
	PersonRegistry persons;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	private String tag;
	private Person known;

	@BeforeEach
	void aPersonTheRegistryKnowsByPassport() {
		tag = Long.toString(System.nanoTime() % 1_000_000_000L);
		known = persons.register(IMIGRASI, new PersonForm("KYAW MIN HTUN", "PASSPORT", "M", "1979", "MMR", "",
				"EX_CREW", "", "PASSPORT", "CK" + tag + "1", "MMR", "", "", "", "", "", "", ""));
	}

	@Test
	void anArrivalListSignsTheCrewOnAndADepartureListSignsThemOff() throws Exception {
		Path arrival = csv("nama;kewarganegaraan;nomor_dokumen;tanggal_lahir;jabatan",
				"KYAW M. HTUN;Myanmar;ck " + tag + "1;;Nakhoda",
				"SOMCHAI SRISUK;Thailand;CK" + tag + "2;1970;Juru mesin",
				"NGUYEN VAN HUNG;Viet Nam;CK" + tag + "3;15-03-1985;ABK");
		CrewListResult on = registry.importCrewList(IMIGRASI, upload(null, "KM AWAK " + tag,
				CrewListUpload.Direction.ARRIVAL, ARRIVED, "daftar-awak.csv"), arrival);
		assertThat(on.imported()).isTrue();
		assertThat(on.rows()).isEqualTo(3);
		assertThat(on.knownPersons()).isEqualTo(1);
		assertThat(on.newPersons()).isEqualTo(2);
		assertThat(on.signedOn()).isEqualTo(3);
		long vessel = on.vesselId();
		assertThat(jdbc.sql("select name from vessel where id = :id").param("id", vessel).query(String.class).single())
				.isEqualTo("KM AWAK " + tag);
		assertThat(assignments(vessel)).hasSize(3).allSatisfy(a -> {
			assertThat(a.get("signed_on")).hasToString(ARRIVED.toString());
			assertThat(a.get("signed_off")).isNull();
		});
		assertThat(assignments(vessel)).filteredOn(a -> a.get("person_id").equals(known.getId())).singleElement()
				.satisfies(a -> assertThat(a.get("crew_role")).isEqualTo("Nakhoda"));
		assertThat(jdbc.sql("""
				select p.category || ' ' || n.source from person p join person_name n on n.person_id = p.id
				join travel_document d on d.person_id = p.id where d.number_key like :key and n.is_primary""")
				.param("key", "CK" + tag + "%").query(String.class).list())
				.containsExactlyInAnyOrder("EX_CREW PASSPORT", "CREW CROSSING", "CREW CROSSING");
		assertThat(jdbc.sql("select count(*) from person_name where person_id = :id and full_name = 'KYAW M. HTUN'")
				.param("id", known.getId()).query(Long.class).single()).as("the list's spelling as an alias")
				.isEqualTo(1);
		assertThat(jdbc.sql("select rows_read || ' ' || rows_added || ' ' || rows_known from crew_list_import "
				+ "where id = :id").param("id", on.batchId()).query(String.class).single()).isEqualTo("3 2 1");

		Path departure = Workbooks.write(folder, true, List.of(
				List.of("name", "nationality", "document_number", "rank"),
				List.of("KYAW MIN HTUN", "MMR", "CK" + tag + "1", "Nakhoda"),
				List.of("SOMCHAI SRISUK", "THA", "CK" + tag + "2", "Juru mesin"),
				List.of("NGUYEN VAN HUNG", "VNM", "CK" + tag + "3", "ABK")));
		CrewListResult off = registry.importCrewList(IMIGRASI, upload(vessel, null,
				CrewListUpload.Direction.DEPARTURE, DEPARTED, "crew.xlsx"), departure);
		assertThat(off.signedOff()).isEqualTo(3);
		assertThat(off.newPersons()).isZero();
		assertThat(assignments(vessel)).hasSize(3).allSatisfy(a -> {
			assertThat(a.get("signed_on")).hasToString(ARRIVED.toString());
			assertThat(a.get("signed_off")).hasToString(DEPARTED.toString());
		});
		assertThat(jdbc.sql("select details from audit_event where action = 'CREW_LIST_IMPORTED' and subject_id = :id")
				.param("id", off.batchId().toString()).query(String.class).single()).contains("\"signedOff\":\"3\"")
				.contains("\"direction\":\"DEPARTURE\"");
	}

	@Test
	void theSameFileTwiceAddsNothing() throws Exception {
		Path list = csv("nama,kewarganegaraan,nomor_dokumen", "SOMCHAI SRISUK,Thailand,CK" + tag + "2");
		CrewListResult first = registry.importCrewList(IMIGRASI, upload(null, "KM DUA KALI " + tag,
				CrewListUpload.Direction.ARRIVAL, ARRIVED, "awak.csv"), list);
		long batches = count("crew_list_import", "true");
		long vessels = count("vessel", "true");
		CrewListResult again = registry.importCrewList(IMIGRASI, upload(null, "KM DUA KALI " + tag,
				CrewListUpload.Direction.ARRIVAL, ARRIVED, "awak.csv"), list);
		assertThat(again.alreadyImported()).isTrue();
		assertThat(again.batchId()).isEqualTo(first.batchId());
		assertThat(count("crew_list_import", "true")).isEqualTo(batches);
		assertThat(count("vessel", "true")).isEqualTo(vessels);
		assertThat(assignments(first.vesselId())).hasSize(1);
		assertThat(count("travel_document", "number_key like 'CK" + tag + "%'")).isEqualTo(2);

		CrewListResult departure = registry.importCrewList(IMIGRASI, upload(first.vesselId(), null,
				CrewListUpload.Direction.DEPARTURE, DEPARTED, "awak.csv"), list);
		assertThat(departure.alreadyImported()).as("the same spreadsheet sent again at departure").isFalse();
		assertThat(departure.signedOff()).isEqualTo(1);
	}

	@Test
	void aBadRowRefusesTheWholeListAndSaysWhy() throws Exception {
		long batches = count("crew_list_import", "true");
		long vessels = count("vessel", "true");
		Path list = csv("nama;kewarganegaraan;nomor_dokumen",
				"SOMCHAI SRISUK;Thailand;CK" + tag + "2",
				"ASLAN;Narnia;CK" + tag + "3",
				"KYAW MIN HTUN;MMR;CK" + tag + "1");
		CrewListResult result = registry.importCrewList(IMIGRASI, upload(null, "KM TOLAK " + tag,
				CrewListUpload.Direction.ARRIVAL, ARRIVED, "awak.csv"), list);
		assertThat(result.imported()).isFalse();
		assertThat(result.refused()).singleElement().satisfies(r -> {
			assertThat(r.rowNumber()).isEqualTo(3);
			assertThat(r.reasonKey()).isEqualTo("import.row.nationality");
			assertThat(r.argument()).isEqualTo("Narnia");
		});
		assertThat(count("crew_list_import", "true")).isEqualTo(batches);
		assertThat(count("vessel", "true")).as("nor the new vessel").isEqualTo(vessels);
		assertThat(count("travel_document", "number_key like 'CK" + tag + "%'")).as("only the known person's")
				.isEqualTo(1);
		assertThat(count("vessel_assignment", "person_id = " + known.getId())).isZero();
	}

	@Test
	void aCrewMemberCannotSignOffBeforeSigningOnAndTheListIsRefused() throws Exception {
		CrewListResult on = registry.importCrewList(IMIGRASI, upload(null, "KM URUTAN " + tag,
				CrewListUpload.Direction.ARRIVAL, ARRIVED, "naik.csv"),
				csv("nama;kewarganegaraan;nomor_dokumen", "KYAW MIN HTUN;MMR;CK" + tag + "1"));
		CrewListResult off = registry.importCrewList(IMIGRASI, upload(on.vesselId(), null,
				CrewListUpload.Direction.DEPARTURE, ARRIVED.minusDays(1), "turun.csv"),
				csv("nama;kewarganegaraan;nomor_dokumen", "KYAW MIN HTUN;MMR;CK" + tag + "1"));
		assertThat(off.refused()).singleElement()
				.satisfies(r -> assertThat(r.reasonKey()).isEqualTo("crewList.row.offBeforeOn"));
		assertThat(assignments(on.vesselId())).singleElement().satisfies(a -> assertThat(a.get("signed_off")).isNull());
	}

	@Test
	void anIncompleteFormOrAListWithoutItsColumnsIsRefusedBeforeAnyRow() throws Exception {
		Path list = csv("nama;kewarganegaraan;nomor_dokumen", "KYAW MIN HTUN;MMR;CK" + tag + "1");
		assertThatThrownBy(() -> registry.importCrewList(IMIGRASI, new CrewListUpload(null, " ", null, null, "", "",
				"x.csv"), list)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
						.extracting(InvalidInput.Problem::field).contains("vessel", "direction", "date", "basis",
								"origin"));
		assertThatThrownBy(() -> registry.importCrewList(IMIGRASI, upload(null, "KM " + tag,
				CrewListUpload.Direction.ARRIVAL, ARRIVED, "x.csv"), csv("nama;jabatan", "A;B")))
				.isInstanceOfSatisfying(UnreadableFile.class, e -> {
					assertThat(e.messageKey()).isEqualTo("crewList.missingColumns");
					assertThat(e.argument()).isEqualTo("kewarganegaraan, nomor_dokumen");
				});
	}

	@Test
	void immigrationUploadsThroughThePageAndVillagesAndPartnersCannot() throws Exception {
		PantauUser officer = (PantauUser) users.loadUserByUsername("kesbangpol");
		byte[] content = ("nama,kewarganegaraan,nomor_dokumen\nSOMCHAI SRISUK,Thailand,CK" + tag + "2\n")
				.getBytes(StandardCharsets.UTF_8);
		String page = mvc.perform(multipart("/kapal/awak/impor")
				.file(new MockMultipartFile("file", "awak.csv", "text/csv", content))
				.param("vesselId", "").param("newVessel", "KM HALAMAN " + tag).param("direction", "ARRIVAL")
				.param("date", "2026-03-01").param("basis", "Surat Syahbandar 1").param("origin", "Agen")
				.with(user(officer)).with(csrf())).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"crew-summary\"").containsPattern("id=\"crew-new\">1<");
		assertThat(WebSession.loggedIn(port, "imigrasi").get("/kapal").body()).contains("id=\"crew-import\"");
		assertThat(WebSession.loggedIn(port, "imigrasi").get("/kapal/awak/impor").statusCode()).isEqualTo(200);
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").get("/kapal/awak/impor").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "timpora.polres").get("/kapal/awak/impor").statusCode()).isEqualTo(403);
	}

	private List<Map<String, Object>> assignments(long vessel) {
		return jdbc.sql("select person_id, crew_role, signed_on, signed_off from vessel_assignment where vessel_id = :v")
				.param("v", vessel).query().listOfRows();
	}

	private static CrewListUpload upload(Long vesselId, String newVessel, CrewListUpload.Direction direction,
			LocalDate date, String file) {
		return new CrewListUpload(vesselId, newVessel, direction, date, "Surat Syahbandar Tual 2026/03",
				"Agen PT Samudra Tual", file);
	}

	private Path csv(String header, String... rows) throws Exception {
		Path file = Files.createTempFile(folder, "awak", ".csv");
		Files.writeString(file, header + "\r\n" + String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);
		return file;
	}

	private long count(String table, String condition) {
		return jdbc.sql("select count(*) from " + table + " where " + condition).query(Long.class).single();
	}
}
