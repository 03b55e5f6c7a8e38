package id.pantau.crossings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.pantau.PantauIntegrationTest;
import id.pantau.TokenClient;
import id.pantau.WebSession;
import id.pantau.crossings.domain.CrossingImports;
import id.pantau.crossings.domain.ImportResult;
import id.pantau.crossings.domain.ValueMappings.Field;
import id.pantau.platform.tables.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ports and permit types an immigration export writes that the reference data does not know: kept as written with a
 * warning, mapped once per origin (for the origin's stored crossings and its later imports, never another origin's),
 * and a person registered from such a crossing whatever its permit type.
 */
@PantauIntegrationTest
class CrossingValueMappingIntegrationTests {

	private static final String HEADER = "Arah;Waktu;TPI;Nomor Dokumen;Kewarganegaraan;Nama;Tanggal Lahir;Jenis Kelamin;"
			+ "Jenis Izin;Izin Berlaku Sampai;Alat Angkut";
	private static final List<Object> WORKBOOK_HEADER = List.of("Arah", "Waktu", "TPI", "Nomor Dokumen",
			"Kewarganegaraan", "Nama", "Tanggal Lahir", "Jenis Kelamin", "Jenis Izin", "Izin Berlaku Sampai",
			"Alat Angkut");

	@TempDir
	Path folder;

	@LocalServerPort
	int port;

	@Autowired
	CrossingImports imports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anExportWithVkskAndItkAwakKapalImportsWithWarningsAndNothingLost() throws Exception {
		String tag = unique();
		String origin = "SIMKIM Kanim Tual " + tag;
		Path file = csv(HEADER,
				"MASUK;2026-03-01 14:30;TPI Tual;VK" + tag + "1;MMR;KYAW MIN;1979-03-15;L;VKSK;2026-04-30;KM Sirimau",
				"MASUK;2026-03-01 15:00;TPI Tual;VK" + tag + "2;MMR;AUNG SOE;1980-01-01;L;ITK Awak Kapal;2026-03-31;KM Sirimau",
				"MASUK;2026-03-01 15:10;tpi  tual;VK" + tag + "3;MMR;MIN MIN;1981-01-01;L;vksk;;KM Sirimau",
				"MASUK;2026-03-02 09:00;Pelabuhan laut  Tual;VK" + tag + "4;THA;SOMCHAI;1970;L;Izin Tinggal Terbatas (ITAS);2027-03-01;",
				"MASUK;2026-03-02 10:00;tual-laut;VK" + tag + "5;THA;PRASERT;1971;L;itas;2027-03-01;",
				"MASUK;2026-03-02 11:00;PELABUHAN TUAL;VK" + tag + "6;VNM;NGUYEN VAN NAM;;L;KITAS;;",
				"MASUK;2026-03-02 12:00;TUAL-LAUT;VK" + tag + "7;VNM;LE VAN HAI;;L;;;");

		ImportResult result = imports.importFile(file, provenance(origin), null, p -> {
		});

		assertThat(result.read()).isEqualTo(7);
		assertThat(result.added()).as("an unknown port or permit type refuses no row").isEqualTo(7);
		assertThat(result.refused()).isZero();
		assertThat(result.unknown()).containsExactlyInAnyOrder(
				new ImportResult.Unknown(Field.PORT, "TPI Tual", 3),
				new ImportResult.Unknown(Field.PORT, "PELABUHAN TUAL", 1),
				new ImportResult.Unknown(Field.PERMIT_TYPE, "VKSK", 2),
				new ImportResult.Unknown(Field.PERMIT_TYPE, "ITK Awak Kapal", 1),
				new ImportResult.Unknown(Field.PERMIT_TYPE, "KITAS", 1));
		assertThat(stored("VK" + tag)).containsExactly(
				"VK" + tag + "1 TPI TUAL/TPI Tual VKSK/VKSK",
				"VK" + tag + "2 TPI TUAL/TPI Tual ITK Awak Kapal/ITK Awak Kapal",
				"VK" + tag + "3 TPI TUAL/tpi  tual vksk/vksk",
				"VK" + tag + "4 TUAL-LAUT/Pelabuhan laut  Tual ITAS/Izin Tinggal Terbatas (ITAS)",
				"VK" + tag + "5 TUAL-LAUT/tual-laut ITAS/itas",
				"VK" + tag + "6 PELABUHAN TUAL/PELABUHAN TUAL KITAS/KITAS",
				"VK" + tag + "7 TUAL-LAUT/TUAL-LAUT -/-");
		assertThat(jdbc.sql("select stay_until from crossing where document_number = :d").param("d", "VK" + tag + "1")
				.query(LocalDate.class).single()).as("the permit's end date is kept too").isEqualTo("2026-04-30");

		WebSession officer = WebSession.loggedIn(port, "imigrasi");
		String batch = officer.get("/perlintasan/batch/" + result.batchId()).body();
		assertThat(batch).contains("id=\"batch-unknown-values\"")
				.contains("Jenis izin tinggal &quot;ITK Awak Kapal&quot; belum dikenal untuk asal data ini: 1 baris")
				.contains("TPI &quot;TPI Tual&quot; belum dikenal");
	}

