package id.pantau.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.platform.PantauCommand;
import id.pantau.platform.Scope;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.registry.PersonForm;
import id.pantau.registry.Registry;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Onboarding Kesbangpol's existing list of foreigners, through the command ({@code import-persons}) and the
 * administrators' page, on real CSV and XLSX files: every row goes through matching, doubtful rows and duplicates
 * wait for people, nothing is silently merged or doubled.
 */
@PantauIntegrationTest
class PersonListImportIntegrationTests {

	private static final String HEADER = "id,full_name,sex,birth_date,nationality,document_number,village_code,"
			+ "permit_type,permit_until";

	private record Officer(String getUsername, Scope scope) implements ScopedPrincipal {
	}

	private static final Officer REGISTRAR = new Officer("kesbangpol", Scope.of("81.72"));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registry registry;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path folder;

	@Test
	void aDuplicateWithinTheListAndANamesakeOfARegisteredPersonWaitInReviewAndTheQueueDecidesThem()
			throws IOException {
		String tag = tag();
		long namesake = register("AUNG " + tag + " KYAW", "M", "1990", "MMR", null, "81.72.01.2001");
		Path list = xlsx("daftar-" + tag + ".xlsx", List.of(
				List.of("id", "full_name", "sex", "birth_date", "nationality", "document_number"),
				List.of("A-" + tag + "-1", "MARIA " + tag + " SANTOS", "F", "1985-03-07", "Filipina", "P1" + tag),
				List.of("A-" + tag + "-2", "AUNG " + tag + " KYAW", "M", "1990", "Myanmar", "MA" + tag),
				List.of("A-" + tag + "-3", "Maria " + tag + " Santos", "F", "07-03-1985", "PHL", "P9" + tag)));

		Run run = command(list.toString(), "--basis", "Nota Dinas Kesbangpol 400/" + tag);

		assertThat(run.code()).as(run.output()).isZero();
		assertThat(run.output()).contains("3 baris dibaca", "1 orang baru", "2 menunggu tinjauan");
		long maria = personOfRow("A-" + tag + "-1");
		assertThat(externalRef(maria)).isEqualTo("A-" + tag + "-1");

		long duplicateCase = caseOfRow("A-" + tag + "-3");
		assertThat(caseField(duplicateCase, "state")).isEqualTo("PENDING");
		assertThat(candidates(duplicateCase)).as("the person the earlier row became").contains(maria);
		long namesakeCase = caseOfRow("A-" + tag + "-2");
		assertThat(caseField(namesakeCase, "state")).isEqualTo("PENDING");
		assertThat(candidates(namesakeCase)).as("the namesake first").startsWith(namesake);
		assertThat(count("person p join person_name n on n.person_id = p.id where n.full_name ilike '%" + tag + "%'"))
				.as("nobody doubled").isEqualTo(2);

		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		assertThat(kesbangpol.get("/pencocokan").body()).contains("/pencocokan/" + duplicateCase + "\"");
		HttpResponse<String> view = kesbangpol.get("/pencocokan/" + duplicateCase);
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.body()).contains("Daftar lama", "id=\"match-list-row\"", "P9" + tag, "07-03-1985",
				"id=\"match-list-duplicate\"", "id=\"confirm-" + maria + "\"");
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").get("/pencocokan/" + duplicateCase).statusCode())
				.as("a village official sees no list row").isIn(403, 404);

		HttpResponse<String> confirmed = kesbangpol.post("/pencocokan/" + duplicateCase + "/konfirmasi",
				Map.of("version", caseField(duplicateCase, "version"), "personId", Long.toString(maria)));
		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(caseField(duplicateCase, "state")).isEqualTo("CONFIRMED");
		assertThat(personOfRow("A-" + tag + "-3")).isEqualTo(maria);
		assertThat(jdbc.sql("select number || ' ' || source_ref from travel_document where person_id = :p order by number")
				.param("p", maria).query(String.class).list()).as("the second document, cited with its row")
				.containsExactly("P1" + tag + " DAFTAR-" + listOfRow("A-" + tag + "-1") + "-2",
						"P9" + tag + " DAFTAR-" + listOfRow("A-" + tag + "-3") + "-4");

