package id.pantau.platform.tables;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The rows of an uploaded table, one at a time: a CSV file or the first sheet of an XLSX workbook. */
public interface RowSource extends Closeable {

	/** The next row's cells, or null at the end. The first row is the header. */
	List<String> next() throws IOException;

	/** How far through the file the reading is, from 0 to 1, for a progress bar. */
	double progress();

	/**
	 * The rows of an uploaded file by what its first bytes say it is: an XLSX workbook (a ZIP archive) is read as one,
	 * an old binary workbook or a password-protected one (an OLE2 container) is refused, anything else is read as CSV.
	 *
	 * @throws UnreadableFile when the file cannot be read as a table
	 */
	static RowSource open(Path file) throws IOException {
		byte[] head = new byte[4096];
		int length;
		try (InputStream in = Files.newInputStream(file)) {
			length = in.readNBytes(head, 0, head.length);
		}
		byte[] magic = java.util.Arrays.copyOf(head, 4);
		if (magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
			return WorkbookRows.open(file);
		}
		if ((magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF && magic[2] == 0x11 && (magic[3] & 0xFF) == 0xE0) {
			throw new UnreadableFile("import.oldOrProtected", null);
		}
		String binary = binaryKind(head, length);
		if (binary != null) {
			throw new UnreadableFile("import.binary", binary);
		}
		return DelimitedRows.open(file);
	}

	/**
	 * As {@link #open(Path)}, for an upload whose name says what it should be: a file named {@code .xlsx} must be a
	 * workbook (a ZIP archive); one that is not is refused, whatever else it might read as.
	 */
	static RowSource open(Path file, String uploadedName) throws IOException {
		String name = uploadedName == null ? "" : uploadedName.toLowerCase(java.util.Locale.ROOT).strip();
		if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
			byte[] magic = new byte[4];
			try (InputStream in = Files.newInputStream(file)) {
				in.readNBytes(magic, 0, 4);
			}
			if (!(magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4)) {
				throw new UnreadableFile("import.xlsxNotZip", null);
			}
		}
		return open(file);
	}

	/**
	 * What a file that is not text is, by its first bytes (PDF, images, compressed archives), or {@code "binary"} when
	 * its start has many control bytes; null for text. A CSV file never starts like this.
	 */
	static String binaryKind(byte[] head, int length) {
		int[][] signatures = { { '%', 'P', 'D', 'F', '-' }, { 0x89, 'P', 'N', 'G' }, { 'G', 'I', 'F', '8' },
				{ 0xFF, 0xD8, 0xFF }, { 0x1F, 0x8B }, { '7', 'z', 0xBC, 0xAF }, { 'R', 'a', 'r', '!' } };
		String[] kinds = { "PDF", "PNG", "GIF", "JPEG", "gzip", "7z", "RAR" };
		for (int s = 0; s < signatures.length; s++) {
			int[] magic = signatures[s];
			boolean matches = length >= magic.length;
			for (int i = 0; i < magic.length && matches; i++) {
				matches = (head[i] & 0xFF) == magic[i];
			}
			if (matches) {
				return kinds[s];
			}
		}
		int control = 0;
		for (int i = 0; i < length; i++) {
			int b = head[i] & 0xFF;
			if (b < 0x09 || (b > 0x0D && b < 0x20) || b == 0x7F) {
				control++;
			}
		}
		return length > 0 && control * 20 > length ? "binary" : null;
	}
}
