package id.pantau.platform.tables;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** The rows of an uploaded table, one at a time: a CSV file or the first sheet of an XLSX workbook. */
public interface RowSource extends Closeable {

	/** The next row's cells, or null at the end. The first row is the header. */
	List<String> next() throws IOException;

	/** How far through the file the reading is, from 0 to 1, for a progress bar. */
	double progress();
}
