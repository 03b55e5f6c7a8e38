package id.pantau.crossings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.crossings.domain.CrossingImports;
import id.pantau.crossings.domain.ImportResult;
import id.pantau.crossings.importing.CrossingColumn;
import id.pantau.identity.PantauUser;
import id.pantau.platform.PantauCommand;
import id.pantau.reference.ReferenceData;
import id.pantau.platform.tables.UnreadableFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

@PantauIntegrationTest
class CrossingImportIntegrationTests {

	private static final String HEADER = "Arah;Waktu;TPI;Nomor Dokumen;Kewarganegaraan;Nama;Tanggal Lahir;Jenis Kelamin;"
			+ "Jenis Izin;Izin Berlaku Sampai;Alat Angkut";

	@TempDir
	Path folder;

	@LocalServerPort
	int port;

	@Autowired
	CrossingImports imports;

	@Autowired
	ReferenceData reference;

	@Autowired
	id.pantau.identity.domain.AccountSeeding seeding;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	List<PantauCommand> commands;

	@Test
	void aFileIsImportedOnceWithItsRefusedRowsAndTheSameFileAgainAddsNothing() throws Exception {
		String tag = unique();
		Path file = csv(DelimitedCharset.WINDOWS_1252, HEADER,
				"MASUK;2026-03-01 14:30;TUAL-LAUT;MA" + tag + "1;Myanmar;KYAW MIN HTUN;1979-03-15;L;VOA;2026-03-31;KM Sirimau",
				"KELUAR;2026-03-20 09:00;TUAL-LAUT;MA" + tag + "1;MMR;KYAW MIN HTUN;1979-03-15;L;;;KM Sirimau",
				"MASUK;01/04/2026 08:15;AMBON-UDARA;AA" + tag + "2;Thailand;SOMCHAI SRISUK;1970;L;ITK;2026-05-01;GA 648",
				"MASUK;2026-04-02 10:00;TUAL-LAUT;C" + tag + "3;Viet Nam;NGUYEN VAN HUNG;;L;;;",
				"MASUK;2026-04-03 10:00;TUAL-LAUT;N" + tag + "4;Kamboja;JOS\u00c9 S\u00d3K;;P;;;",
				"NAIK;2026-04-03 10:00;TUAL-LAUT;X" + tag + "5;MMR;AUNG;;;;;",
				"MASUK;2026-04-04 10:00;TUAL-LAUT;X" + tag + "6;Narnia;ASLAN;;;;;",
				";;;;;;;;;;");
		ImportResult first = imports.importFile(file, provenance(), null, p -> {
		});
		assertThat(first.read()).isEqualTo(7);
		assertThat(first.added()).isEqualTo(5);
		assertThat(first.refused()).isEqualTo(2);
		assertThat(jdbc.sql("select full_name from crossing where document_number = :doc").param("doc", "N" + tag + "4")
				.query(String.class).single()).as("Windows-1252 read as such").isEqualTo("JOSÉ SÓK");
		assertThat(jdbc.sql("select nationality from crossing where document_number = :doc").param("doc", "C" + tag + "3")
				.query(String.class).single()).isEqualTo("VNM");

		ImportResult again = imports.importFile(file, provenance(), null, p -> {
		});
		assertThat(again.alreadyImported()).isTrue();
		assertThat(again.batchId()).isEqualTo(first.batchId());
		assertThat(count("crossing", "batch_id = " + first.batchId())).isEqualTo(5);

		WebSession officer = WebSession.loggedIn(port, "imigrasi");
		String refused = officer.get("/perlintasan/batch/" + first.batchId() + "/ditolak.csv").body();
		assertThat(refused).startsWith("\uFEFFArah,Waktu,TPI").contains("alasan_ditolak")
				.contains("arah \"\"NAIK\"\" tidak dikenal").contains("kewarganegaraan \"\"Narnia\"\" tidak dikenal");
		assertThat(jdbc.sql("select details from audit_event where action = 'CROSSINGS_IMPORTED' and subject_id = :id")
				.param("id", first.batchId().toString()).query(String.class).single()).contains("Surat Kanim Tual")
				.contains("\"added\":\"5\"");
	}

