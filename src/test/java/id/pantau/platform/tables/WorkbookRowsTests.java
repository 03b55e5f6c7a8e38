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
