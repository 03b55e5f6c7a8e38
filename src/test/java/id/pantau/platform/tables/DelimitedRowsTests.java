package id.pantau.platform.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedRowsTests {

	@TempDir
	Path folder;

	@Test
	void readsUtf8WithAByteOrderMarkAndCommas() throws IOException {
		List<List<String>> rows = read(write(("\uFEFFnama,kewarganegaraan\nNGUYỄN VĂN HÙNG,VNM\n")
				.getBytes(StandardCharsets.UTF_8)));
		assertThat(rows).containsExactly(List.of("nama", "kewarganegaraan"), List.of("NGUYỄN VĂN HÙNG", "VNM"));
	}

	@Test
	void readsWindows1252AndSemicolonsAsExcelSavesThemInIndonesia() throws IOException {
		byte[] bytes = "nama;kota\r\nJOS\u00c9 GARC\u00cdA;Tual\r\n".getBytes(DelimitedRows.WINDOWS_1252);
		Path file = write(bytes);
		try (DelimitedRows rows = DelimitedRows.open(file)) {
			assertThat(rows.delimiter()).isEqualTo(';');
			assertThat(rows.charset()).isEqualTo(DelimitedRows.WINDOWS_1252);
		}
		assertThat(read(file)).containsExactly(List.of("nama", "kota"), List.of("JOSÉ GARCÍA", "Tual"));
	}

	@Test
	void keepsQuotedDelimitersDoubledQuotesAndLineBreaksInsideAField() throws IOException {
		List<List<String>> rows = read(write("a,b\n\"1,5\",\"he said \"\"hi\"\"\nthen left\"\n".getBytes(
				StandardCharsets.UTF_8)));
		assertThat(rows.get(1)).containsExactly("1,5", "he said \"hi\"\nthen left");
	}

	@Test
	void refusesAFileWithNulBytes() throws IOException {
		Path file = write("nama,x\nAB\u0000C,1\n".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> read(file)).isInstanceOf(UnreadableFile.class).hasMessageStartingWith("import.nulByte");
	}

	@Test
	void referenceDataLeavesOutCommentsAndBlankLinesAndTrimsFields() throws IOException {
		byte[] bytes = ("\uFEFF# a comment, with \"an unclosed quote\n\nkode , nama\n# another\n81.72 ,\"Tual, Kota\"\n\n")
				.getBytes(StandardCharsets.UTF_8);
		assertThat(DelimitedRows.readAll(new java.io.ByteArrayInputStream(bytes)))
				.containsExactly(List.of("kode", "nama"), List.of("81.72", "Tual, Kota"));
	}

	@Test
	void referenceDataSavedByExcelInWindows1252IsReadAsWritten() throws IOException {
		byte[] bytes = "kode,nama\n81.72,Ohoi \u00c9\n".getBytes(DelimitedRows.WINDOWS_1252);
		assertThat(DelimitedRows.readAll(new java.io.ByteArrayInputStream(bytes)))
				.containsExactly(List.of("kode", "nama"), List.of("81.72", "Ohoi \u00c9"));
	}

	@Test
	void aKeptLineIsReadBackAsTheWriterWroteIt() {
		List<String> cells = java.util.Arrays.asList("a,b", "say \"hi\"", "two\nlines", "", "=1+1", "x\r");
		assertThat(DelimitedRows.fields(Csv.line(cells))).isEqualTo(cells);
		assertThat(DelimitedRows.fields("")).containsExactly("");
	}

	@Test
	void aSequenceCutAtTheEndOfTheSampleStillCountsAsUtf8() {
		byte[] text = "aé".getBytes(StandardCharsets.UTF_8);
		assertThat(DelimitedRows.isUtf8(text, text.length - 1)).isTrue();
		assertThat(DelimitedRows.isUtf8(new byte[] { 'a', (byte) 0xE9, 'b' }, 3)).isFalse();
	}

	private Path write(byte[] bytes) throws IOException {
		Path file = Files.createTempFile(folder, "rows", ".csv");
		Files.write(file, bytes);
		return file;
	}

	private static List<List<String>> read(Path file) throws IOException {
		List<List<String>> all = new ArrayList<>();
		try (DelimitedRows rows = DelimitedRows.open(file)) {
			List<String> row;
			while ((row = rows.next()) != null) {
				all.add(row);
			}
		}
		return all;
	}
}
