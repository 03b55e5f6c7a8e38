package id.pantau.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import id.pantau.platform.InvalidInput;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ReportSheetTests {

	private static final String[] TEMPLATE_HEADERS = Arrays.stream(ReportColumn.values())
			.map(ReportColumn::header).toArray(String[]::new);

	@Test
	void readsAFilledTemplateSkippingFullyEmptyRowsAndKnowsItsVillage() throws IOException {
		byte[] template = ReportTemplate.template(key -> key,
				new ReportTemplate.Prefill("81.72.01.2001", "Fiditan", YearMonth.of(2026, 10)));
		byte[] filled;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Sheet sheet = workbook.getSheet("Laporan");
			fill(sheet.createRow(1), "Kyaw Min, dipanggil Pak Min", "Myanmar", "L", "45", "MC123456", "RT 02",
					"nelayan", "KM Sinar Kei", "2011", "belum bisa berbahasa Indonesia");
			Row blank = sheet.createRow(2);
			blank.createCell(0).setCellValue("   ");
			blank.createCell(3).setCellStyle(workbook.createCellStyle());
			fill(sheet.createRow(3), "Somchai", "Thailand", "p");
			filled = bytes(workbook);
		}

		ReportSheet.Result result = ReportSheet.read(filled);

		assertThat(result.accepted()).isTrue();
		assertThat(result.rowsRead()).isEqualTo(2);
		assertThat(result.templateVillage()).isEqualTo("81.72.01.2001");
		assertThat(result.digest()).hasSize(64);
		assertThat(result.lines()).extracting(ReportSheet.Line::number).containsExactly(2, 4);
		assertThat(result.lines().get(0).form()).isEqualTo(new ReportForm("Kyaw Min, dipanggil Pak Min", "Myanmar",
				"M", "45", "MC123456", "RT 02", "nelayan", "KM Sinar Kei", "2011", "belum bisa berbahasa Indonesia"));
		assertThat(result.lines().get(1).form().sex()).as("p is perempuan").isEqualTo("F");
	}

	@Test
	void recognisesHeadersInEnglishAndWrittenInAnyCaseOrSpacing() {
		byte[] file = workbook(new String[] { "Names", "NATIONALITY", "Sex", "Age or birth", "documentNumbers",
				"Staying_At", " activity ", "Employer or vessel", "present since", "Notes" },
				new Object[] { "Li Qiang", "RRC", "M", "1979", "E1234567", "rumah Pak Yos", "pedagang", "CV Kei",
						"2020", "-" });

		ReportSheet.Result result = ReportSheet.read(file);

		assertThat(result.problems()).isEmpty();
		assertThat(result.lines()).singleElement().extracting(ReportSheet.Line::form).isEqualTo(new ReportForm(
				"Li Qiang", "RRC", "M", "1979", "E1234567", "rumah Pak Yos", "pedagang", "CV Kei", "2020", "-"));
	}

	@Test
	void columnsMayComeInAnyOrderAndOnlyTheNameIsNeeded() {
		byte[] file = workbook(new String[] { "catatan", "Nama" }, new Object[] { "di kapal", "Sok Vannak" });

		assertThat(ReportSheet.read(file).lines()).singleElement().extracting(ReportSheet.Line::form)
				.satisfies(form -> {
					assertThat(form.namesAsHeard()).isEqualTo("Sok Vannak");
					assertThat(form.note()).isEqualTo("di kapal");
					assertThat(form.sex()).isEmpty();
				});
	}

	@Test
	void checksEveryRowAndCollectsEveryProblemWithRowAndColumn() {
		byte[] file = workbook(TEMPLATE_HEADERS,
				new Object[] { "Baik Satu", "Myanmar", "L" },
				new Object[] { "Salah Kelamin", "Myanmar", "X" },
				new Object[] { "N".repeat(301), "Myanmar", "", "", "", "", "", "", "", "C".repeat(2001) },
				new Object[] { "", "Thailand", "P", "30" },
				new Object[] { "Baik Dua" });

		ReportSheet.Result result = ReportSheet.read(file);

		assertThat(result.accepted()).isFalse();
		assertThat(result.rowsRead()).isEqualTo(5);
		assertThat(result.lines()).extracting(ReportSheet.Line::number).containsExactly(2, 6);
		assertThat(result.problems()).extracting(ReportSheet.Problem::row, ReportSheet.Problem::column,
				ReportSheet.Problem::messageKey).containsExactly(
						org.assertj.core.groups.Tuple.tuple(3, "jenis_kelamin", "sheet.sex"),
						org.assertj.core.groups.Tuple.tuple(4, "nama", "input.tooLong"),
						org.assertj.core.groups.Tuple.tuple(4, "catatan", "input.tooLong"),
						org.assertj.core.groups.Tuple.tuple(5, "nama", "input.required"));
		assertThat(result.problems().get(0).arguments()).containsExactly("X");
		assertThat(result.problems().get(1).arguments()).containsExactly(300);
		assertThat(result.problems().get(2).arguments()).containsExactly(2000);
	}

	@Test
	void theLimitsAreThoseOfTheReportForm() {
		byte[] file = workbook(TEMPLATE_HEADERS, new Object[] { "N".repeat(300), "K".repeat(100), "",
				"U".repeat(40), "D".repeat(200), "T".repeat(300), "G".repeat(300), "M".repeat(200), "S".repeat(40),
				"C".repeat(2000) });

		assertThat(ReportSheet.read(file).accepted()).isTrue();
	}

	@Test
	void numbersAndDatesAreReadAsTheyLook() throws IOException {
		byte[] file;
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Laporan");
			fill(sheet.createRow(0), "nama", "umur_atau_tanggal_lahir", "nomor_dokumen", "sejak");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("Aung");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
			Cell birth = row.createCell(1);
			birth.setCellValue(LocalDate.of(1979, 3, 12));
			birth.setCellStyle(date);
			row.createCell(2).setCellValue(12345678);
			row.createCell(3).setCellValue(2011.5);
			Row second = sheet.createRow(2);
			second.createCell(0).setCellValue("Min");
			second.createCell(1).setCellValue(45);
			file = bytes(workbook);
		}

		List<ReportSheet.Line> lines = ReportSheet.read(file).lines();

		assertThat(lines.get(0).form().ageOrBirth()).isEqualTo("1979-03-12");
		assertThat(lines.get(0).form().documentNumbers()).isEqualTo("12345678");
		assertThat(lines.get(0).form().presentSince()).isEqualTo("2011.5");
		assertThat(lines.get(1).form().ageOrBirth()).isEqualTo("45");
	}

	/**
	 * The one formula policy: a formula is never a value, neither calculated nor taken as the result saved with it
	 * (which a crafted file can set to anything); it is a problem of its row, as an error cell is.
	 */
	@Test
	void aFormulaIsAProblemOfItsRowEvenWithASavedResult() throws IOException {
		byte[] file;
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Laporan");
			fill(sheet.createRow(0), "nama", "umur_atau_tanggal_lahir");
			Row saved = sheet.createRow(1);
			saved.createCell(0).setCellFormula("\"Kyaw\"&\" Min\"");
			saved.createCell(1).setCellFormula("2026-1979");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			Row unsaved = sheet.createRow(2);
			unsaved.createCell(0).setCellFormula("\"Htun\"&\" Oo\"");
			Row error = sheet.createRow(3);
			error.createCell(0).setCellValue("Than");
			error.createCell(1).setCellErrorValue(FormulaError.DIV0.getCode());
			Row typed = sheet.createRow(4);
			typed.createCell(0).setCellValue("Aung Min");
			typed.createCell(1).setCellValue("47");
			file = bytes(workbook);
		}

		ReportSheet.Result result = ReportSheet.read(file);

		assertThat(result.lines()).singleElement().satisfies(line -> {
			assertThat(line.number()).isEqualTo(5);
			assertThat(line.form().namesAsHeard()).isEqualTo("Aung Min");
		});
		assertThat(result.problems()).extracting(ReportSheet.Problem::row, ReportSheet.Problem::column,
				ReportSheet.Problem::messageKey).containsExactly(
						org.assertj.core.groups.Tuple.tuple(2, "nama", "sheet.formula"),
						org.assertj.core.groups.Tuple.tuple(2, "umur_atau_tanggal_lahir", "sheet.formula"),
						org.assertj.core.groups.Tuple.tuple(3, "nama", "sheet.formula"),
						org.assertj.core.groups.Tuple.tuple(4, "umur_atau_tanggal_lahir", "sheet.cellError"));
		assertThat(result.problems().get(3).arguments()).containsExactly("#DIV/0!");
	}

	@Test
	void aValueInAColumnWithoutHeaderIsAProblemRatherThanLost() {
		byte[] file = workbook(new String[] { "nama", "", "catatan" },
				new Object[] { "Aung", "tersesat", "-" });

		assertThat(ReportSheet.read(file).problems()).singleElement().satisfies(problem -> {
			assertThat(problem.row()).isEqualTo(2);
			assertThat(problem.column()).isEqualTo("B");
			assertThat(problem.messageKey()).isEqualTo("sheet.valueWithoutHeader");
		});
	}

	@Test
	void refusesAFileThatIsNotAnXlsxByItsBytes() throws IOException {
		assertRefused("nama;kewarganegaraan\nAung;Myanmar\n".getBytes(StandardCharsets.UTF_8), "sheet.notXlsx");
		assertRefused("<html><body>nama</body></html>".getBytes(StandardCharsets.UTF_8), "sheet.notXlsx");
		assertRefused(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1, 0, 0 }, "sheet.oldOrProtected");
		assertRefused(new byte[] { 'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8 }, "sheet.notXlsx");
		assertRefused(zip("catatan.txt", "bukan buku kerja".getBytes(StandardCharsets.UTF_8)), "sheet.notXlsx");
		assertRefused(new byte[0], "sheet.missing");
		assertRefused(new byte[ReportSheet.MAX_BYTES + 1], "sheet.tooLarge");
	}

	@Test
	void refusesASmallFileThatUnpacksToTooMuch() throws IOException {
		byte[] blanks = new byte[64 << 20];
		Arrays.fill(blanks, (byte) ' ');
		byte[] start = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(start, 0, blanks, 0, start.length);
		byte[] bomb = withEntry(workbook(new String[] { "nama" }, new Object[] { "Aung" }), "xl/worksheets/sheet1.xml",
				blanks);
		assertThat(bomb.length).isLessThan(ReportSheet.MAX_BYTES);

		assertRefused(bomb, "sheet.tooLargeUnpacked");
	}

	/**
	 * The one policy of every spreadsheet reader holds here too: a row wider than it allows refuses the file, before
	 * the workbook is read further (issue 16).
	 */
	@Test
	void aRowWiderThanThePolicyAllowsRefusesTheFile() {
		Object[] wide = new Object[id.pantau.platform.tables.SheetPolicy.MAX_COLUMNS + 1];
		Arrays.fill(wide, "x");
		assertRefused(workbook(new String[] { "nama" }, wide), "import.tooManyColumns",
				Integer.toString(id.pantau.platform.tables.SheetPolicy.MAX_COLUMNS));
	}

	@Test
	void refusesHeadersItDoesNotKnowOrKnowsTwiceAndASheetWithoutNames() {
		assertRefused(workbook(new String[] { "nama", "paspor", "hobi" }, new Object[] { "Aung" }),
				"sheet.unknownColumns", "paspor, hobi");
		assertRefused(workbook(new String[] { "nama", "Names" }, new Object[] { "Aung" }), "sheet.duplicateColumn",
				"Names");
		assertRefused(workbook(new String[] { "kewarganegaraan", "catatan" }, new Object[] { "Myanmar" }),
				"sheet.noNameColumn");
		assertRefused(workbook(new String[] { "nama" }), "sheet.empty");
		assertRefused(workbook(new String[0]), "sheet.noHeader");
	}

	@Test
	void refusesMoreRowsThanOneVillageSendsInAMonth() {
		Object[][] rows = new Object[ReportSheet.MAX_ROWS + 1][];
		Arrays.fill(rows, new Object[] { "Aung" });
		assertRefused(workbook(new String[] { "nama" }, rows), "sheet.tooManyRows", ReportSheet.MAX_ROWS);

		Object[][] enough = new Object[ReportSheet.MAX_ROWS][];
		Arrays.fill(enough, new Object[] { "Aung" });
		assertThat(ReportSheet.read(workbook(new String[] { "nama" }, enough)).lines()).hasSize(ReportSheet.MAX_ROWS);
	}

	@Test
	void theTemplateHasItsHeadersFrozenASexDropDownAndInstructions() throws IOException {
		byte[] template = ReportTemplate.template(key -> "<" + key + ">",
				new ReportTemplate.Prefill("81.72.01.2001", "Fiditan", YearMonth.of(2026, 10)));

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			XSSFSheet sheet = workbook.getSheet("Laporan");
			assertThat(workbook.getSheetName(0)).isEqualTo("Laporan");
			assertThat(workbook.getSheetName(1)).isEqualTo("Petunjuk");
			List<String> headers = new java.util.ArrayList<>();
			sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
			assertThat(headers).containsExactly("nama", "kewarganegaraan", "jenis_kelamin", "umur_atau_tanggal_lahir",
					"nomor_dokumen", "tinggal_di", "kegiatan", "majikan_atau_kapal", "sejak", "catatan");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(sheet.getColumnWidth(0)).isGreaterThan(sheet.getColumnWidth(2));
			assertThat(sheet.getDataValidations()).singleElement().satisfies(validation -> {
				assertThat(validation.getValidationConstraint().getExplicitListValues()).containsExactly("L", "P");
				assertThat(validation.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(2);
				assertThat(validation.getRegions().getCellRangeAddress(0).getLastRow()).isEqualTo(ReportSheet.MAX_ROWS);
				assertThat(validation.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
			});
			assertThat(sheet.getCTWorksheet().getDataValidations().getDataValidationArray(0).getShowDropDown())
					.as("Excel shows the arrow when showDropDown is false").isFalse();
			StringBuilder help = new StringBuilder();
			workbook.getSheet("Petunjuk").forEach(row -> row.forEach(cell -> help.append(cell).append('|')));
			assertThat(help).contains("<sheet.help.title>", "Fiditan (81.72.01.2001)", "2026-10",
					"jenis_kelamin|<common.no>|L / P|<sheet.help.jenis_kelamin>|<sheet.help.jenis_kelamin.example>|sex|");
		}
		assertThat(ReportTemplate.fileName(new ReportTemplate.Prefill("81.72.01.2001", "Fiditan", YearMonth.of(2026, 10))))
				.isEqualTo("templat-laporan-8172012001-2026-10.xlsx");
		assertThat(ReportTemplate.fileName(null)).isEqualTo("templat-laporan.xlsx");
	}

	@Test
	void theEmptyTemplateReadsBackAsAFileWithoutRows() {
		assertRefused(ReportTemplate.template(key -> key, null), "sheet.empty");
	}

	private static void assertRefused(byte[] file, String key, Object... arguments) {
		assertThatThrownBy(() -> ReportSheet.read(file)).isInstanceOfSatisfying(InvalidInput.class,
				invalid -> assertThat(invalid.problems()).singleElement().satisfies(problem -> {
					assertThat(problem.field()).isEqualTo("file");
					assertThat(problem.messageKey()).isEqualTo(key);
					if (arguments.length > 0) {
						assertThat(problem.arguments()).containsExactly(arguments);
					}
				}));
	}

	/** A workbook with a sheet Laporan: the header row, then one row per array (strings and numbers). */
	static byte[] workbook(String[] headers, Object[]... rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Laporan");
			if (headers.length > 0) {
				fill(sheet.createRow(0), (Object[]) headers);
			}
			for (int i = 0; i < rows.length; i++) {
				fill(sheet.createRow(i + 1), rows[i]);
			}
			return bytes(workbook);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static void fill(Row row, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (values[i] instanceof Number number) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else if (values[i] != null && !values[i].toString().isEmpty()) {
				row.createCell(i).setCellValue(values[i].toString());
			}
		}
	}

	static byte[] bytes(Workbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}

	/** A copy of a workbook with one entry's content replaced. */
	private static byte[] withEntry(byte[] workbook, String name, byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(workbook));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(9);
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals(name)) {
					zip.write(content);
				}
				else {
					in.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static byte[] zip(String name, byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content);
			zip.closeEntry();
		}
		return out.toByteArray();
	}
}