	@Test
	void aMappingMadeOnceForAnOriginAppliesToItsStoredAndLaterRowsAndAnotherOriginDoesNotInheritIt()
			throws Exception {
		String tag = unique();
		String origin = "SIMKIM Kanim Tual " + tag;
		String other = "SIMKIM Kanim Ambon " + tag;
		imports.importFile(csv(HEADER,
				"MASUK;2026-05-01 10:00;TPI Tual;MA" + tag + "1;MMR;HLA MIN;;L;VKSK;2026-06-01;",
				"MASUK;2026-05-01 11:00;Tpi Tual;MA" + tag + "2;MMR;HLA WIN;;L;ITK Awak Kapal;2026-06-01;"),
				provenance(origin), null, p -> {
				});
		imports.importFile(csv(HEADER, "MASUK;2026-05-01 10:00;TPI Tual;MB" + tag + "1;MMR;TUN TUN;;L;VKSK;;"),
				provenance(other), null, p -> {
				});

		WebSession officer = WebSession.loggedIn(port, "imigrasi");
		String page = officer.get("/perlintasan/pemetaan?origin=" + encode(origin)).body();
		assertThat(page).contains("id=\"values-PORT\"").contains("TPI Tual").contains("VKSK")
				.contains("ITK Awak Kapal");
		HttpResponse<String> mapped = officer.post("/perlintasan/pemetaan",
				Map.of("origin", origin, "field", "PERMIT_TYPE", "value", "VKSK", "code", "ITK"));
		assertThat(WebSession.location(mapped)).contains("/perlintasan/pemetaan?origin=");
		assertThat(follow(officer, mapped))
				.contains("Jenis izin tinggal &quot;VKSK&quot; dipetakan ke Izin Tinggal Kunjungan (ITK); 1 perlintasan diperbarui.");
		officer.post("/perlintasan/pemetaan",
				Map.of("origin", origin, "field", "PERMIT_TYPE", "value", "ITK Awak Kapal", "code", "AWAK_ALAT_ANGKUT"));
		officer.post("/perlintasan/pemetaan",
				Map.of("origin", origin, "field", "PORT", "value", "TPI Tual", "code", "TUAL-LAUT"));

		assertThat(stored("MA" + tag)).as("the origin's stored crossings, written values kept").containsExactly(
				"MA" + tag + "1 TUAL-LAUT/TPI Tual ITK/VKSK",
				"MA" + tag + "2 TUAL-LAUT/Tpi Tual AWAK_ALAT_ANGKUT/ITK Awak Kapal");
		assertThat(stored("MB" + tag)).as("another origin does not inherit the mapping")
				.containsExactly("MB" + tag + "1 TPI TUAL/TPI Tual VKSK/VKSK");
		assertThat(jdbc.sql("""
				select details from audit_event where action = 'CROSSING_VALUE_MAPPED' and subject_id = :origin
				order by id""").param("origin", origin).query(String.class).list()).hasSize(3).first().asString()
				.contains("\"written\":\"VKSK\"").contains("\"code\":\"ITK\"").contains("\"updated\":\"1\"");

		// a later file of the same origin, as a workbook: mapped as it is read, no warning left
		List<List<Object>> sheet = new ArrayList<>();
		sheet.add(WORKBOOK_HEADER);
		sheet.add(List.of("MASUK", LocalDateTime.of(2026, 5, 9, 8, 0), "TPI TUAL", "MA" + tag + "3", "MMR",
				"HLA HTAY", "", "L", "vksk", LocalDate.of(2026, 6, 9), ""));
		ImportResult later = imports.importFile(Workbooks.write(folder, true, sheet), provenance(origin, "later.xlsx"),
				null, p -> {
				});
		assertThat(later.added()).isEqualTo(1);
		assertThat(later.unknown()).isEmpty();
		assertThat(stored("MA" + tag + "3")).containsExactly("MA" + tag + "3 TUAL-LAUT/TPI TUAL ITK/vksk");

		ImportResult otherLater = imports.importFile(csv(HEADER,
				"MASUK;2026-05-09 08:00;TPI Tual;MB" + tag + "2;MMR;TUN WIN;;L;VKSK;;"), provenance(other), null, p -> {
				});
		assertThat(otherLater.unknown()).extracting(ImportResult.Unknown::written).containsExactly("TPI Tual", "VKSK");
		assertThat(officer.get("/perlintasan/pemetaan?origin=" + encode(other)).body()).contains("VKSK")
				.contains("TPI Tual");
	}

