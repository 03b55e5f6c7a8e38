package id.pantau.platform.tables;

import java.io.FilterInputStream;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * Streams the rows of the first sheet of an XLSX workbook, so that a sheet of a million rows never sits in the heap.
 * <p>
 * POI's event API parses the sheet on a background thread into a small bounded queue that {@link #next()} takes from;
 * shared strings are kept on disk ({@link DiskSharedStrings}). Empty cells come as {@code ""} at their column, rows
 * missing from the sheet as empty rows (so that row numbers stay those Excel shows), dates (recognised by the cell's
 * number format) as {@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm:ss}, other numbers as Excel formats them. A formula
 * cell comes as {@code =} and its formula, never its saved result: a reader refuses such a cell (a row, not the file).
 * <p>
 * Hostile files are refused with {@link UnreadableFile} before they cost much: POI's zip limits
 * ({@link ZipSecureFile}) are set to an expanded size of at most {@value #MAX_ENTRY_BYTES} bytes per part and an
 * inflate ratio of at least {@value #MIN_INFLATE_RATIO} (global settings of POI, for every workbook read here); the
 * parts POI reads whole (content types, relationships, workbook, styles, theme) are first checked to expand to no more
 * than {@value #MAX_WHOLE_PART_BYTES} bytes; every XML parser comes from {@link XMLHelper}, which refuses DTDs, so no
 * external entity is ever fetched; a cell longer than Excel allows, a column or row beyond Excel's grid refuse the
 * file.
 */
public final class WorkbookRows implements RowSource {

	public static final long MAX_ENTRY_BYTES = 1L << 30;
	public static final double MIN_INFLATE_RATIO = 0.01;
	static final long MAX_WHOLE_PART_BYTES = 64L << 20;
	static final int MAX_CELL_CHARS = 32_767;
	static final int MAX_COLUMNS = 16_384;
	static final int MAX_ROWS = 1_048_576;
	private static final int QUEUE_ROWS = 256;
	private static final Pattern STREAMED_PART = Pattern.compile("xl/worksheets/[^/]+\\.xml|xl/sharedStrings\\.xml",
			Pattern.CASE_INSENSITIVE);
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
	private static final Object END = new Object();
	private static final Set<String> HEADER_FOOTER = Set.of("oddHeader", "evenHeader",
			"firstHeader", "oddFooter", "evenFooter", "firstFooter");

	static {
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
	}

	private final OPCPackage workbook;
	private final BlockingQueue<Object> rows = new ArrayBlockingQueue<>(QUEUE_ROWS);
	private final long sheetSize;
	private final Thread parser;
	private volatile long sheetRead;
	private volatile boolean closed;
	private boolean finished;

	private record Failure(Throwable error) {
	}

	private WorkbookRows(OPCPackage workbook, InputStream sheet, long sheetSize, StylesTable styles,
			DiskSharedStrings strings, boolean date1904) {
		this.workbook = workbook;
		this.sheetSize = sheetSize;
		this.parser = new Thread(() -> parse(sheet, styles, strings, date1904), "pantau-xlsx-rows");
		this.parser.setDaemon(true);
	}

	/**
	 * Opens a workbook and starts reading its first sheet.
	 *
	 * @throws UnreadableFile when the file is not a workbook, is broken or hostile
	 */
	public static WorkbookRows open(Path file) {
		checkWholeParts(file);
		OPCPackage workbook = null;
		try {
			workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
			XSSFReader reader = new XSSFReader(workbook);
			boolean date1904;
			try (InputStream in = reader.getWorkbookData()) {
				date1904 = date1904(in);
			}
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			if (!sheets.hasNext()) {
				throw new UnreadableFile("import.noSheet", null);
			}
			InputStream sheet = sheets.next();
			long size = sheets.getSheetPart().getSize();
			DiskSharedStrings strings = sharedStrings(workbook);
			WorkbookRows rows = new WorkbookRows(workbook, sheet, size, reader.getStylesTable(), strings, date1904);
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

	/** Checks, before POI reads them whole, that the small parts of the package are small. */
	private static void checkWholeParts(Path file) {
		try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
			byte[] buffer = new byte[1 << 16];
			for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements();) {
				ZipArchiveEntry entry = entries.nextElement();
				String name = entry.getName();
				boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
				if (entry.isDirectory() || !xml || STREAMED_PART.matcher(name).matches()) {
					continue;
				}
				long total = 0;
				try (InputStream in = zip.getInputStream(entry)) {
					int n;
					while ((n = in.read(buffer)) > 0) {
						total += n;
						if (total > MAX_WHOLE_PART_BYTES) {
							throw new UnreadableFile("import.zipBomb", null);
						}
					}
				}
			}
		}
		catch (IOException | RuntimeException e) {
			throw unreadable(e);
		}
	}

	private static DiskSharedStrings sharedStrings(OPCPackage workbook)
			throws IOException, SAXException, InvalidFormatException {
		List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
		if (parts.isEmpty()) {
			return DiskSharedStrings.empty();
		}
		try (InputStream in = parts.get(0).getInputStream()) {
			return DiskSharedStrings.read(in, MAX_CELL_CHARS);
		}
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
		@SuppressWarnings("unchecked")
		List<String> row = (List<String>) item;
		return row;
	}

	@Override
	public double progress() {
		return sheetSize <= 0 ? 0 : Math.min(1, (double) sheetRead / sheetSize);
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
		try (InputStream in = new Counting(sheet)) {
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
	 * POI's sheet handler to see formulas and to bound what the handler keeps of a cell.
	 */
	private final class SheetReader extends DefaultHandler implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final XSSFSheetXMLHandler handler;
		private List<String> row = new ArrayList<>();
		private int nextRow;
		private boolean inCell;
		private boolean inHeaderFooter;
		private boolean formula;
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
				if (formula && !cellSeen) {
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
			if ((inCell || inHeaderFooter) && (characters += length) > MAX_CELL_CHARS + 1024) {
				throw new UnreadableFile("import.cellTooLong", Integer.toString(MAX_CELL_CHARS));
			}
			if (inFormula) {
				formulaText.append(ch, start, length);
			}
			handler.characters(ch, start, length);
		}

		@Override
		public void startRow(int rowNumber) {
			if (rowNumber >= MAX_ROWS) {
				throw new UnreadableFile("import.brokenXlsx", null);
			}
			while (nextRow < rowNumber) {
				hand(List.of());
				nextRow++;
			}
			row = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNumber) {
			hand(Collections.unmodifiableList(row));
			nextRow = Math.max(nextRow, rowNumber + 1);
			row = new ArrayList<>();
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			cellSeen = true;
			int column = reference == null ? row.size() : column(reference);
			if (column < 0 || column >= MAX_COLUMNS) {
				throw new UnreadableFile("import.brokenXlsx", null);
			}
			String text = formula ? "=" + (formulaText.isEmpty() ? "?" : formulaText) : value == null ? "" : value;
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

	/** Counts how much of the sheet was read, for the progress bar. */
	private final class Counting extends FilterInputStream {

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				sheetRead++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				sheetRead += n;
			}
			return n;
		}
	}
}
