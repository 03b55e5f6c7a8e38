package id.pantau.platform.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload is what its bytes say, not what its name or content type claim. */
class UploadContentTests {

	@TempDir
	Path folder;

	@Test
	void aFileNamedXlsxThatIsNotAZipIsRefusedEvenWhenItWouldReadAsCsv() throws IOException {
		Path file = write("data.xlsx", "arah,waktu\nMASUK,2025-01-01\n".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> RowSource.open(file, "Data Perlintasan.XLSX")).isInstanceOfSatisfying(
				UnreadableFile.class, e -> assertThat(e.messageKey()).isEqualTo("import.xlsxNotZip"));
	}

	@Test
	void aPdfAnImageOrACompressedFileNamedCsvIsRefusedByItsFirstBytes() throws IOException {
		for (var sample : List.of(List.of("%PDF-1.7\n%âãÏÓ\n1 0 obj", "PDF"), List.of("GIF89a\u0001\u0000", "GIF"))) {
			Path file = write("data.csv", sample.get(0).getBytes(StandardCharsets.ISO_8859_1));
			assertThatThrownBy(() -> RowSource.open(file, "data.csv")).isInstanceOfSatisfying(UnreadableFile.class,
					e -> assertThat(e.messageKey() + " " + e.argument()).isEqualTo("import.binary " + sample.get(1)));
		}
		Path gzip = write("data.csv", new byte[] { 0x1F, (byte) 0x8B, 8, 0, 'a', 'b', 'c' });
		assertThatThrownBy(() -> RowSource.open(gzip, "data.csv")).isInstanceOf(UnreadableFile.class);
	}

	@Test
	void binaryBytesWithoutAnyNulAreRefusedAsNotText() throws IOException {
		byte[] bytes = new byte[2000];
		Random random = new Random(7);
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (1 + random.nextInt(255));
		}
		Path file = write("data.csv", bytes);
		assertThatThrownBy(() -> RowSource.open(file, "data.csv")).isInstanceOfSatisfying(UnreadableFile.class,
				e -> assertThat(e.messageKey()).isEqualTo("import.binary"));
	}

	@Test
	void realCsvInUtf8OrWindows1252WithTabsAndLineBreaksIsStillRead() throws IOException {
		Path utf8 = write("a.csv", "nama;catatan\nNGUYỄN VĂN HÙNG;\"dua\nbaris\"\t\n".getBytes(StandardCharsets.UTF_8));
		Path cp1252 = write("b.csv", "nama,kota\nJOSÉ,Tual\r\n".getBytes(DelimitedRows.WINDOWS_1252));
		for (Path file : List.of(utf8, cp1252)) {
			try (RowSource rows = RowSource.open(file, file.getFileName().toString())) {
				assertThat(rows.next()).hasSize(2);
				assertThat(rows.next()).hasSize(2);
			}
		}
	}

	private Path write(String name, byte[] bytes) throws IOException {
		Path file = Files.createTempFile(folder, "upload", name);
		Files.write(file, bytes);
		return file;
	}
}
