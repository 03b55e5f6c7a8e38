package id.pantau.platform.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Workbooks built in a test: real ones written with POI's streaming writer, and hostile ones made by hand. */
public final class Workbooks {

	public static final String SHEET_NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	/** A formula to write into a cell. */
	public record Formula(String text) {
	}

	private Workbooks() {
	}

	/**
	 * An XLSX with one sheet per array of rows. Strings become text cells, numbers number cells, {@link LocalDate}s
	 * and {@link LocalDateTime}s date cells with a date format, {@link Formula}s formula cells, nulls no cell.
	 *
	 * @param sharedStrings whether text goes to the shared strings table (as Excel writes it) or inline
	 */
	@SafeVarargs
	public static Path write(Path folder, boolean sharedStrings, List<List<Object>>... sheets) throws IOException {
		Path file = Files.createTempFile(folder, "workbook", ".xlsx");
		SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, sharedStrings);
		try (workbook; OutputStream out = Files.newOutputStream(file)) {
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			CellStyle dateTime = workbook.createCellStyle();
			dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
			int number = 0;
			for (List<List<Object>> rows : sheets) {
				Sheet sheet = workbook.createSheet("Lembar" + ++number);
				for (int r = 0; r < rows.size(); r++) {
					if (rows.get(r) == null) {
						continue;
					}
					Row row = sheet.createRow(r);
					List<Object> values = rows.get(r);
					for (int c = 0; c < values.size(); c++) {
						Object value = values.get(c);
						if (value == null) {
							continue;
						}
						Cell cell = row.createCell(c);
						if (value instanceof String text) {
							cell.setCellValue(text);
						}
						else if (value instanceof Number n) {
							cell.setCellValue(n.doubleValue());
						}
						else if (value instanceof LocalDateTime time) {
							cell.setCellValue(time);
							cell.setCellStyle(dateTime);
						}
						else if (value instanceof LocalDate day) {
							cell.setCellValue(day);
							cell.setCellStyle(date);
						}
						else if (value instanceof Formula formula) {
							cell.setCellFormula(formula.text());
						}
						else {
							throw new IllegalArgumentException(value.getClass().getName());
						}
					}
				}
			}
			workbook.write(out);
		}
		finally {
			workbook.dispose();
		}
		return file;
	}

	/** Writes an entry's content. */
	public interface Content {

		void write(OutputStream out) throws IOException;
	}

	/** A copy of a workbook with one entry replaced (or added). */
	public static Path withEntry(Path workbook, String name, Content content) throws IOException {
		Path file = Files.createTempFile(workbook.getParent(), "changed", ".xlsx");
		try (ZipFile source = new ZipFile(workbook.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			out.setLevel(9);
			for (Enumeration<? extends ZipEntry> entries = source.entries(); entries.hasMoreElements();) {
				ZipEntry entry = entries.nextElement();
				if (entry.getName().equals(name)) {
					continue;
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				try (InputStream in = source.getInputStream(entry)) {
					in.transferTo(out);
				}
				out.closeEntry();
			}
			out.putNextEntry(new ZipEntry(name));
			content.write(out);
			out.closeEntry();
		}
		return file;
	}

	/** A workbook of a few hundred kilobytes whose first sheet expands to 256 MB of blanks. */
	public static Path zipBomb(Path folder) throws IOException {
		Path valid = write(folder, false, List.of(List.of("nama")));
		return withEntry(valid, "xl/worksheets/sheet1.xml", out -> {
			out.write(("<worksheet xmlns=\"" + SHEET_NAMESPACE + "\"><sheetData>").getBytes(StandardCharsets.UTF_8));
			byte[] blanks = new byte[1 << 20];
			Arrays.fill(blanks, (byte) ' ');
			for (int i = 0; i < 256; i++) {
				out.write(blanks);
			}
			out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
		});
	}

	/** A workbook whose first sheet declares an external entity reading {@code /etc/passwd} and uses it in a cell. */
	public static Path externalEntity(Path folder) throws IOException {
		Path valid = write(folder, false, List.of(List.of("nama")));
		return withEntry(valid, "xl/worksheets/sheet1.xml", out -> out.write(("""
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<worksheet xmlns="%s"><sheetData>
				<row r="1"><c r="A1" t="inlineStr"><is><t>nama</t></is></c></row>
				<row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c></row>
				</sheetData></worksheet>""".formatted(SHEET_NAMESPACE)).getBytes(StandardCharsets.UTF_8)));
	}

	/** A ZIP archive that holds a text file, not a workbook. */
	public static Path notAWorkbook(Path folder) throws IOException {
		Path file = Files.createTempFile(folder, "archive", ".zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			out.putNextEntry(new ZipEntry("perlintasan.txt"));
			out.write("nama,kewarganegaraan\n".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		return file;
	}
}
