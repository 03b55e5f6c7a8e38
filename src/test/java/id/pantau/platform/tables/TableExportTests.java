package id.pantau.platform.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableExportTests {

	private static final List<String> HEADER = List.of("nama", "tahun", "lahir", "waktu", "catatan");
	private static final List<Object> ROW = Arrays.asList("=HYPERLINK(\"http://x\",\"klik\")", 1979,
			LocalDate.of(1979, 3, 15), LocalDateTime.of(2026, 3, 1, 14, 30), "-1+2");
	private static final List<Object> PLAIN = Arrays.asList("KYAW, MIN", null, null, null, "\tdengan tab");

	@TempDir
	Path folder;

	@Test
	void csvHasAByteOrderMarkCommasAndNoCellThatRunsAsAFormula() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (TableExport table = TableExport.open(TableExport.Format.CSV, out, "x", HEADER)) {
			table.row(ROW);
			table.row(PLAIN);
			assertThat(table.rows()).isEqualTo(2);
		}
		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFnama,tahun,lahir,waktu,catatan\r\n")
				.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",1979,1979-03-15,2026-03-01 14:30:00,'-1+2\r\n")
				.endsWith("\"KYAW, MIN\",,,,'\tdengan tab\r\n");
		Path file = folder.resolve("ekspor.csv");
		Files.write(file, out.toByteArray());
		List<List<String>> rows = new ArrayList<>();
		try (DelimitedRows reader = DelimitedRows.open(file)) {
			List<String> row;
			while ((row = reader.next()) != null) {
				rows.add(row);
			}
		}
		assertThat(rows.get(1)).containsExactly("'=HYPERLINK(\"http://x\",\"klik\")", "1979", "1979-03-15",
				"2026-03-01 14:30:00", "'-1+2");
	}

	@Test
	void xlsxWritesTextAsNeutralisedTextNumbersAsNumbersAndDatesAsDates() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (TableExport table = TableExport.open(TableExport.Format.XLSX, out, "Ekspor", HEADER)) {
			table.row(ROW);
			table.row(PLAIN);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = workbook.getSheet("Ekspor");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("nama");
			Row row = sheet.getRow(1);
			assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\",\"klik\")");
			assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1979);
			assertThat(DateUtil.isCellDateFormatted(row.getCell(2))).isTrue();
			assertThat(row.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(1979, 3, 15));
			assertThat(row.getCell(3).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 3, 1, 14, 30));
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("'-1+2");
			assertThat(sheet.getRow(2).getCell(1)).isNull();
			assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("'\tdengan tab");
		}
	}

	@Test
	void formatsAreNamedInAnyCase() {
		assertThat(TableExport.Format.of("XLSX")).contains(TableExport.Format.XLSX);
		assertThat(TableExport.Format.of(" csv ")).contains(TableExport.Format.CSV);
		assertThat(TableExport.Format.of("xls")).isEmpty();
		assertThat(TableExport.Format.of(null)).isEmpty();
	}

	@Test
	void aStreamedExportTellsItsRowsAndWhetherItFinishedEvenWhenReadingFails() throws Exception {
		ResultSet row = (ResultSet) Proxy.newProxyInstance(
				getClass().getClassLoader(), new Class<?>[] { ResultSet.class }, (proxy, method, args) -> "x");
		List<TableExport.Written> told = new ArrayList<>();

		long rows = TableExport.stream(TableExport.Format.CSV, new ByteArrayOutputStream(), "t", List.of("a"),
				handler -> {
					for (int i = 0; i < 3; i++) {
						try {
							handler.processRow(row);
						}
						catch (SQLException e) {
							throw new IllegalStateException(e);
						}
					}
				}, rs -> List.of(rs.getString("a")), told::add);
		assertThat(rows).isEqualTo(3);
		assertThat(told).containsExactly(new TableExport.Written(3, true));

		told.clear();
		assertThatThrownBy(() -> TableExport.stream(TableExport.Format.XLSX,
				new ByteArrayOutputStream(), "t", List.of("a"), handler -> {
					try {
						handler.processRow(row);
					}
					catch (SQLException e) {
						throw new IllegalStateException(e);
					}
					throw new IllegalStateException("connection lost");
				}, rs -> List.of(rs.getString("a")), told::add)).hasMessage("connection lost");
		assertThat(told).containsExactly(new TableExport.Written(1, false));
	}
}
