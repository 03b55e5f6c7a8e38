package id.pantau.reports.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.ZipInputStream;

import id.pantau.platform.InvalidInput;
import id.pantau.platform.tables.Csv;
import id.pantau.platform.tables.SheetPolicy;
import id.pantau.platform.tables.UnreadableFile;
import id.pantau.platform.tables.WorkbookRows;
import id.pantau.platform.tables.WorkbookRows.SheetRow;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A month of a village's reports as an Excel workbook: the template BPMPD hands out (a sheet {@code Laporan} with one
 * column per field of a {@link ReportForm}, a sheet {@code Petunjuk} explaining them) and the reading of a filled one.
 * <p>
 * Reading checks every row and collects every problem, so that a village's month is imported whole or not at all.
 * Headers are recognised in Indonesian or English, in any case, with spaces, underscores or camel case. Fully empty
 * rows are skipped. A formula cell counts with the value Excel saved with it (what the person who filled the sheet
 * saw); a formula saved without a value, or with an error such as {@code #N/A}, is a problem of its row, because
 * Pantau does not calculate formulas.
 * <p>
 * The file is refused when it is larger than {@value #MAX_BYTES} bytes or when its first bytes are not those of a ZIP
 * archive (an XLSX is one). It is then read as a stream by {@link WorkbookRows}, under the one policy for every
 * spreadsheet ({@link SheetPolicy}: unpacked size, compression ratio, columns, cell and row length), and reading
 * stops at the first row beyond {@value #MAX_ROWS}: a workbook is never loaded whole, so a small file that unpacks to
 * much costs little memory (issue 16). Plain Java, no Spring.
 */
public final class ReportSheet {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	public static final int MAX_BYTES = 2 * 1024 * 1024;
	public static final int MAX_ROWS = 1000;
	static final String SHEET = "Laporan";
	static final String HELP_SHEET = "Petunjuk";
	static final String VILLAGE_PROPERTY = "pantau.villageCode";
	static final String MONTH_PROPERTY = "pantau.month";
	/** The form field that problems with the file as a whole are reported against. */
	public static final String FILE = "file";

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };
	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	/** The template's columns, in order: the Indonesian header written in the template, then other accepted names. */
	public enum Column {

		NAMA(ReportField.NAMES_AS_HEARD, 32, "names", "name"),
		KEWARGANEGARAAN(ReportField.NATIONALITY_TEXT, 20, "nationality"),
		JENIS_KELAMIN(ReportField.SEX, 15, "sex"),
		UMUR_ATAU_TANGGAL_LAHIR(ReportField.AGE_OR_BIRTH, 24, "age_or_birth", "umur", "age"),
		NOMOR_DOKUMEN(ReportField.DOCUMENT_NUMBERS, 24, "document_numbers"),
		TINGGAL_DI(ReportField.STAYING_AT, 30, "staying_at"),
		KEGIATAN(ReportField.ACTIVITY, 26, "activity"),
		MAJIKAN_ATAU_KAPAL(ReportField.EMPLOYER_OR_VESSEL, 26, "employer_or_vessel"),
		SEJAK(ReportField.PRESENT_SINCE, 14, "present_since", "since"),
		CATATAN(ReportField.NOTE, 40, "note", "notes");

		private final ReportField field;
		private final int width;
		private final List<String> otherHeaders;
		private final Set<String> normalNames = new LinkedHashSet<>();

		Column(ReportField field, int width, String... otherHeaders) {
			this.field = field;
			this.width = width;
			this.otherHeaders = List.of(otherHeaders);
			normalNames.add(normal(header()));
			normalNames.add(normal(field.field()));
			for (String name : otherHeaders) {
				normalNames.add(normal(name));
			}
		}

		/** The header as the template writes it, e.g. {@code jenis_kelamin}. */
		public String header() {
			return name().toLowerCase(Locale.ROOT);
		}

		public ReportField field() {
			return field;
		}

		/**
		 * The other headers this column is recognised by, e.g. {@code sex} for {@code jenis_kelamin}; the field's name in
		 * the form ({@code namesAsHeard}) is recognised too, and case, spaces and underscores never matter.
		 */
		public List<String> otherHeaders() {
			return otherHeaders;
		}

		static Column byHeader(String header) {
			String normal = normal(header);
			for (Column column : values()) {
				if (column.normalNames.contains(normal)) {
					return column;
				}
			}
			return null;
		}

		static Column of(ReportField field) {
			for (Column column : values()) {
				if (column.field == field) {
					return column;
				}
			}
			throw new IllegalArgumentException(field.name());
		}

		/** Lower case, letters and digits only: {@code Jenis Kelamin}, {@code jenis_kelamin}, {@code JenisKelamin}. */
		private static String normal(String header) {
			return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		}
	}

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

	/** The village and month a template is made for, shown in it and kept in its properties. */
	public record Prefill(String villageCode, String villageName, YearMonth month) {
	}

	private ReportSheet() {
	}

	/**
	 * Reads a filled template. A file that cannot be read as a workbook of reports throws {@link InvalidInput} against
	 * the field {@value #FILE}; problems of single rows are collected in the result.
	 */
	public static Result read(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw InvalidInput.of(FILE, "sheet.missing");
		}
		if (bytes.length > MAX_BYTES) {
			throw InvalidInput.of(FILE, "sheet.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		if (startsWith(bytes, OLE2)) {
			throw InvalidInput.of(FILE, "sheet.oldOrProtected");
		}
		if (!startsWith(bytes, ZIP)) {
			throw InvalidInput.of(FILE, "sheet.notXlsx");
		}
		return stream(bytes, digest(bytes));
	}

	/** The empty template, with the village and month when given; texts of the instructions come from {@code text}. */
	public static byte[] template(Function<String, String> text, Prefill prefill) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			writeReportSheet(workbook, text);
			writeHelpSheet(workbook, text, prefill);
			POIXMLProperties properties = workbook.getProperties();
			properties.getCoreProperties().setCreator("Pantau");
			properties.getCoreProperties().setTitle(text.apply("sheet.help.title"));
			if (prefill != null && prefill.villageCode() != null) {
				properties.getCustomProperties().addProperty(VILLAGE_PROPERTY, prefill.villageCode());
			}
			if (prefill != null && prefill.month() != null) {
				properties.getCustomProperties().addProperty(MONTH_PROPERTY, prefill.month().toString());
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** {@code templat-laporan-8172012001-2026-11.xlsx}, with what of village and month is known. */
	public static String fileName(Prefill prefill) {
		StringBuilder name = new StringBuilder("templat-laporan");
		if (prefill != null && prefill.villageCode() != null) {
			name.append('-').append(prefill.villageCode().replace(".", ""));
		}
		if (prefill != null && prefill.month() != null) {
			name.append('-').append(prefill.month());
		}
		return name.append(".xlsx").toString();
	}

	/** The header of the column that holds a report field, for problems found when the report is saved. */
	public static String header(String field) {
		for (ReportField f : ReportField.values()) {
			if (f.field().equals(field)) {
				return Column.of(f).header();
			}
		}
		return field;
	}

	/** Reads the report sheet as a stream, under the one policy for spreadsheets ({@link SheetPolicy}). */
	private static Result stream(byte[] bytes, String digest) {
		Path file = null;
		try {
			file = Files.createTempFile("pantau-report-", ".xlsx");
			Files.write(file, bytes);
			try (WorkbookRows rows = WorkbookRows.open(file, ReportSheet::reportSheet)) {
				return read(rows, digest);
			}
		}
		catch (UnreadableFile unreadable) {
			throw refused(unreadable, bytes);
		}
		catch (IOException e) {
			throw InvalidInput.of(FILE, "sheet.unreadable");
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ignored) {
					// a temporary file; the operating system clears it
				}
			}
		}
	}

	/** Why the reader refused the file, in the words of this page where it has its own. */
	private static InvalidInput refused(UnreadableFile unreadable, byte[] bytes) {
		return switch (unreadable.messageKey()) {
			case "import.notXlsx" -> InvalidInput.of(FILE, "sheet.notXlsx");
			case "import.zipBomb", "import.tooLargeUnpacked" -> InvalidInput.of(FILE, "sheet.tooLargeUnpacked");
			case "import.noSheet" -> InvalidInput.of(FILE, "sheet.noHeader");
			// a ZIP archive with no entry at all is no workbook; a damaged one, an XLSB, a broken part are unreadable
			case "import.brokenXlsx" -> InvalidInput.of(FILE, hasEntries(bytes) ? "sheet.unreadable" : "sheet.notXlsx");
			default -> unreadable.argument() == null ? InvalidInput.of(FILE, unreadable.messageKey())
					: InvalidInput.of(FILE, unreadable.messageKey(), unreadable.argument());
		};
	}

	private static boolean hasEntries(byte[] bytes) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			return zip.getNextEntry() != null;
		}
		catch (IOException | IllegalArgumentException damaged) {
			return false;
		}
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
		Map<Integer, Column> columns = new TreeMap<>();
		Map<Column, String> written = new EnumMap<>(Column.class);
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
			Map<Column, String> values = new EnumMap<>(Column.class);
			Set<Column> unreadable = EnumSet.noneOf(Column.class);
			for (int i = 0; i < row.cells().size(); i++) {
				Column column = columns.get(i);
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

	private static void readHeader(SheetRow headerRow, Map<Integer, Column> columns, Map<Column, String> written) {
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < headerRow.cells().size(); i++) {
			String header = value(headerRow, i).text().strip();
			if (header.isEmpty()) {
				continue;
			}
			Column column = Column.byHeader(header);
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
		if (!written.containsKey(Column.NAMA)) {
			throw InvalidInput.of(FILE, "sheet.noNameColumn");
		}
	}

	/** The row's values as a report form, with its problems added to {@code found}: the checks of VillageReporting. */
	private static ReportForm form(int number, Map<Column, String> values, Map<Column, String> written,
			Set<Column> unreadable, List<Problem> found) {
		Map<Column, String> checked = new EnumMap<>(Column.class);
		for (Column column : Column.values()) {
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
			else if (column == Column.JENIS_KELAMIN) {
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
		return new ReportForm(checked.getOrDefault(Column.NAMA, ""), checked.getOrDefault(Column.KEWARGANEGARAAN, ""),
				checked.getOrDefault(Column.JENIS_KELAMIN, ""),
				checked.getOrDefault(Column.UMUR_ATAU_TANGGAL_LAHIR, ""),
				checked.getOrDefault(Column.NOMOR_DOKUMEN, ""), checked.getOrDefault(Column.TINGGAL_DI, ""),
				checked.getOrDefault(Column.KEGIATAN, ""), checked.getOrDefault(Column.MAJIKAN_ATAU_KAPAL, ""),
				checked.getOrDefault(Column.SEJAK, ""), checked.getOrDefault(Column.CATATAN, ""));
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
	 * A cell as text, as the reader gives it (numbers as Excel shows them, dates as yyyy-mm-dd); a formula with the
	 * result Excel saved, never calculated here; an error cell or a formula without a saved result is a problem.
	 */
	private static Value value(SheetRow row, int column) {
		WorkbookRows.Special special = row.specials().get(column);
		if (special == null) {
			return Value.of(row.cells().get(column));
		}
		if (special.error() != null) {
			return new Value("", "sheet.cellError", special.error());
		}
		if (special.saved() == null) {
			return new Value("", "sheet.formulaWithoutValue");
		}
		return Value.of(special.saved());
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

	private static void writeReportSheet(XSSFWorkbook workbook, Function<String, String> text) {
		Sheet sheet = workbook.createSheet(SHEET);
		CellStyle headerStyle = workbook.createCellStyle();
		Font bold = workbook.createFont();
		bold.setBold(true);
		headerStyle.setFont(bold);
		headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		// text cells, so that Excel keeps "0012345" and "12/03/1980" as typed instead of turning them into numbers
		CellStyle textStyle = workbook.createCellStyle();
		textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
		Row header = sheet.createRow(0);
		for (Column column : Column.values()) {
			int index = column.ordinal();
			Cell cell = header.createCell(index);
			cell.setCellValue(Csv.neutralise(column.header()));
			cell.setCellStyle(headerStyle);
			sheet.setColumnWidth(index, column.width * 256);
			sheet.setDefaultColumnStyle(index, textStyle);
		}
		sheet.createFreezePane(0, 1);

		DataValidationHelper helper = sheet.getDataValidationHelper();
		DataValidationConstraint choices = helper.createExplicitListConstraint(new String[] { "L", "P" });
		int sexColumn = Column.JENIS_KELAMIN.ordinal();
		DataValidation sex = helper.createValidation(choices,
				new CellRangeAddressList(1, MAX_ROWS, sexColumn, sexColumn));
		sex.setEmptyCellAllowed(true);
		sex.setErrorStyle(DataValidation.ErrorStyle.STOP);
		sex.setShowErrorBox(true);
		sex.createErrorBox(text.apply("sheet.template.sexTitle"), text.apply("sheet.template.sexError"));
		sex.setShowPromptBox(true);
		sex.createPromptBox(text.apply("sheet.template.sexTitle"), text.apply("sheet.template.sexPrompt"));
		// in XSSF "suppress" is inverted: true shows the arrow of the drop-down list
		sex.setSuppressDropDownArrow(true);
		sheet.addValidationData(sex);
	}

	private static void writeHelpSheet(XSSFWorkbook workbook, Function<String, String> text, Prefill prefill) {
		Sheet sheet = workbook.createSheet(HELP_SHEET);
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		CellStyle wrapped = workbook.createCellStyle();
		wrapped.setWrapText(true);
		wrapped.setVerticalAlignment(VerticalAlignment.TOP);
		int r = 0;
		cell(sheet.createRow(r++), 0, text.apply("sheet.help.title"), bold);
		if (prefill != null && prefill.villageCode() != null) {
			Row village = sheet.createRow(r++);
			cell(village, 0, text.apply("sheet.help.village"), bold);
			cell(village, 1, prefill.villageName() + " (" + prefill.villageCode() + ")", null);
		}
		if (prefill != null && prefill.month() != null) {
			Row month = sheet.createRow(r++);
			cell(month, 0, text.apply("sheet.help.month"), bold);
			cell(month, 1, prefill.month().toString(), null);
		}
		r++;
		for (int i = 1; i <= 5; i++) {
			cell(sheet.createRow(r++), 0, text.apply("sheet.help.rule" + i), null);
		}
		r++;
		Row header = sheet.createRow(r++);
		String[] titles = { "sheet.help.column", "sheet.help.required", "sheet.help.maxLength",
				"sheet.help.meaning", "sheet.help.example", "sheet.help.otherHeaders" };
		for (int i = 0; i < titles.length; i++) {
			cell(header, i, text.apply(titles[i]), bold);
		}
		for (Column column : Column.values()) {
			Row row = sheet.createRow(r++);
			cell(row, 0, column.header(), bold);
			cell(row, 1, text.apply(column.field().required() ? "common.yes" : "common.no"), null);
			if (column == Column.JENIS_KELAMIN) {
				cell(row, 2, "L / P", null);
			}
			else {
				row.createCell(2).setCellValue(column.field().maxLength());
			}
			cell(row, 3, text.apply("sheet.help." + column.header()), wrapped);
			cell(row, 4, text.apply("sheet.help." + column.header() + ".example"), wrapped);
			cell(row, 5, String.join(", ", column.otherHeaders()), wrapped);
		}
		sheet.setColumnWidth(0, 28 * 256);
		sheet.setColumnWidth(1, 10 * 256);
		sheet.setColumnWidth(2, 16 * 256);
		sheet.setColumnWidth(3, 70 * 256);
		sheet.setColumnWidth(4, 32 * 256);
		sheet.setColumnWidth(5, 26 * 256);
	}

	/** A text cell of the template, through the one formula guard like every cell Pantau writes. */
	private static void cell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(Csv.neutralise(value));
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String digest(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