	@Test
	void unknownPortsAreListedWithTheirCountsMappedAndThenFilterable() throws Exception {
		String tag = unique();
		String origin = "Pos Lintas " + tag;
		imports.importFile(csv(HEADER,
				"MASUK;2026-06-01 10:00;Pelabuhan Yos Sudarso;PY" + tag + "1;MMR;YAN NAING;;L;;;",
				"KELUAR;2026-06-05 10:00;pelabuhan yos sudarso;PY" + tag + "1;MMR;YAN NAING;;L;;;",
				"MASUK;2026-06-02 10:00;Tual;PY" + tag + "2;MMR;ZAW ZAW;;L;;;",
				// the same crossing, written once with the known port: mapping cannot make it a second one
				"MASUK;2026-06-03 10:00;Tual;PY" + tag + "3;MMR;KO KO;;L;;;",
				"MASUK;2026-06-03 10:00;TUAL-LAUT;PY" + tag + "3;MMR;KO KO;;L;;;"),
				provenance(origin), null, p -> {
				});

		WebSession officer = WebSession.loggedIn(port, "imigrasi");
		String page = officer.get("/perlintasan/pemetaan?origin=" + encode(origin)).body();
		assertThat(page).containsPattern("Pelabuhan Yos Sudarso</td>\\s*<td>2</td>\\s*<td>2</td>")
				.containsPattern(">Tual</td>\\s*<td>2</td>\\s*<td>2</td>");

		String yosSudarso = follow(officer, officer.post("/perlintasan/pemetaan",
				Map.of("origin", origin, "field", "PORT", "value", "Pelabuhan Yos Sudarso", "code", "AMBON-LAUT")));
		assertThat(yosSudarso).contains("2 perlintasan diperbarui");
		String tual = follow(officer, officer.post("/perlintasan/pemetaan",
				Map.of("origin", origin, "field", "PORT", "value", "Tual", "code", "TUAL-LAUT")));
		assertThat(tual).contains("1 perlintasan diperbarui")
				.contains("1 perlintasan tidak diubah karena perlintasan yang sama sudah tercatat di Pelabuhan Laut Tual.");
		assertThat(jdbc.sql("select count(*) from crossing where document_number = :d").param("d", "PY" + tag + "3")
				.query(Long.class).single()).as("nothing stored is lost").isEqualTo(2);

		String list = officer.get("/perlintasan?port=AMBON-LAUT&from=2026-06-01&to=2026-06-05").body();
		assertThat(list).contains("PY" + tag + "1").doesNotContain("PY" + tag + "2");
		assertThat(officer.get("/perlintasan?port=TUAL-LAUT&from=2026-06-02&to=2026-06-02").body())
				.contains("PY" + tag + "2");
		assertThat(officer.json("GET", "/api/v1/crossings?port=AMBON-LAUT&from=2026-06-01&to=2026-06-05", null)
				.body()).contains("PY" + tag + "1");
	}