	/**
	 * Right after a start nothing has resolved a nationality yet, and the reference data builds its table of names
	 * with a query on first use. That query must not be sent on the import's connection while its COPY is open: it
	 * would wait for ever (found by bench/import, whose fresh application imported nothing).
	 */
	@Test
	void theFirstImportAfterAStartDoesNotWaitForTheNationalityTable() throws Exception {
		ReflectionTestUtils.setField((Object) AopTestUtils.getUltimateTargetObject(reference), "nationalities", null);
		Path file = csv(StandardCharsets.UTF_8, HEADER, "MASUK;2026-09-01 10:00;TUAL-LAUT;MG" + unique()
				+ ";Burma;TUN TUN;;;;;");
		ImportResult result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> imports.importFile(file,
				provenance(), null, p -> {
				}));
		assertThat(result.added()).isEqualTo(1);
	}

	@Test
	void recordsAlreadyKnownFromAnotherFileAreCountedNotDuplicated() throws Exception {
		String tag = unique();
		String row = "MASUK;2026-05-01 10:00;TUAL-LAUT;MB" + tag + ";MMR;ZAW WIN;;;;;";
		imports.importFile(csv(StandardCharsets.UTF_8, HEADER, row), provenance(), null, p -> {
		});
		ImportResult second = imports.importFile(csv(StandardCharsets.UTF_8, HEADER, row,
				"KELUAR;2026-05-09 10:00;TUAL-LAUT;MB" + tag + ";MMR;ZAW WIN;;;;;"), provenance(), null, p -> {
				});
		assertThat(second.added()).isEqualTo(1);
		assertThat(second.known()).isEqualTo(1);
		assertThat(count("crossing", "document_number = 'MB" + tag + "'")).isEqualTo(2);
	}

	@Test
	void aBatchThatFailsPartWayLeavesNothingBehind() throws Exception {
		String tag = unique();
		long batches = count("import_batch", "true");
		Path file = csv(StandardCharsets.UTF_8, HEADER, "MASUK;2026-05-01 10:00;TUAL-LAUT;MC" + tag + ";MMR;A B;;;;;");
		assertThatThrownBy(() -> imports.importFile(file, provenance(), null, progress -> {
			if (progress >= 1.0) {
				throw new IllegalStateException("the server stops here");
			}
		})).isInstanceOf(IllegalStateException.class);
		assertThat(count("import_batch", "true")).isEqualTo(batches);
		assertThat(count("crossing", "document_number = 'MC" + tag + "'")).isZero();
		assertThat(count("crossing_staging", "true")).isZero();
		assertThat(imports.importFile(file, provenance(), null, p -> {
		}).added()).as("and the file can then be imported").isEqualTo(1);
	}

	@Test
	void anUnfamiliarLayoutIsMappedOnceAndTheMappingServesTheNextFileOfThatOrigin() throws Exception {
		String tag = unique();
		String header = "jenis;tgl;pos;paspor;kwn;nama orang";
		String origin = "Sistem lama " + tag;
		ImportResult unmapped = imports.importFile(csv(StandardCharsets.UTF_8, header,
				"IN;2026-06-01 10:00;TUAL-LAUT;MD" + tag + ";MMR;HLA HLA"), provenance(origin), null, p -> {
				});
		assertThat(unmapped.needsMapping()).isTrue();
		assertThat(unmapped.missing()).contains("arah", "waktu", "tpi", "nomor_dokumen", "kewarganegaraan");

		Map<CrossingColumn, Integer> mapping = new EnumMap<>(CrossingColumn.class);
		mapping.putAll(Map.of(CrossingColumn.DIRECTION, 0, CrossingColumn.CROSSED_AT, 1, CrossingColumn.PORT, 2,
				CrossingColumn.DOCUMENT_NUMBER, 3, CrossingColumn.NATIONALITY, 4, CrossingColumn.FULL_NAME, 5));
		assertThat(imports.importFile(csv(StandardCharsets.UTF_8, header,
				"IN;2026-06-01 10:00;TUAL-LAUT;MD" + tag + ";MMR;HLA HLA"), provenance(origin), mapping, p -> {
				}).added()).isEqualTo(1);
		assertThat(imports.importFile(csv(StandardCharsets.UTF_8, header,
				"OUT;2026-06-09 10:00;TUAL-LAUT;MD" + tag + ";MMR;HLA HLA"), provenance(origin), null, p -> {
				}).added()).as("the saved mapping").isEqualTo(1);
	}

	@Test
	void hostileFilesAreRefusedWithAClearMessage() throws Exception {
		Path nul = folder.resolve("nul.csv");
		Files.write(nul, (HEADER + "\nMASUK;2026\u0000;TUAL;A;MMR;B;;;;;\n").getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> imports.importFile(nul, provenance(), null, p -> {
		})).isInstanceOf(UnreadableFile.class).hasMessageStartingWith("import.nulByte");
		assertThatThrownBy(() -> imports.importFile(csv(StandardCharsets.UTF_8, HEADER),
				new CrossingImports.Provenance("imigrasi", "x.csv", " ", "asal"), null, p -> {
				})).isInstanceOf(UnreadableFile.class).hasMessageStartingWith("import.basisRequired");
	}

	@Test
	void anOfficerUploadsThroughThePageAndWatchesTheProgressToTheSummary() throws Exception {
		String tag = unique();
		PantauUser officer = (PantauUser) users.loadUserByUsername("imigrasi");
		byte[] content = (HEADER + "\nMASUK;2026-07-01 10:00;TUAL-LAUT;ME" + tag + ";MMR;MYO MYINT;;;;;\n")
				.getBytes(StandardCharsets.UTF_8);
		String location = mvc.perform(multipart("/perlintasan/impor")
				.file(new MockMultipartFile("file", "perlintasan.csv", "text/csv", content))
				.param("basis", "Surat Kanim Tual 2026/07").param("origin", "SIMKIM").with(user(officer)).with(csrf()))
				.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/perlintasan/impor/");
		await().atMost(Duration.ofSeconds(20)).until(() -> mvc.perform(get(location).with(user(officer)))
				.andReturn().getResponse().getContentAsString().contains("id=\"job-summary\""));
		String summary = mvc.perform(get(location).with(user(officer))).andReturn().getResponse().getContentAsString();
		assertThat(summary).contains("Impor selesai.").containsPattern("id=\"rows-added\">1<");
		UUID job = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		PantauUser other = (PantauUser) users.loadUserByUsername("kesbangpol");
		assertThat(mvc.perform(get("/perlintasan/impor/" + job).with(user(other))).andReturn().getResponse()
				.getStatus()).as("another user's upload").isEqualTo(403);
	}

	@Test
	void crossingsAreForTheCitysAgenciesAndOnlyImmigrationUploads() {
		assertThat(WebSession.loggedIn(port, "kesbangpol").get("/perlintasan").statusCode()).isEqualTo(200);
		assertThat(WebSession.loggedIn(port, "kesbangpol").get("/perlintasan/impor").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").get("/perlintasan").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "bpmpd").get("/perlintasan").statusCode()).isEqualTo(403);
		String kecamatanOfficer = "kesbang.kecamatan." + unique();
		seeding.seed(kecamatanOfficer, "Uji", id.pantau.identity.Role.KESBANGPOL, id.pantau.identity.Agency.KESBANGPOL,
				"81.72.01", WebSession.DEMO_PASSWORD, false);
		assertThat(WebSession.loggedIn(port, kecamatanOfficer).get("/perlintasan").statusCode())
				.as("a kecamatan scope does not cover crossings").isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "imigrasi").get("/perlintasan?direction=ENTRY&port=TUAL-LAUT").statusCode())
				.isEqualTo(200);
	}

	@Test
	void theDemoBatchHoldsArrivalsAndDeparturesOfTheDemoForeignersAndAFewStrangers() {
		assertThat(count("crossing c join import_batch b on b.id = c.batch_id", "b.created_by = 'demo' and direction = 'ENTRY'"))
				.isGreaterThan(30);
		assertThat(count("crossing c join import_batch b on b.id = c.batch_id", "b.created_by = 'demo' and direction = 'EXIT'"))
				.isPositive();
		assertThat(count("crossing", "full_name = 'HTET AUNG KYAW' and name_key = 'AUNG HTET KYAW'")).isEqualTo(1);
	}

	@Test
	void theCommandLineImportsTheSameWay() throws Exception {
		String tag = unique();
		Path file = csv(StandardCharsets.UTF_8, HEADER, "MASUK;2026-08-01 10:00;TUAL-LAUT;MF" + tag + ";MMR;THEIN WIN;;;;;");
		PantauCommand command = commands.stream().filter(c -> c.name().equals("import-crossings")).findFirst()
				.orElseThrow();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
		int code = command.run(List.of(file.toString(), "--basis", "Surat 1", "--origin", "CLI"),
				printed, printed);
		assertThat(code).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 baris dibaca, 1 ditambahkan");
	}

	private CrossingImports.Provenance provenance() {
		return provenance("SIMKIM Kanim Tual");
	}

	private static CrossingImports.Provenance provenance(String origin) {
		return new CrossingImports.Provenance("imigrasi", "perlintasan.csv", "Surat Kanim Tual W.27-123", origin);
	}

	private Path csv(Charset charset, String header, String... rows) throws Exception {
		Path file = Files.createTempFile(folder, "crossings", ".csv");
		Files.writeString(file, header + "\r\n" + String.join("\r\n", rows) + "\r\n", charset);
		return file;
	}

	private long count(String table, String condition) {
		return jdbc.sql("select count(*) from " + table + " where " + condition).query(Long.class).single();
	}

	private static String unique() {
		return Long.toString(System.nanoTime() % 1_000_000_000L);
	}

	private static final class DelimitedCharset {

		static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
	}
}
