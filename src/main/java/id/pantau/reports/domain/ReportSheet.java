package id.pantau.reports.domain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import id.pantau.platform.InvalidInput;
import id.pantau.platform.tables.SheetPolicy;
import id.pantau.platform.tables.WorkbookRows;
import id.pantau.platform.tables.WorkbookRows.SheetRow;
import org.apache.poi.ss.util.CellReference;

/**
 * The reading of a month of a village's reports from a filled Excel workbook, the template that {@link ReportTemplate}
 * writes (its columns are {@link ReportColumn}; the file's own checks are {@link ReportSheetFile}'s).
 * <p>
 * Reading checks every row and collects every problem, so that a village's month is imported whole or not at all.
 * Headers are recognised in Indonesian or English, in any case, with spaces, underscores or camel case. Fully empty
 * rows are skipped. A formula cell, or an error such as {@code #N/A}, is a problem of its row: Pantau neither
 * calculates formulas nor takes the result saved with them (the one policy of {@link WorkbookRows}).
 * <p>
 * The file is refused when it is larger than {@value #MAX_BYTES} bytes or when its first bytes are not those of a ZIP
 * archive (an XLSX is one). It is then read as a stream by {@link WorkbookRows}, under the one policy for every
 * spreadsheet ({@link SheetPolicy}: unpacked size, compression ratio, columns, cell and row length), and reading
 * stops at the first row beyond {@value #MAX_ROWS}: a workbook is never loaded whole, so a small file that unpacks to
 * much costs little memory (issue 16). Plain Java, no Spring.
 */
public final class ReportSheet {

	public static final int MAX_BYTES = 2 * 1024 * 1024;
	public static final int MAX_ROWS = 1000;
	static final String SHEET = "Laporan";
	static final String HELP_SHEET = "Petunjuk";
	static final String VILLAGE_PROPERTY = "pantau.villageCode";
	static final String MONTH_PROPERTY = "pantau.month";
	/** The form field that problems with the file as a whole are reported against. */
	public static final String FILE = "file";

	/** A row that can become a report; {@code number} is the row's number as Excel shows it. */
	public record Line(int number, ReportForm form) {
	}

	/** What is wrong in a row: the row's number as Excel shows it, the column's header as written, a message key. */
	public record Problem(int row, String column, String messageKey, Object... arguments) {
	}

	/**
	 * A read workbook. {@code lines} are the rows without problems; only when {@code problems} is empty are they the
	 * whole sheet. {@code templateVillage} is the village the template was made for, when it was; {@code digest} is
	 * the SHA-256 of the file, in hex.
	 */
	public record Result(int rowsRead, List<Line> lines, List<Problem> problems, String templateVillage,
			String digest) {

		public Result {
			lines = List.copyOf(lines);
			problems = List.copyOf(problems);
		}

		public boolean accepted() {
			return problems.isEmpty();
		}
	}

	private ReportSheet() {
	}

	/**
	 * Reads a filled template. A file that cannot be read as a workbook of reports throws {@link InvalidInput} against
	 * the field {@value #FILE}; problems of single rows are collected in the result.
	 */
	public static Result read(byte[] bytes) {
		ReportSheetFile.check(bytes);
		String digest = ReportSheetFile.digest(bytes);
		return ReportSheetFile.read(bytes, ReportSheet::reportSheet, rows -> read(rows, digest));
	}

	/** The header of the column that holds a report field, for problems found when the report is saved. */
	public static String header(String field) {
		for (ReportField f : ReportField.values()) {
			if (f.field().equals(field)) {
				return ReportColumn.of(f).header();
			}
		}
		return field;
	}

	private static Result read(WorkbookRows rows, String digest) throws IOException {
		SheetRow headerRow = null;
		int index = -1;
		for (SheetRow row = rows.nextRow(); row != null; row = rows.nextRow()) {
			index++;
			if (!isEmpty(row)) {
				headerRow = row;
				break;
			}
		}
		if (headerRow == null) {
			throw InvalidInput.of(FILE, "sheet.noHeader");
		}
		Map<Integer, ReportColumn> columns = new TreeMap<>();
		Map<ReportColumn, String> written = new EnumMap<>(ReportColumn.class);
		readHeader(headerRow, columns, written);

		List<Line> lines = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		int rowsRead = 0;
		for (SheetRow row = rows.nextRow(); row != null; row = rows.nextRow()) {
			index++;
			if (isEmpty(row)) {
				continue;
			}
			if (++rowsRead > MAX_ROWS) {
				throw InvalidInput.of(FILE, "sheet.tooManyRows", MAX_ROWS);
			}
			int number = index + 1;
			List<Problem> found = new ArrayList<>();
			Map<ReportColumn, String> values = new EnumMap<>(ReportColumn.class);
			Set<ReportColumn> unreadable = EnumSet.noneOf(ReportColumn.class);
			for (int i = 0; i < row.cells().size(); i++) {
				ReportColumn column = columns.get(i);
				Value value = value(row, i);
				if (column == null) {
					if (value.problem() != null || !value.text().isBlank()) {
						found.add(new Problem(number, CellReference.convertNumToColString(i),
								"sheet.valueWithoutHeader"));
					}
				}
				else if (value.problem() != null) {
					found.add(new Problem(number, written.get(column), value.problem(), value.arguments()));
					unreadable.add(column);
				}
				else {
					values.put(column, value.text());
				}
			}
			ReportForm form = form(number, values, written, unreadable, found);
			if (found.isEmpty()) {
				lines.add(new Line(number, form));
			}
			problems.addAll(found);
		}
		if (rowsRead == 0) {
			throw InvalidInput.of(FILE, "sheet.empty");
		}
		return new Result(rowsRead, lines, problems, rows.customProperty(VILLAGE_PROPERTY), digest);
	}