	@Test
	void aPersonIsRegisteredFromACrossingWithAMappedAndWithAnUnmappedPermitType() throws Exception {
		String tag = unique();
		String origin = "SIMKIM Orang Baru " + tag;
		String unmapped = "ZEYNEP " + letters(tag) + " KAYA";
		String mapped = "ARDA " + letters(tag) + " KAYA";
		imports.importFile(csv(HEADER,
				"MASUK;2026-07-01 10:00;TPI Tual;OB" + tag + "1;TUR;" + unmapped + ";1990-02-03;P;VKSK;2026-08-30;",
				"MASUK;2026-07-01 10:05;TPI Tual;OB" + tag + "2;TUR;" + mapped + ";1991-02-03;L;ITK Awak Kapal;2026-08-30;"),
				provenance(origin), null, p -> {
				});
		WebSession officer = WebSession.loggedIn(port, "imigrasi");
		officer.post("/perlintasan/pemetaan",
				Map.of("origin", origin, "field", "PERMIT_TYPE", "value", "itk awak kapal", "code", "AWAK_ALAT_ANGKUT"));

		long unmappedCase = caseOf("OB" + tag + "1");
		assertThat(officer.get("/pencocokan/" + unmappedCase).body()).contains("id=\"crossing-permit\"")
				.contains("belum dipetakan");
		HttpResponse<String> refused = officer.post("/pencocokan/" + unmappedCase + "/orang-baru",
				Map.of("version", version(unmappedCase), "category", "", "villageCode", ""));
		assertThat(follow(officer, refused)).as("a refusal names the field")
				.contains("Kategori: ");

		HttpResponse<String> created = officer.post("/pencocokan/" + unmappedCase + "/orang-baru",
				Map.of("version", version(unmappedCase), "category", "EX_CREW", "villageCode", ""));
		assertThat(follow(officer, created))
				.contains("Orang baru didaftarkan: " + unmapped + ", tanpa izin tinggal.")
				.contains("Jenis izin tinggal &quot;VKSK&quot; dari data perlintasan belum dipetakan");
		long first = personOf("OB" + tag + "1");
		assertThat(jdbc.sql("select count(*) from stay_permit where person_id = :p").param("p", first)
				.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select notes from person where id = :p").param("p", first).query(String.class).single())
				.contains("\"VKSK\", berlaku sampai 30-08-2026");

		long mappedCase = caseOf("OB" + tag + "2");
		HttpResponse<String> second = officer.post("/pencocokan/" + mappedCase + "/orang-baru",
				Map.of("version", version(mappedCase), "category", "EX_CREW", "villageCode", ""));
		assertThat(follow(officer, second)).contains("Orang baru didaftarkan: " + mapped + ".");
		assertThat(jdbc.sql("select permit_type || ' ' || valid_until from stay_permit where person_id = :p")
				.param("p", personOf("OB" + tag + "2")).query(String.class).single())
				.isEqualTo("AWAK_ALAT_ANGKUT 2026-08-30");
	}

	@Test
	void theApiKeepsUnknownValuesAsWrittenAndSaysSoInItsWarnings() {
		String tag = unique();
		TokenClient feed = new TokenClient(port, TokenClient.issue(WebSession.loggedIn(port, "admin"),
				"feed-" + tag, "IMIGRASI_FEED", "IMIGRASI", "").token());
		String body = """
				{"legal_basis": "Surat Kanim Tual W.27-9", "origin": "API %1$s", "records": [
				  {"direction": "ENTRY", "crossed_at": "2026-08-01 10:00", "port": "TPI Tual", "document_number": "AP%1$s",
				   "nationality": "MMR", "full_name": "THEIN HAN", "permit_type": "ITK Awak Kapal"}]}"""
				.formatted(tag);
		HttpResponse<String> response = feed.post("/api/v1/crossings", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"added\":1")
				.contains("{\"field\":\"port\",\"written\":\"TPI Tual\",\"records\":1,\"message\":\"TPI \\\"TPI Tual\\\" belum dikenal")
				.contains("\"field\":\"permit_type\",\"written\":\"ITK Awak Kapal\"");
		assertThat(stored("AP" + tag)).containsExactly("AP" + tag + " TPI TUAL/TPI Tual ITK Awak Kapal/ITK Awak Kapal");
	}

	@Test
	void badMappingsAreRefusedNamingTheFieldAndOnlyImmigrationAndTheAdministratorMap() throws Exception {
		String tag = unique();
		String origin = "Asal Uji " + tag;
		imports.importFile(csv(HEADER, "MASUK;2026-09-01 10:00;TPI Tual;BM" + tag + ";MMR;SAW;;L;VKSK;;"),
				provenance(origin), null, p -> {
				});
		WebSession officer = WebSession.loggedIn(port, "imigrasi");
		assertThat(problems(officer, Map.of("origin", origin, "field", "PERMIT_TYPE", "value", "VKSK", "code", "XYZ")))
				.contains("Jenis izin tinggal tujuan &quot;XYZ&quot; tidak ada di data referensi.");
		assertThat(problems(officer, Map.of("origin", origin, "field", "PERMIT_TYPE", "value", "VKSK", "code", "")))
				.contains("Jenis izin tinggal &quot;VKSK&quot;: pilih jenis izin yang dikenal");
		assertThat(problems(officer, Map.of("origin", origin, "field", "PORT", "value", "Tual-Laut", "code", "TUAL-LAUT")))
				.contains("TPI &quot;Tual-Laut&quot; sudah dikenal sebagai TUAL-LAUT");
		assertThat(problems(officer, Map.of("origin", "Tidak ada " + tag, "field", "PORT", "value", "X", "code",
				"TUAL-LAUT"))).contains("Asal data &quot;Tidak ada " + tag + "&quot; belum pernah mengirim data perlintasan.");
		assertThat(problems(officer, Map.of("origin", origin, "field", "NAMA", "value", "X", "code", "Y")))
				.contains("Pilih apa yang dipetakan");
		assertThat(stored("BM" + tag)).as("a refused mapping changes nothing")
				.containsExactly("BM" + tag + " TPI TUAL/TPI Tual VKSK/VKSK");
		assertThat(jdbc.sql("select count(*) from crossing_value_mapping where origin = :o").param("o", origin)
				.query(Long.class).single()).isZero();

		assertThat(WebSession.loggedIn(port, "admin").get("/perlintasan/pemetaan?origin=" + encode(origin)).body())
				.contains("VKSK");
		assertThat(WebSession.loggedIn(port, "kesbangpol").get("/perlintasan/pemetaan").statusCode())
				.isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").post("/perlintasan/pemetaan", Map.of("origin", origin,
				"field", "PORT", "value", "TPI Tual", "code", "TUAL-LAUT")).statusCode()).isEqualTo(403);
		assertThat(stored("BM" + tag)).containsExactly("BM" + tag + " TPI TUAL/TPI Tual VKSK/VKSK");
	}

	/** The page a redirect leads to. */
	private static String follow(WebSession session, HttpResponse<String> redirect) {
		assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
		String location = WebSession.location(redirect);
		return session.get(location.substring(location.indexOf('/', location.indexOf("//") + 2))).body();
	}

	private String problems(WebSession officer, Map<String, String> form) {
		HttpResponse<String> response = officer.post("/perlintasan/pemetaan", form);
		String page = follow(officer, response);
		assertThat(page).contains("id=\"mapping-problems\"");
		return page;
	}

	/** Each crossing whose document starts with {@code prefix}: document, port (stored/written), permit type. */
	private List<String> stored(String prefix) {
		return jdbc.sql("""
				select document_number || ' ' || port_code || '/' || coalesce(port_written, '-') || ' '
				  || coalesce(permit_type, '-') || '/' || coalesce(permit_written, '-')
				from crossing where document_number like :prefix order by document_number, crossed_at""")
				.param("prefix", prefix + "%").query(String.class).list();
	}

	private long caseOf(String document) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from match_case m join crossing c on c.id = m.record_id
				where m.record_kind = 'CROSSING' and c.document_number = :d""").param("d", document)
				.query(Long.class).single() > 0);
		return jdbc.sql("""
				select m.id from match_case m join crossing c on c.id = m.record_id
				where m.record_kind = 'CROSSING' and c.document_number = :d""").param("d", document)
				.query(Long.class).single();
	}

	private String version(long caseId) {
		return jdbc.sql("select version from match_case where id = :id").param("id", caseId).query(String.class)
				.single();
	}

	private long personOf(String document) {
		return jdbc.sql("select person_id from crossing where document_number = :d").param("d", document)
				.query(Long.class).single();
	}

	private static CrossingImports.Provenance provenance(String origin) {
		return provenance(origin, "perlintasan.csv");
	}

	private static CrossingImports.Provenance provenance(String origin, String fileName) {
		return new CrossingImports.Provenance("imigrasi", fileName, "Surat Kanim Tual W.27-123", origin);
	}

	private Path csv(String header, String... rows) throws Exception {
		Path file = Files.createTempFile(folder, "crossings", ".csv");
		Files.writeString(file, header + "\r\n" + String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);
		return file;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The tag's digits as letters, for a name the linker has seen nowhere else. */
	private static String letters(String tag) {
		StringBuilder name = new StringBuilder();
		tag.chars().forEach(c -> name.append((char) ('A' + (c - '0'))));
		return name.toString();
	}

	private static String unique() {
		return Long.toString(System.nanoTime() % 1_000_000_000L);
	}
}
