package id.pantau.platform.tables;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A table written for a partner row by row, as its rows are read, so that an export of any length needs little
 * memory: CSV (UTF-8 with a byte order mark so that Excel reads it as such, commas, CRLF, RFC 4180 quoting) or XLSX
 * (POI's streaming writer, which keeps a window of {@value #WINDOW} rows in memory and the rest in a compressed
 * temporary file until the workbook is written at the end).
 * <p>
 * Every text cell passes through {@link Csv#neutralise(String)}, in XLSX too, and is written as text: a value that
 * begins like a formula never runs as one. Numbers are numbers; dates and times ({@link LocalDate},
 * {@link LocalDateTime}) are date cells in XLSX, shown dd-mm-yyyy, and ISO text in CSV (a file for machines as much
 * as for people, and one the imports read back).
 */
public abstract sealed class TableExport implements Closeable permits TableExport.CsvTable, TableExport.XlsxTable {

	static final int WINDOW = 100;
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	public enum Format {

		CSV("text/csv; charset=UTF-8", "csv"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

		private final String contentType;
		private final String extension;

		Format(String contentType, String extension) {
			this.contentType = contentType;
			this.extension = extension;
		}

		public String contentType() {
			return contentType;
		}

		public String extension() {
			return extension;
		}

		/** {@code csv} or {@code xlsx}, in any case. */
		public static Optional<Format> of(String text) {
			if (text == null) {
				return Optional.empty();
			}
			return switch (text.strip().toLowerCase(Locale.ROOT)) {
				case "csv" -> Optional.of(CSV);
				case "xlsx" -> Optional.of(XLSX);
				default -> Optional.empty();
			};
		}
	}

	private long rows;

	/** Starts a table with its header row. The stream is not closed by {@link #close()}. */
	public static TableExport open(Format format, OutputStream out, String sheetName, List<String> header)
			throws IOException {
		TableExport table = format == Format.CSV ? new CsvTable(out) : new XlsxTable(out, sheetName);
		table.write(header, true);
		return table;
	}

	/** The cells of the current row of a result. */
	@FunctionalInterface
	public interface RowCells {

		List<?> of(ResultSet row) throws SQLException;
	}

	/** How an export went, for its audit entry: written even when the export failed part-way. */
	public record Written(long rows, boolean complete) {
	}

	/**
	 * Streams a query's rows into a table as they are read. {@code query} runs the query with the handler it is given;
	 * {@code afterwards} learns how many rows were written and whether the table was finished, also when reading or
	 * writing failed (then the exception follows).
	 *
	 * @return the rows written
	 */
	public static long stream(Format format, OutputStream out, String sheetName, List<String> header,
			Consumer<RowCallbackHandler> query, RowCells cells, Consumer<Written> afterwards) {
		long[] written = { 0 };
		boolean complete = false;
		try {
			try (TableExport table = open(format, out, sheetName, header)) {
				query.accept(row -> {
					try {
						table.row(cells.of(row));
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
					written[0] = table.rows();
				});
			}
			complete = true;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			afterwards.accept(new Written(written[0], complete));
		}
		return written[0];
	}

	/** Writes a row of cells: text, numbers, dates, date-times or nulls. */
	public void row(List<?> cells) throws IOException {
		write(cells, false);
		rows++;
	}

	/** How many rows (without the header) were written. */
	public long rows() {
		return rows;
	}

	abstract void write(List<?> cells, boolean header) throws IOException;

	/** Finishes the table and flushes it to the stream, which stays open. */
	@Override
	public abstract void close() throws IOException;

	static final class CsvTable extends TableExport {

		private final Writer out;
		private final StringBuilder line = new StringBuilder(256);

		CsvTable(OutputStream stream) throws IOException {
			this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
			out.write('\uFEFF');
		}

		@Override
		void write(List<?> cells, boolean header) throws IOException {
			line.setLength(0);
			for (int i = 0; i < cells.size(); i++) {
				if (i > 0) {
					line.append(',');
				}
				Object value = cells.get(i);
				if (value instanceof Number || value instanceof LocalDate) {
					line.append(value);
				}
				else if (value instanceof LocalDateTime time) {
					line.append(DATE_TIME.format(time));
				}
				else if (value != null) {
					String text = Csv.neutralise(value.toString());
					Csv.field(line, text.isEmpty() ? null : text);
				}
			}
			out.append(line).append("\r\n");
		}

		@Override
		public void close() throws IOException {
			out.flush();
		}
	}

	static final class XlsxTable extends TableExport {

		private final OutputStream out;
		private final SXSSFWorkbook workbook;
		private final SXSSFSheet sheet;
		private final CellStyle bold;
		private final CellStyle date;
		private final CellStyle dateTime;
		private int rowIndex;

		XlsxTable(OutputStream out, String sheetName) {
			this.out = out;
			this.workbook = new SXSSFWorkbook(WINDOW);
			workbook.setCompressTempFiles(true);
			this.sheet = workbook.createSheet(sheetName);
			sheet.createFreezePane(0, 1);
			sheet.setDefaultColumnWidth(18);
			Font font = workbook.createFont();
			font.setBold(true);
			this.bold = workbook.createCellStyle();
			bold.setFont(font);
			this.date = workbook.createCellStyle();
			// shown as people here write days (dd-mm-yyyy); the cells hold dates, which sort and filter as dates
			date.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy"));
			this.dateTime = workbook.createCellStyle();
			dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy hh:mm:ss"));
		}

		@Override
		void write(List<?> cells, boolean header) {
			Row row = sheet.createRow(rowIndex++);
			for (int i = 0; i < cells.size(); i++) {
				Object value = cells.get(i);
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(i);
				if (header) {
					cell.setCellStyle(bold);
				}
				if (value instanceof Number number) {
					cell.setCellValue(number.doubleValue());
				}
				else if (value instanceof LocalDateTime time) {
					cell.setCellValue(time);
					cell.setCellStyle(dateTime);
				}
				else if (value instanceof LocalDate day) {
					cell.setCellValue(day);
					cell.setCellStyle(date);
				}
				else {
					cell.setCellValue(Csv.neutralise(value.toString()));
				}
			}
		}

		@Override
		public void close() throws IOException {
			try {
				workbook.write(out);
				out.flush();
			}
			finally {
				workbook.dispose();
				workbook.close();
			}
		}
	}
}