	/** The sheet {@value #SHEET}, in any case; else the first that is not the instructions. */
	private static int reportSheet(List<String> names) {
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).equalsIgnoreCase(SHEET)) {
				return i;
			}
		}
		for (int i = 0; i < names.size(); i++) {
			if (!names.get(i).equalsIgnoreCase(HELP_SHEET)) {
				return i;
			}
		}
		return -1;
	}

	private static void readHeader(SheetRow headerRow, Map<Integer, ReportColumn> columns,
			Map<ReportColumn, String> written) {
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < headerRow.cells().size(); i++) {
			String header = value(headerRow, i).text().strip();
			if (header.isEmpty()) {
				continue;
			}
			ReportColumn column = ReportColumn.byHeader(header);
			if (column == null) {
				unknown.add(header);
			}
			else if (written.containsKey(column)) {
				throw InvalidInput.of(FILE, "sheet.duplicateColumn", header);
			}
			else {
				columns.put(i, column);
				written.put(column, header);
			}
		}
		if (!unknown.isEmpty()) {
			throw InvalidInput.of(FILE, "sheet.unknownColumns", String.join(", ", unknown));
		}
		if (!written.containsKey(ReportColumn.NAMA)) {
			throw InvalidInput.of(FILE, "sheet.noNameColumn");
		}
	}

	/** The row's values as a report form, with its problems added to {@code found}: the checks of VillageReporting. */
	private static ReportForm form(int number, Map<ReportColumn, String> values, Map<ReportColumn, String> written,
			Set<ReportColumn> unreadable, List<Problem> found) {
		Map<ReportColumn, String> checked = new EnumMap<>(ReportColumn.class);
		for (ReportColumn column : ReportColumn.values()) {
			if (unreadable.contains(column)) {
				continue;
			}
			String value = values.getOrDefault(column, "").strip();
			String header = written.getOrDefault(column, column.header());
			ReportField field = column.field();
			if (value.isEmpty()) {
				if (field.required()) {
					found.add(new Problem(number, header, "input.required"));
				}
			}
			else if (column == ReportColumn.JENIS_KELAMIN) {
				String sex = sex(value);
				if (sex == null) {
					found.add(new Problem(number, header, "sheet.sex", shortened(value)));
				}
				else {
					checked.put(column, sex);
				}
			}
			else if (value.length() > field.maxLength()) {
				found.add(new Problem(number, header, "input.tooLong", field.maxLength()));
			}
			else {
				checked.put(column, value);
			}
		}
		return new ReportForm(checked.getOrDefault(ReportColumn.NAMA, ""),
				checked.getOrDefault(ReportColumn.KEWARGANEGARAAN, ""),
				checked.getOrDefault(ReportColumn.JENIS_KELAMIN, ""),
				checked.getOrDefault(ReportColumn.UMUR_ATAU_TANGGAL_LAHIR, ""),
				checked.getOrDefault(ReportColumn.NOMOR_DOKUMEN, ""), checked.getOrDefault(ReportColumn.TINGGAL_DI, ""),
				checked.getOrDefault(ReportColumn.KEGIATAN, ""), checked.getOrDefault(ReportColumn.MAJIKAN_ATAU_KAPAL, ""),
				checked.getOrDefault(ReportColumn.SEJAK, ""), checked.getOrDefault(ReportColumn.CATATAN, ""));
	}

	private static String shortened(String value) {
		return value.length() > 20 ? value.substring(0, 20) + "…" : value;
	}

	/** L (laki-laki) or M is male, P (perempuan) or F female; anything else is not understood. */
	private static String sex(String value) {
		return switch (value.toUpperCase(Locale.ROOT)) {
			case "L", "M" -> "M";
			case "P", "F" -> "F";
			default -> null;
		};
	}

	private record Value(String text, String problem, Object... arguments) {

		static Value of(String text) {
			return new Value(text == null ? "" : text, null);
		}
	}

	/**
	 * A cell as text, as the reader gives it (numbers as Excel shows them, dates as yyyy-mm-dd); a formula or an error
	 * cell is a problem.
	 */
	private static Value value(SheetRow row, int column) {
		WorkbookRows.Special special = row.specials().get(column);
		if (special == null) {
			return Value.of(row.cells().get(column));
		}
		if (special.formula() != null) {
			return new Value("", "sheet.formula");
		}
		return new Value("", "sheet.cellError", special.error());
	}

	private static boolean isEmpty(SheetRow row) {
		if (!row.specials().isEmpty()) {
			return false;
		}
		for (String cell : row.cells()) {
			if (!cell.isBlank()) {
				return false;
			}
		}
		return true;
	}
}
