package id.pantau.platform.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the rows of one sheet of an XLSX workbook, so that a sheet of a million rows never sits in the heap: the one
 * spreadsheet reader of Pantau, under the one {@link SheetPolicy}.
 * <p>
 * POI's event API parses the sheet on a background thread into a small bounded queue that {@link #next()} takes from;
 * shared strings are kept on disk ({@link DiskSharedStrings}). Empty cells come as {@code ""} at their column, rows
 * missing from the sheet as empty rows (so that row numbers stay those Excel shows), dates (recognised by the cell's
 * number format) as {@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm:ss}, other numbers as Excel formats them.
 * <p>
 * The one formula policy: a formula cell is never read as a value. It comes as {@code =} and its formula, never
 * evaluated and never as the result saved with it, and every reader refuses it as a problem of its row (not of the
 * file). Refusing is the safe choice over taking the saved result: that result is whatever the program that wrote the
 * file put there, which need not be what the formula gives nor what Excel shows once it recalculates (a crafted file
 * shows one name and carries another; a generated one often carries none), and a value Pantau keeps must be what the
 * person typed. {@link #nextRow()} tells formulas and error cells ({@code #N/A}) apart, for a reader that names them.
 * <p>
 * Hostile files are refused with {@link UnreadableFile} before they cost much, by {@link SheetPolicy}: the declared
 * sizes of all parts, then every part as it is actually unpacked, count against one budget of unpacked bytes; a part
 * that unpacks far beyond its compressed size is a bomb; the parts POI reads whole (content types, relationships,
 * workbook, styles, theme, properties) are first checked to expand to little; every XML parser comes from
 * {@link XMLHelper}, which refuses DTDs, so no external entity is ever fetched; too many rows, a column beyond the
 * policy's, a cell or a row longer than it allows refuse the file. Nothing here changes POI's global settings.
 */
public final class WorkbookRows implements RowSource {

	static final String CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
	private static final Pattern STREAMED_PART = Pattern.compile("xl/worksheets/[^/]+\\.xml|xl/sharedStrings\\.xml",
			Pattern.CASE_INSENSITIVE);
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
	private static final Object END = new Object();
	private static final Set<String> HEADER_FOOTER = Set.of("oddHeader", "evenHeader",
			"firstHeader", "oddFooter", "evenFooter", "firstFooter");

	private final OPCPackage workbook;
	private final BlockingQueue<Object> rows = new ArrayBlockingQueue<>(SheetPolicy.QUEUED_ROWS);
	private final long sheetSize;
	private final CountingStream sheetStream;
	private final Map<String, String> customProperties;
	private final Thread parser;
	private volatile boolean closed;
	private boolean finished;

	private record Failure(Throwable error) {
	}

	/**
	 * A cell that is not a plain value: a formula ({@code formula}, its text without {@code =}), or an error such as
	 * {@code #N/A} ({@code error}, for a formula's saved result too). A formula's saved result is never given.
	 */
	public record Special(String formula, String error) {
	}

	/** A row: its cells as {@link #next()} gives them, and by column those of its cells that are not plain values. */
	public record SheetRow(List<String> cells, Map<Integer, Special> specials) {

		static final SheetRow EMPTY = new SheetRow(List.of(), Map.of());
	}

	/** Which sheet to read, by the names of all sheets in order: its index, or -1 for none. */
	@FunctionalInterface
	public interface SheetChoice {

		int choose(List<String> names);

		SheetChoice FIRST = names -> names.isEmpty() ? -1 : 0;
	}

	private WorkbookRows(OPCPackage workbook, CountingStream sheet, long sheetSize, StylesTable styles,
			DiskSharedStrings strings, boolean date1904, Map<String, String> customProperties) {
		this.workbook = workbook;
		this.sheetSize = sheetSize;
		this.sheetStream = sheet;
		this.customProperties = customProperties;
		this.parser = new Thread(() -> parse(sheet, styles, strings, date1904), "pantau-xlsx-rows");
		this.parser.setDaemon(true);
	}

	/**
	 * Opens a workbook and starts reading its first sheet.
	 *
	 * @throws UnreadableFile when the file is not a workbook, is broken or hostile
	 */
	public static WorkbookRows open(Path file) {
		return open(file, SheetChoice.FIRST);
	}

	/**
	 * Opens a workbook and starts reading the sheet {@code choice} picks.
	 *
	 * @throws UnreadableFile when the file is not a workbook, is broken or hostile, or has no such sheet
	 */
	public static WorkbookRows open(Path file, SheetChoice choice) {
		Unpacking unpacking = checkPackage(file);
		OPCPackage workbook = null;
		try {
			workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
			XSSFReader reader = new XSSFReader(workbook);
			boolean date1904;
			try (InputStream in = reader.getWorkbookData()) {
				date1904 = date1904(in);
			}
			List<String> names = new ArrayList<>();
			for (XSSFReader.SheetIterator sheets = reader.getSheetIterator(); sheets.hasNext();) {
				sheets.next().close();
				names.add(sheets.getSheetName());
			}
			int chosen = choice.choose(List.copyOf(names));
			if (chosen < 0 || chosen >= names.size()) {
				throw new UnreadableFile("import.noSheet", null);
			}
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			for (int i = 0; i < chosen; i++) {
				sheets.next().close();
			}
			InputStream sheet = sheets.next();
			PackagePart part = sheets.getSheetPart();
			long size = part.getSize();
			Map<String, String> properties = customProperties(workbook);
			DiskSharedStrings strings = sharedStrings(workbook, unpacking);
			WorkbookRows rows = new WorkbookRows(workbook,
					unpacking.counting(sheet, part.getPartName().getName()), size, reader.getStylesTable(), strings,
					date1904, properties);
			rows.parser.start();
			return rows;
		}
		catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
			if (workbook != null) {
				workbook.revert();
			}
			throw unreadable(e);
		}
	}

	/**
	 * Checks the package before POI opens it: the declared sizes of all parts together within the budget, and the
	 * parts POI reads whole small (each unpacked here once, counting, as declared sizes may lie).
	 */
	private static Unpacking checkPackage(Path file) {
		try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
			byte[] buffer = new byte[1 << 16];
			Map<String, Long> compressed = new HashMap<>();
			long declared = 0;
			long whole = 0;
			for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements();) {
				ZipArchiveEntry entry = entries.nextElement();
				String name = entry.getName();
				if (entry.getSize() > 0) {
					declared += entry.getSize();
				}
				if (declared > SheetPolicy.MAX_UNPACKED_BYTES) {
					throw tooLargeUnpacked();
				}
				compressed.put("/" + name, entry.getCompressedSize());
				boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
				if (entry.isDirectory() || !xml || STREAMED_PART.matcher(name).matches()) {
					continue;
				}
				long total = 0;
				try (InputStream in = zip.getInputStream(entry)) {
					int n;
					while ((n = in.read(buffer)) > 0) {
						total += n;
						if (total > SheetPolicy.MAX_WHOLE_PART_BYTES) {
							throw new UnreadableFile("import.zipBomb", null);
						}
					}
				}
				whole += total;
			}
			return new Unpacking(compressed, whole);
		}
		catch (IOException | RuntimeException e) {
			throw unreadable(e);
		}
	}

	private static DiskSharedStrings sharedStrings(OPCPackage workbook, Unpacking unpacking)
			throws IOException, SAXException, InvalidFormatException {
		List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
		if (parts.isEmpty()) {
			return DiskSharedStrings.empty();
		}
		PackagePart part = parts.get(0);
		try (InputStream in = unpacking.counting(part.getInputStream(), part.getPartName().getName())) {
			return DiskSharedStrings.read(in, SheetPolicy.MAX_CELL_CHARS);
		}
	}

	/** The workbook's custom properties that are text ({@code vt:lpwstr}), by name; a few at most are kept. */
	private static Map<String, String> customProperties(OPCPackage workbook)
			throws IOException, SAXException, InvalidFormatException {
		List<PackagePart> parts = workbook.getPartsByContentType(CUSTOM_PROPERTIES);
		if (parts.isEmpty()) {
			return Map.of();
		}
		Map<String, String> properties = new LinkedHashMap<>();
		try (InputStream in = parts.get(0).getInputStream()) {
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new DefaultHandler() {
				private String name;
				private StringBuilder text;

				@Override
				public void startElement(String uri, String localName, String qName, Attributes attributes) {
					if (localName.equals("property")) {
						name = attributes.getValue("name");
					}
					else if (localName.equals("lpwstr") && name != null) {
						text = new StringBuilder();
					}
				}

				@Override
				public void characters(char[] ch, int start, int length) {
					if (text != null && text.length() + length <= SheetPolicy.MAX_CELL_CHARS) {
						text.append(ch, start, length);
					}
				}

				@Override
				public void endElement(String uri, String localName, String qName) {
					if (localName.equals("lpwstr") && text != null) {
						if (properties.size() < 100) {
							properties.put(name, text.toString());
						}
						text = null;
					}
					else if (localName.equals("property")) {
						name = null;
					}
				}
			});
			parser.parse(new InputSource(in));
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
		return Map.copyOf(properties);
	}

	/** A custom property of the workbook that is text (as Pantau's templates carry their village), or null. */
	public String customProperty(String name) {
		return customProperties.get(name);
	}

	/** Whether the workbook counts its dates from 1904 (old Excel for Mac) instead of 1900. */
	private static boolean date1904(InputStream workbookXml) throws IOException, SAXException {
		boolean[] found = new boolean[1];
		try {
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new DefaultHandler() {
				@Override
				public void startElement(String uri, String localName, String qName, Attributes attributes) {
					if (localName.equals("workbookPr")) {
						String value = attributes.getValue("date1904");
						found[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
					}
				}
			});
			parser.parse(new InputSource(workbookXml));
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
		return found[0];
	}

	@Override
	public List<String> next() throws IOException {
		SheetRow row = nextRow();
		return row == null ? null : row.cells();
	}

	/** The next row with its formulas and errors told apart, or null at the end. */
	public SheetRow nextRow() throws IOException {
		if (finished) {
			return null;
		}
		Object item;
		try {
			item = rows.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while reading a workbook");
		}
		if (item == END) {
			finished = true;
			return null;
		}
		if (item instanceof Failure failure) {
			finished = true;
			throw unreadable(failure.error());
		}
		return (SheetRow) item;
	}

	@Override
	public double progress() {
		return sheetSize <= 0 ? 0 : Math.min(1, (double) sheetStream.count() / sheetSize);
	}

	/** Whether the sheet is still being parsed, for a test. */
	boolean reading() {
		return parser.isAlive();
	}

	@Override
	public void close() {
		closed = true;
		parser.interrupt();
		rows.clear();
		try {
			parser.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		workbook.revert();
	}

	private void parse(InputStream sheet, StylesTable styles, DiskSharedStrings strings, boolean date1904) {
		try (InputStream in = sheet) {
			XMLReader xml = XMLHelper.newXMLReader();
			xml.setContentHandler(new SheetReader(styles, strings, new IsoDates(date1904)));
			xml.parse(new InputSource(in));
			hand(END);
		}
		catch (Stopped stopped) {
			// the reader was closed
		}
		catch (Throwable e) {
			if (!closed) {
				try {
					hand(new Failure(e));
				}
				catch (Stopped stopped) {
					// the reader was closed
				}
			}
		}
	}

	/** Puts an item in the queue, waiting while it is full, until the reader is closed. */
	private void hand(Object item) {
		try {
			while (!rows.offer(item, 200, TimeUnit.MILLISECONDS)) {
				if (closed) {
					throw new Stopped();
				}
			}
		}
		catch (InterruptedException e) {
			throw new Stopped();
		}
	}

	static UnreadableFile tooLargeUnpacked() {
		return new UnreadableFile("import.tooLargeUnpacked", (SheetPolicy.MAX_UNPACKED_BYTES >> 20) + " MB");
	}

	/** What a user can be told about a file POI could not read. */
	static UnreadableFile unreadable(Throwable error) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable e = error; e != null && causes.size() < 20 && !causes.contains(e); e = e.getCause()) {
			causes.add(e);
		}
		for (Throwable e : causes) {
			if (e instanceof UnreadableFile unreadable) {
				return unreadable;
			}
			// POI says "zip bomb" only in its messages; the XML parser names the DOCTYPE it refused
			String message = e.getMessage() == null ? "" : e.getMessage();
			if (message.startsWith("Zip bomb detected")) {
				return new UnreadableFile("import.zipBomb", null);
			}
			if (message.contains("DOCTYPE") || message.contains("DTD")) {
				return new UnreadableFile("import.unsafeXml", null);
			}
		}
		for (Throwable e : causes) {
			if (e instanceof UnsupportedFileFormatException || e instanceof InvalidFormatException) {
				return new UnreadableFile("import.notXlsx", null);
			}
		}
		return new UnreadableFile("import.brokenXlsx", null);
	}

	/** The reader was closed before the sheet was read to its end. */
	private static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}
	}

	/**
	 * Gathers the cells of each row in column order and hands complete rows on; stands between the XML parser and
	 * POI's sheet handler to see formulas and error cells and to bound what the handler keeps of a cell and a row.
	 */
	private final class SheetReader extends DefaultHandler implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final XSSFSheetXMLHandler handler;
		private List<String> row = new ArrayList<>();
		private Map<Integer, Special> specials;
		private int rowChars;
		private int nextRow;
		private int rowsHanded;
		private boolean inCell;
		private boolean inHeaderFooter;
		private boolean formula;
		private boolean error;
		private boolean inFormula;
		private boolean cellSeen;
		private String cellReference;
		private final StringBuilder formulaText = new StringBuilder();
		private int characters;

		SheetReader(StylesTable styles, DiskSharedStrings strings, DataFormatter formatter) {
			this.handler = new XSSFSheetXMLHandler(styles, null, strings, this, formatter, false);
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			if (localName.equals("c")) {
				inCell = true;
				formula = false;
				cellSeen = false;
				cellReference = attributes.getValue("r");
				error = "e".equals(attributes.getValue("t"));
				formulaText.setLength(0);
				characters = 0;
			}
			else if (inCell && localName.equals("f")) {
				formula = true;
				inFormula = true;
			}
			else if (HEADER_FOOTER.contains(localName)) {
				inHeaderFooter = true;
				characters = 0;
			}
			handler.startElement(uri, localName, qName, attributes);
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			handler.endElement(uri, localName, qName);
			if (localName.equals("f")) {
				inFormula = false;
			}
			else if (localName.equals("c")) {
				if ((formula || error) && !cellSeen) {
					cell(cellReference, null, null);
				}
				inCell = false;
			}
			else if (HEADER_FOOTER.contains(localName)) {
				inHeaderFooter = false;
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			// only text the handler keeps counts: that of a cell, a header or a footer
			if ((inCell || inHeaderFooter) && (characters += length) > SheetPolicy.MAX_CELL_CHARS + 1024) {
				throw new UnreadableFile("import.cellTooLong", Integer.toString(SheetPolicy.MAX_CELL_CHARS));
			}
			if (inFormula) {
				formulaText.append(ch, start, length);
			}
			handler.characters(ch, start, length);
		}

		@Override
		public void startRow(int rowNumber) {
			if (rowNumber >= SheetPolicy.MAX_ROWS) {
				tooManyRows();
			}
			while (nextRow < rowNumber) {
				handRow(SheetRow.EMPTY);
				nextRow++;
			}
			row = new ArrayList<>();
			specials = null;
			rowChars = 0;
		}

		@Override
		public void endRow(int rowNumber) {
			handRow(new SheetRow(Collections.unmodifiableList(row), specials == null ? Map.of() : specials));
			nextRow = Math.max(nextRow, rowNumber + 1);
			row = new ArrayList<>();
			specials = null;
			rowChars = 0;
		}

		/** Hands a row on, counting rows as handed: a sheet that repeats a row number cannot slip past the bound. */
		private void handRow(SheetRow sheetRow) {
			if (++rowsHanded > SheetPolicy.MAX_ROWS) {
				tooManyRows();
			}
			hand(sheetRow);
		}

		private void tooManyRows() {
			throw new UnreadableFile("import.tooManyRows", Integer.toString(SheetPolicy.MAX_ROWS));
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			cellSeen = true;
			int column = reference == null ? row.size() : column(reference);
			if (column < 0) {
				throw new UnreadableFile("import.brokenXlsx", null);
			}
			if (column >= SheetPolicy.MAX_COLUMNS) {
				throw new UnreadableFile("import.tooManyColumns", Integer.toString(SheetPolicy.MAX_COLUMNS));
			}
			String errorText = error && value != null && value.startsWith("ERROR:") ? value.substring(6)
					: error ? "#ERROR" : null;
			String text = formula ? "=" + (formulaText.isEmpty() ? "?" : formulaText)
					: error ? errorText : value == null ? "" : value;
			if (formula || error) {
				if (specials == null) {
					specials = new HashMap<>();
				}
				specials.put(column, new Special(formula ? formulaText.toString() : null, errorText));
			}
			if (text.length() > SheetPolicy.MAX_CELL_CHARS) {
				throw new UnreadableFile("import.cellTooLong", Integer.toString(SheetPolicy.MAX_CELL_CHARS));
			}
			if ((rowChars += text.length()) > SheetPolicy.MAX_ROW_CHARS) {
				throw new UnreadableFile("import.rowTooLong", Integer.toString(SheetPolicy.MAX_ROW_CHARS));
			}
			while (row.size() < column) {
				row.add("");
			}
			if (row.size() == column) {
				row.add(text);
			}
			else {
				row.set(column, text);
			}
		}
	}

	/** The zero-based column of a cell reference such as {@code AB12}, or -1. */
	static int column(String reference) {
		int column = 0;
		int letters = 0;
		for (int i = 0; i < reference.length(); i++) {
			char c = reference.charAt(i);
			if (c < 'A' || c > 'Z') {
				break;
			}
			column = column * 26 + (c - 'A' + 1);
			if (++letters > 3) {
				return -1;
			}
		}
		return letters == 0 ? -1 : column - 1;
	}

	/** Excel's dates as ISO text; other numbers as Excel formats them, with a point for decimals. */
	static final class IsoDates extends DataFormatter {

		private final boolean date1904;

		IsoDates(boolean date1904) {
			super(Locale.ROOT);
			this.date1904 = date1904;
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return formatRawCellContents(value, formatIndex, formatString, date1904);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing, true);
				if (value < 1 && !use1904Windowing) {
					return time.format(TIME);
				}
				return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString()
						: time.format(DATE_TIME);
			}
			return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
		}
	}

	/**
	 * What the parts of one workbook unpacked to so far, against {@link SheetPolicy#MAX_UNPACKED_BYTES}; the parts read
	 * as streams are counted as they are read, each also against its compressed size.
	 */
	static final class Unpacking {

		private final Map<String, Long> compressed;
		private final AtomicLong total;

		Unpacking(Map<String, Long> compressed, long wholeParts) {
			this.compressed = compressed;
			this.total = new AtomicLong(wholeParts);
		}

		/** Counts what a streamed part unpacks to: for the budget, the ratio and the progress bar. */
		CountingStream counting(InputStream in, String partName) {
			long packed = compressed.getOrDefault(partName, -1L);
			return new CountingStream(in, (bytes, partRead) -> add(bytes, partRead, packed));
		}

		void add(long bytes, long partRead, long packed) {
			if (total.addAndGet(bytes) > SheetPolicy.MAX_UNPACKED_BYTES) {
				throw tooLargeUnpacked();
			}
			if (partRead > SheetPolicy.RATIO_GRACE_BYTES && packed >= 0
					&& partRead > Math.max(packed, 1) * SheetPolicy.MAX_INFLATION) {
				throw new UnreadableFile("import.zipBomb", null);
			}
		}
	}
}