		HttpResponse<String> undone = kesbangpol.post("/pencocokan/" + duplicateCase + "/batal",
				Map.of("version", caseField(duplicateCase, "version"), "reason", "orang lain dengan nama sama"));
		assertThat(undone.statusCode()).isEqualTo(302);
		assertThat(caseField(duplicateCase, "state")).isEqualTo("PENDING");
		assertThat(personOfRow("A-" + tag + "-3")).isNull();
		assertThat(jdbc.sql("select number from travel_document where person_id = :p").param("p", maria)
				.query(String.class).list()).as("the document the undone link brought goes with it")
				.containsExactly("P1" + tag);
		assertThat(externalRef(maria)).as("the person's own list id stays").isEqualTo("A-" + tag + "-1");

		HttpResponse<String> created = kesbangpol.post("/pencocokan/" + namesakeCase + "/orang-baru",
				Map.of("version", caseField(namesakeCase, "version"), "category", "EX_CREW", "villageCode",
						"81.72.01.2001"));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(caseField(namesakeCase, "state")).isEqualTo("NEW_PERSON");
		long registeredNew = personOfRow("A-" + tag + "-2");
		assertThat(registeredNew).isNotEqualTo(namesake);
		assertThat(externalRef(registeredNew)).isEqualTo("A-" + tag + "-2");
		assertThat(jdbc.sql("select category || ' ' || region_code from person where id = :id")
				.param("id", registeredNew).query(String.class).single()).isEqualTo("EX_CREW 81.72.01.2001");
	}

	@Test
	void aRowWithTheSameDocumentAsARegisteredPersonIsProposedAndOnceConfirmedOnlyFillsWhatTheRecordLacks()
			throws IOException {
		String tag = tag();
		long person = register("NGUYEN VAN " + tag, "M", "", "VNM", "C" + tag + "77", null);
		Path list = csv("daftar-" + tag + ".csv", HEADER,
				"B-" + tag + ",Nguyen Van " + tag + ",M,1979-05-01,Vietnam,C" + tag + "77,81.72.01.2001,ITAS,2027-01-31");

		Run run = command(list.toString(), "--basis", "Nota Dinas " + tag);

		assertThat(run.code()).as(run.output()).isZero();
		assertThat(run.output()).as("one row teaches no model, and no village model was estimated yet: a person decides")
				.contains("1 menunggu tinjauan");
		long rowCase = caseOfRow("B-" + tag);
		assertThat(jdbc.sql("select person_id from match_candidate where case_id = :id order by rank limit 1")
				.param("id", rowCase).query(Long.class).single()).isEqualTo(person);
		HttpResponse<String> confirmed = WebSession.loggedIn(port, "kesbangpol").post("/pencocokan/" + rowCase
				+ "/konfirmasi", Map.of("version", caseField(rowCase, "version"), "personId", Long.toString(person)));
		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(personOfRow("B-" + tag)).isEqualTo(person);
		assertThat(caseField(rowCase, "state")).isEqualTo("CONFIRMED");
		assertThat(jdbc.sql("""
				select primary_name || ' ' || birth_date || ' ' || region_code || ' ' || external_ref from person
				where id = :id""").param("id", person).query(String.class).single())
				.as("gaps filled, the name kept").isEqualTo("NGUYEN VAN " + tag + " 1979-05-01 81.72.01.2001 B-" + tag);
		assertThat(jdbc.sql("select permit_type || ' ' || valid_until from stay_permit where person_id = :id")
				.param("id", person).query(String.class).list()).containsExactly("ITAS 2027-01-31");
		assertThat(count("travel_document where person_id = " + person)).as("the same document, not twice")
				.isEqualTo(1);
		assertThat(count("person p join person_name n on n.person_id = p.id where n.full_name ilike '%" + tag + "%'"))
				.isEqualTo(1);
		assertThat(audited("PERSON_ADDED_FROM_LIST", "PERSON", person)).contains("DAFTAR-");
	}

	@Test
	void aRowLikeNoOneBecomesAPersonWithTheListsIdShownOnItsPage() throws IOException {
		String tag = tag();
		Path list = csv("daftar-" + tag + ".csv", HEADER,
				"C-" + tag + ",OKSANA " + tag + " HRYTSENKO,F,1969-08-23,UKR,FK" + tag + ",81.72.01.2001,ITAP,");

		Run run = command(list.toString(), "--basis", "Nota Dinas " + tag);

		assertThat(run.code()).as(run.output()).isZero();
		long person = personOfRow("C-" + tag);
		long listId = listOfRow("C-" + tag);
		assertThat(jdbc.sql("""
				select p.nationality || ' ' || p.birth_date || ' ' || p.category || ' ' || n.source || ' ' || n.source_ref
				from person p join person_name n on n.person_id = p.id and n.is_primary where p.id = :id""")
				.param("id", person).query(String.class).single())
				.isEqualTo("UKR 1969-08-23 OTHER PERSON_LIST DAFTAR-" + listId + "-2");
		assertThat(count("stay_permit where permit_type = 'ITAP' and person_id = " + person)).isEqualTo(1);
		assertThat(count("match_case where record_kind = 'ROSTER' and person_id = " + person))
				.as("a new person is no work item").isZero();
		assertThat(audited("PERSONS_IMPORTED", "PERSON_LIST", listId)).contains("Nota Dinas " + tag)
				.contains("\"created\":\"1\"");

		HttpResponse<String> page = WebSession.loggedIn(port, "kesbangpol").get("/orang-asing/" + person);
		assertThat(page.body()).contains("id=\"person-external-ref\">C-" + tag + "<", "Daftar lama Kesbangpol",
				"dari daftar lama DAFTAR-" + listId + "-2");
	}

	@Test
	void refusedRowsComeBackAsAFileToFixWithTheirReasonsWhileTheOtherRowsAreImported() throws IOException {
		String tag = tag();
		byte[] file = String.join("\n", HEADER,
				"D-" + tag + "-1,GOOD " + tag + " ROW,M,1980,THA,," + ",,",
				"D-" + tag + "-2,BAD " + tag + " DATE,M,1990-13-45,THA,,,,",
				"D-" + tag + "-3,BAD " + tag + " NATION,F,1990,Narnia,,,,",
				"D-" + tag + "-4,BAD " + tag + " VILLAGE,F,1990,THA,,81.72.99.9999,,",
				"D-" + tag + "-5,BAD " + tag + " PERMIT,F,1990,THA,,,KITAS-X,",
				"D-" + tag + "-6,,F,1990,THA,,,,",
				"D-" + tag + "-7,=SUM(A1:A2),F,1990,THA,,,,", "").getBytes(StandardCharsets.UTF_8);
		WebSession admin = WebSession.loggedIn(port, "admin");
		assertThat(admin.get("/admin/daftar-orang-asing").body()).contains("id=\"list-form\"");

		HttpResponse<String> uploaded = admin.postBody("/admin/daftar-orang-asing", "multipart/form-data; boundary=B",
				multipart("Surat " + tag, "daftar-" + tag + ".csv", file));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		String outcome = WebSession.location(uploaded);
		HttpResponse<String> page = admin.get(outcome.substring(outcome.indexOf("/admin")));
		assertThat(page.body()).contains("id=\"list-read\">7<", "id=\"list-created\">1<", "id=\"list-refused\">6<",
				"tanggal lahir &quot;1990-13-45&quot; tidak valid", "kewarganegaraan &quot;Narnia&quot; tidak dikenal",
				"kode desa &quot;81.72.99.9999&quot; tidak dikenal", "jenis izin &quot;KITAS-X&quot; tidak dikenal",
				"kolom full_name kosong", "kolom full_name berisi rumus");
		assertThat(personOfRow("D-" + tag + "-1")).as("the good row is saved").isNotNull();

		long listId = listOfRow("D-" + tag + "-1");
		HttpResponse<String> refused = admin.get("/admin/daftar-orang-asing/" + listId + "/ditolak.csv");
		assertThat(refused.statusCode()).isEqualTo(200);
		List<String> lines = refused.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo(HEADER + ",alasan");
		assertThat(lines).hasSize(7);
		assertThat(lines.get(1)).startsWith("D-" + tag + "-2,BAD " + tag + " DATE,M,1990-13-45,THA,,,,,")
				.contains("baris 3: tanggal lahir");
		assertThat(lines.get(6)).as("a formula never runs in the spreadsheet")
				.startsWith("D-" + tag + "-7,'=SUM(A1:A2),F,1990,THA,,,,,");
		assertThat(audited("PERSON_LIST_REFUSED_EXPORTED", "PERSON_LIST", listId)).isNotEmpty();
		assertThat(WebSession.loggedIn(port, "kesbangpol").get("/admin/daftar-orang-asing/" + listId).statusCode())
				.as("administrators only").isEqualTo(403);
	}

	@Test
	void theSameFileImportedTwiceAddsNobodyAndACorrectedListAddsOnlyItsNewRows() throws IOException {
		String tag = tag();
		String first = "E-" + tag + "-1,HANS " + tag + " MUELLER,M,1960-01-02,DEU,D" + tag + ",,,";
		String second = "E-" + tag + "-2,ANNA " + tag + " SCHMIDT,F,196O,DEU,,,,";
		Path list = csv("daftar-" + tag + ".csv", HEADER, first, second);

		Run run = command(list.toString(), "--basis", "Nota " + tag);
		assertThat(run.code()).as(run.output()).isEqualTo(1);
		Run again = command(list.toString(), "--basis", "Nota " + tag);
		assertThat(again.code()).isZero();
		assertThat(again.output()).contains("sudah pernah diimpor");
		assertThat(count("person where external_ref like 'E-" + tag + "-%'")).isEqualTo(1);

		Path corrected = csv("daftar-" + tag + "-perbaikan.csv", HEADER, first,
				second.replace("196O", "1960"));
		Run fixed = command(corrected.toString(), "--basis", "Nota " + tag);
		assertThat(fixed.code()).as(fixed.output()).isZero();
		assertThat(fixed.output()).contains("1 orang baru", "1 sudah diimpor sebelumnya");
		assertThat(count("person where external_ref like 'E-" + tag + "-%'")).isEqualTo(2);
		assertThat(count("person p join person_name n on n.person_id = p.id where n.full_name ilike '%" + tag + "%'"))
				.isEqualTo(2);
	}

	@Test
	void theCommandTellsBadInputInIndonesianWithExitCode2AndWritesRefusedRowsNextToTheFile() throws IOException {
		String tag = tag();
		Path list = csv("daftar-" + tag + ".csv", HEADER, "F-" + tag + ",OK " + tag + " PERSON,M,1970,NZL,,,,",
				"F-" + tag + "-2,LATE " + tag + " PERSON,M,2999,NZL,,,,");

		Run noBasis = command(list.toString());
		assertThat(noBasis.code()).isEqualTo(2);
		assertThat(noBasis.output()).contains("Dasar hukum (--basis) wajib diisi", "Pemakaian");
		Run missing = command(folder.resolve("tidak-ada.csv").toString(), "--basis", "x");
		assertThat(missing.code()).isEqualTo(2);
		assertThat(missing.output()).contains("Berkas tidak ditemukan");
		Run wrongHeader = command(csv("salah-" + tag + ".csv", "nama,kewarganegaraan", "A,B").toString(), "--basis",
				"x");
		assertThat(wrongHeader.code()).isEqualTo(2);
		assertThat(wrongHeader.output()).contains("Kolom wajib tidak ditemukan: id, sex, birth_date, document_number");
		Path pdf = folder.resolve("daftar-" + tag + ".pdf");
		Files.write(pdf, "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1));
		Run notATable = command(pdf.toString(), "--basis", "x");
		assertThat(notATable.code()).isEqualTo(2);
		assertThat(notATable.output()).contains("bukan teks CSV");
		Path notXlsx = folder.resolve("daftar-" + tag + ".xlsx");
		Files.writeString(notXlsx, HEADER + "\n");
		assertThat(command(notXlsx.toString(), "--basis", "x").code()).isEqualTo(2);
		for (Run bad : List.of(noBasis, missing, wrongHeader, notATable)) {
			assertThat(bad.output()).doesNotContain("Exception").doesNotContain("\tat ");
		}
		assertThat(count("person_list where file_name like '%" + tag + "%'")).as("nothing imported").isZero();

		Run partly = command(list.toString(), "--basis", "Nota " + tag);
		assertThat(partly.code()).as(partly.output()).isEqualTo(1);
		assertThat(partly.output()).contains("1 ditolak", "baris 3: tanggal lahir \"2999\" tidak valid",
				list + ".ditolak.csv");
		assertThat(Files.readAllLines(list.resolveSibling(list.getFileName() + ".ditolak.csv")))
				.containsExactly(HEADER + ",alasan", "F-" + tag + "-2,LATE " + tag + " PERSON,M,2999,NZL,,,,,"
						+ "\"baris 3: tanggal lahir \"\"2999\"\" tidak valid: tttt-bb-hh, hh-bb-tttt, tttt atau kosong, "
						+ "dan tidak di masa depan\"");
		assertThat(count("person where external_ref = 'F-" + tag + "'")).isEqualTo(1);
	}

	private record Run(int code, String output) {
	}

	private Run command(String... args) {
		PantauCommand command = context.getBeansOfType(PantauCommand.class).values().stream()
				.filter(c -> c.name().equals("import-persons")).findFirst().orElseThrow();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream printed = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		int code = command.run(List.of(args), printed, printed);
		return new Run(code, bytes.toString(StandardCharsets.UTF_8));
	}

	private Path csv(String name, String... lines) throws IOException {
		Path file = folder.resolve(name);
		Files.writeString(file, String.join("\r\n", lines) + "\r\n");
		return file;
	}

	private Path xlsx(String name, List<List<String>> rows) throws IOException {
		Path file = folder.resolve(name);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			var sheet = workbook.createSheet("Daftar");
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
		}
		return file;
	}

	private static byte[] multipart(String basis, String fileName, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--B\r\nContent-Disposition: form-data; name=\"basis\"\r\n\r\n" + basis + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes("\r\n--B--\r\n".getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private long register(String name, String sex, String birth, String nationality, String document,
			String village) {
		return registry.register(REGISTRAR, new PersonForm(name, "PASSPORT", sex, birth, nationality, "", "EX_CREW",
				"", document == null ? "" : "PASSPORT", document == null ? "" : document, "", "", "", "", "",
				village == null ? "" : village, "", "")).id();
	}

	private Long personOfRow(String externalId) {
		return jdbc.sql("select person_id from person_list_row where external_id = :id order by id limit 1")
				.param("id", externalId).query(Long.class).optional().orElse(null);
	}

	private long listOfRow(String externalId) {
		return jdbc.sql("select list_id from person_list_row where external_id = :id order by id limit 1")
				.param("id", externalId).query(Long.class).single();
	}

	private long caseOfRow(String externalId) {
		return jdbc.sql("""
				select c.id from match_case c join person_list_row r on r.id = c.record_id
				where c.record_kind = 'ROSTER' and r.external_id = :id""").param("id", externalId).query(Long.class)
				.single();
	}

	private String caseField(long caseId, String column) {
		return jdbc.sql("select " + column + "::text from match_case where id = :id").param("id", caseId)
				.query(String.class).single();
	}

	private List<Long> candidates(long caseId) {
		return jdbc.sql("select person_id from match_candidate where case_id = :id order by rank").param("id", caseId)
				.query(Long.class).list();
	}

	private String externalRef(long personId) {
		return jdbc.sql("select external_ref from person where id = :id").param("id", personId).query(String.class)
				.single();
	}

	private long count(String from) {
		return jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

	private String audited(String action, String subjectType, long subjectId) {
		return String.join("\n", jdbc.sql("""
				select details::text from audit_event where action = :action and subject_type = :type
				  and subject_id = :id""").param("action", action).param("type", subjectType)
				.param("id", Long.toString(subjectId)).query(String.class).list());
	}

	private static String tag() {
		StringBuilder tag = new StringBuilder();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 8; i++) {
			tag.append((char) ('A' + random.nextInt(26)));
		}
		return tag.toString();
	}
}
