package id.pantau.platform.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookRowsTests {

	@TempDir
	Path folder;

	@Test
	void readsTheFirstSheetWithEmptyCellsInPlaceDatesAsIsoAndNumbersAsShown() throws IOException {
		List<Object> gap = Arrays.asList("KYAW", null, "MMR");
		Path file = Workbooks.write(folder, false, List.of(
				List.of("Nama", "Waktu", "Kewarganegaraan", "Lahir", "Tahun", "Teks"),
				Arrays.asList("KYAW MIN", LocalDateTime.of(2026, 3, 1, 14, 30), "MMR", LocalDate.of(1979, 3, 15),
						1979, "2026-03-01 14:30"),
				gap),
				List.of(List.of("lembar kedua")));
		List<List<String>> rows = read(file);
		assertThat(rows.get(0)).containsExactly("Nama", "Waktu", "Kewarganegaraan", "Lahir", "Tahun", "Teks");
		assertThat(rows.get(1)).containsExactly("KYAW MIN", "2026-03-01 14:30:00", "MMR", "1979-03-15", "1979",
				"2026-03-01 14:30");
		assertThat(rows.get(2)).containsExactly("KYAW", "", "MMR");
		assertThat(rows).hasSize(3);
	}

	@Test
	void readsSharedStringsAsExcelWritesThemAndKeepsMissingRowsAsEmptyRows() throws IOException {
		List<List<Object>> sheet = new ArrayList<>();
		sheet.add(List.of("nama", "catatan"));
		sheet.add(null);
		sheet.add(List.of("NGUYỄN VĂN HÙNG", "baris\rdua"));
		sheet.add(List.of("NGUYỄN VĂN HÙNG", 1.5));
		List<List<String>> rows = read(Workbooks.write(folder, true, sheet));
		assertThat(rows).containsExactly(List.of("nama", "catatan"), List.of(),
				List.of("NGUYỄN VĂN HÙNG", "baris\rdua"), List.of("NGUYỄN VĂN HÙNG", "1.5"));
	}

	@Test
	void aFormulaComesAsItsFormulaNeverItsResult() throws IOException {
		List<List<String>> rows = read(Workbooks.write(folder, false, List.of(List.of("nama", "umur"),
				List.of(new Workbooks.Formula("HYPERLINK(\"http://x\",\"y\")"), new Workbooks.Formula("1+2")))));
		assertThat(rows.get(1)).containsExactly("=HYPERLINK(\"http://x\",\"y\")", "=1+2");
	}

	@Test
	void closingBeforeTheEndStopsTheReadingThread() throws IOException {
		List<List<Object>> sheet = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			sheet.add(List.of("baris " + i, i));
		}
		WorkbookRows rows = WorkbookRows.open(Workbooks.write(folder, false, sheet));
		assertThat(rows.next()).containsExactly("baris 0", "0");
		rows.close();
		assertThat(rows.reading()).isFalse();
	}

	@Test
	void aZipBombIsRefusedQuickly() throws IOException {
		Path bomb = Workbooks.zipBomb(folder);
		assertThat(Files.size(bomb)).isLessThan(1 << 20);
		long start = System.nanoTime();
		assertThatThrownBy(() -> read(bomb)).isInstanceOf(UnreadableFile.class)
				.hasMessageStartingWith("import.zipBomb");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aPartPoiReadsWholeIsRefusedWhenItExpandsTooFar() throws IOException {
		Path valid = Workbooks.write(folder, false, List.of(List.of("nama")));
		Path styles = Workbooks.withEntry(valid, "xl/styles.xml", out -> {
			byte[] blanks = new byte[1 << 20];
			Arrays.fill(blanks, (byte) ' ');
			out.write("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
					.getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i < 70; i++) {
				out.write(blanks);
			}
			out.write("</styleSheet>".getBytes(StandardCharsets.UTF_8));
		});
		assertThatThrownBy(() -> WorkbookRows.open(styles)).isInstanceOf(UnreadableFile.class)
				.hasMessageStartingWith("import.zipBomb");
	}

	@Test
	void anExternalEntityIsNeverExpanded() throws IOException {
		Path file = Workbooks.externalEntity(folder);
		List<List<String>> seen = new ArrayList<>();
		assertThatThrownBy(() -> {
			try (WorkbookRows rows = WorkbookRows.open(file)) {
				List<String> row;
				while ((row = rows.next()) != null) {
					seen.add(row);
				}
			}
		}).isInstanceOf(UnreadableFile.class).hasMessageStartingWith("import.unsafeXml")
				.satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
		assertThat(seen.toString()).doesNotContain("root:");
	}

	@Test
	void aZipThatIsNotAWorkbookIsRefusedAsSuch() throws IOException {
		assertThatThrownBy(() -> WorkbookRows.open(Workbooks.notAWorkbook(folder)))
				.isInstanceOf(UnreadableFile.class).hasMessageStartingWith("import.notXlsx");
	}

	@Test
	void aTruncatedWorkbookIsRefusedAsBroken() throws IOException {
		Path valid = Workbooks.write(folder, false, List.of(List.of("nama")));
		byte[] bytes = Files.readAllBytes(valid);
		Path truncated = folder.resolve("truncated.xlsx");
		Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
		assertThatThrownBy(() -> read(truncated)).isInstanceOf(UnreadableFile.class)
				.satisfies(e -> assertThat(((UnreadableFile) e).messageKey()).isIn("import.brokenXlsx",
						"import.notXlsx"));
	}

	@Test
	void aCellLongerThanExcelAllowsRefusesTheFile() throws IOException {
		Path valid = Workbooks.write(folder, false, List.of(List.of("nama")));
		Path file = Workbooks.withEntry(valid, "xl/worksheets/sheet1.xml", out -> {
			out.write(("<worksheet xmlns=\"" + Workbooks.SHEET_NAMESPACE
					+ "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>").getBytes(
							StandardCharsets.UTF_8));
			out.write("A".repeat(100_000).getBytes(StandardCharsets.UTF_8));
			out.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
		});
		assertThatThrownBy(() -> read(file)).isInstanceOf(UnreadableFile.class)
				.hasMessageStartingWith("import.cellTooLong");
	}

	/** Issue 16: POI's zip limits are JVM-wide; reading a workbook must not change them for everyone else. */
	@Test
	void readingAWorkbookLeavesPoisGlobalZipSettingsAlone() throws IOException {
		double ratio = org.apache.poi.openxml4j.util.ZipSecureFile.getMinInflateRatio();
		long entry = org.apache.poi.openxml4j.util.ZipSecureFile.getMaxEntrySize();
		read(Workbooks.write(folder, true, List.of(List.of("nama"), List.of("Aung"))));
		assertThat(org.apache.poi.openxml4j.util.ZipSecureFile.getMinInflateRatio()).isEqualTo(ratio);
		assertThat(org.apache.poi.openxml4j.util.ZipSecureFile.getMaxEntrySize()).isEqualTo(entry);
	}

	@Test
	void aRowWiderThanThePolicyRefusesTheFile() throws IOException {
		List<Object> wide = new ArrayList<>();
		for (int i = 0; i <= SheetPolicy.MAX_COLUMNS; i++) {
			wide.add("k" + i);
		}
		Path file = Workbooks.write(folder, false, List.of(List.of("nama"), wide));
		assertThatThrownBy(() -> read(file)).isInstanceOf(UnreadableFile.class)
				.hasMessage("import.tooManyColumns: " + SheetPolicy.MAX_COLUMNS);
	}

	@Test
	void aRowLongerThanThePolicyRefusesTheFileThoughEachCellIsShortEnough() throws IOException {
		List<Object> row = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			row.add("x".repeat(SheetPolicy.MAX_CELL_CHARS));
		}
		Path file = Workbooks.write(folder, true, List.of(List.of("nama"), row));
		assertThatThrownBy(() -> read(file)).isInstanceOf(UnreadableFile.class)
				.hasMessage("import.rowTooLong: " + SheetPolicy.MAX_ROW_CHARS);
	}

	/**
	 * The probe's 1.35 GB file carried 1.5 million rows, more than a sheet holds: rows that repeat one row number (or
	 * carry none) are counted as they come, so they cannot slip past the bound as the row numbers did.
	 */
	@Test
	void moreRowsThanASheetHoldsRefuseTheFileWhateverTheirNumbers() throws IOException {
		Path valid = Workbooks.write(folder, false, List.of(List.of("nama")));
		java.util.Random random = new java.util.Random(16);
		Path file = Workbooks.withEntry(valid, "xl/worksheets/sheet1.xml", out -> {
			out.write(("<worksheet xmlns=\"" + Workbooks.SHEET_NAMESPACE + "\"><sheetData>")
					.getBytes(StandardCharsets.UTF_8));
			// empty rows, with a little noise so that the sheet compresses like a real one
			byte[] row = "<row r=\"7\" x=\"ABCDE\"/>".getBytes(StandardCharsets.UTF_8);
			int text = new String(row, StandardCharsets.UTF_8).indexOf("ABCDE");
			for (int i = 0; i <= SheetPolicy.MAX_ROWS; i++) {
				for (int k = 0; k < 5; k++) {
					row[text + k] = (byte) ('A' + random.nextInt(26));
				}
				out.write(row);
			}
			out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
		});
		assertThatThrownBy(() -> read(file)).isInstanceOf(UnreadableFile.class)
				.hasMessage("import.tooManyRows: " + SheetPolicy.MAX_ROWS);
	}

	@Test
	void nextRowTellsFormulasTheirSavedResultsAndErrorsApart() throws IOException {
		Path file = Workbooks.write(folder, false, List.of(List.of("nama", "umur"),
				List.of("Aung", new Workbooks.Formula("2026-1979"))));
		try (WorkbookRows rows = WorkbookRows.open(file)) {
			assertThat(rows.nextRow().specials()).isEmpty();
			WorkbookRows.SheetRow row = rows.nextRow();
			assertThat(row.cells()).containsExactly("Aung", "=2026-1979");
			assertThat(row.specials()).containsOnlyKeys(1);
			assertThat(row.specials().get(1).formula()).isEqualTo("2026-1979");
			assertThat(row.specials().get(1).error()).isNull();
		}
	}

	@Test
	void columnsOfCellReferences() {
		assertThat(WorkbookRows.column("A1")).isZero();
		assertThat(WorkbookRows.column("AB12")).isEqualTo(27);
		assertThat(WorkbookRows.column("XFD1")).isEqualTo(16_383);
		assertThat(WorkbookRows.column("1")).isEqualTo(-1);
	}

	private static List<List<String>> read(Path file) throws IOException {
		List<List<String>> all = new ArrayList<>();
		try (WorkbookRows rows = WorkbookRows.open(file)) {
			List<String> row;
			while ((row = rows.next()) != null) {
				all.add(row);
			}
		}
		return all;
	}
}
