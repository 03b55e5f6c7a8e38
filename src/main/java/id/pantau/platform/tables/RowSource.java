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
		byte[] magic = new byte[4];
		try (InputStream in = Files.newInputStream(file)) {
			in.readNBytes(magic, 0, 4);
		}
		if (magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
			return WorkbookRows.open(file);
		}
		if ((magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF && magic[2] == 0x11 && (magic[3] & 0xFF) == 0xE0) {
			throw new UnreadableFile("import.oldOrProtected", null);
		}
		return DelimitedRows.open(file);
	}
}
