package id.pantau.dashboard.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.pantau.dashboard.domain.MonthlyRecap.Change;
import id.pantau.dashboard.domain.MonthlyRecap.Count;
import id.pantau.dashboard.domain.MonthlyRecap.Recap;
import id.pantau.platform.pdf.PdfFonts;
import id.pantau.platform.tables.Csv;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The monthly recap as tables, in the user's language: what the recap page shows, a PDF to print for a TIMPORA
 * meeting or the Wali Kota, and an XLSX workbook with one sheet per table for those who work the figures further. All
 * three are built from the same {@link #tables} and print labels (a rule's name, a severity, an outcome), never codes.
 */
@Component
public class RecapDocuments {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	/**
	 * A table of the recap: an id (for the page), its sheet name, title, header and rows of cells (text or numbers).
	 * {@code changes} marks a table whose last column is a change, shown with its sign.
	 */
	public record Table(String id, String sheet, String title, List<String> header, List<List<Object>> rows,
			boolean changes) {
	}

	private final MessageSource messages;

	RecapDocuments(MessageSource messages) {
		this.messages = messages;
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	/**
	 * The label behind a code's message key ({@code followup.severity.HIGH}, {@code alert.rule.OVERSTAY.name}); the code
	 * itself only when no bundle has the key, never the key.
	 */
	private String label(Locale locale, String key) {
		String fallback = key.endsWith(".name") ? key.substring(0, key.length() - 5) : key;
		return messages.getMessage(key, null, fallback.substring(fallback.lastIndexOf('.') + 1), locale);
	}

	/** A date as the interface shows dates: dd-mm-yyyy. */
	public static String date(LocalDate date) {
		return DATE.format(date);
	}

	public String monthName(YearMonth month, Locale locale) {
		String name = month.getMonth().getDisplayName(TextStyle.FULL, locale);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + month.getYear();
	}

	public String title(Recap recap, Locale locale) {
		return text(locale, "recap.doc.title", monthName(recap.month(), locale), recap.areaName());
	}

	/** The summary lines that open both documents. */
	List<List<Object>> summary(Recap recap, Locale locale) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of(text(locale, "recap.doc.present"), recap.present(), recap.presentBefore(),
				recap.presentChange()));
		rows.add(List.of(text(locale, "recap.doc.registered"), recap.registered(), "", ""));
		rows.add(List.of(text(locale, "recap.doc.alertsRaised"), recap.alertsRaisedTotal(), "", ""));
		rows.add(List.of(text(locale, "recap.doc.alertsClosed"), recap.alertsClosedTotal(), "", ""));
		rows.add(List.of(text(locale, "recap.doc.alertsOpen"), recap.alertsOpenAtEnd(), "", ""));
		rows.add(List.of(text(locale, "recap.doc.completeness"), recap.completeness().percent() + "%", "", ""));
		if (recap.hasCrossings()) {
			rows.add(List.of(text(locale, "recap.doc.entries"), recap.entries(), "", ""));
			rows.add(List.of(text(locale, "recap.doc.exits"), recap.exits(), "", ""));
		}
		return rows;
	}

	/** The recap's tables, labelled in {@code locale}: the summary first, then the breakdowns and the counts. */
	public List<Table> tables(Recap recap, Locale locale) {
		String endOfMonth = text(locale, "recap.doc.endOfMonthOn", date(recap.presentOn()));
		String monthBefore = text(locale, "recap.doc.monthBeforeOn", date(recap.presentBeforeOn()));
		String change = text(locale, "recap.doc.change");
		List<String> changeHeader = List.of("", endOfMonth, monthBefore, change);
		List<Table> tables = new ArrayList<>();
		tables.add(new Table("summary", text(locale, "recap.sheet.summary"), text(locale, "recap.doc.summary"),
				List.of(text(locale, "recap.doc.figure"), endOfMonth, monthBefore, change), summary(recap, locale),
				true));
		tables.add(changes(locale, "nationality", changeHeader, recap.byNationality(),
				c -> c.key() == null ? text(locale, "recap.unknown.nationality")
						: c.label(locale) != null ? c.label(locale) : c.key()));
		tables.add(changes(locale, "category", changeHeader, recap.byCategory(),
				c -> c.key() == null ? text(locale, "recap.unknown.category") : label(locale, "category." + c.key())));
		tables.add(changes(locale, "district", changeHeader, recap.byDistrict(),
				c -> c.key() == null ? text(locale, "recap.unknown.district")
						: c.label() != null ? text(locale, "regions.district", c.label()) : c.key()));
		tables.add(changes(locale, "village", changeHeader, recap.byVillage(),
				c -> c.key() == null ? text(locale, "recap.unknown.village") : c.label() != null ? c.label() : c.key()));
		tables.add(counts(locale, "alertsRaised", text(locale, "recap.doc.ruleAndSeverity"), recap.alertsRaised()));
		tables.add(counts(locale, "alertsClosed", text(locale, "recap.doc.statusAndOutcome"), recap.alertsClosed()));
		tables.add(counts(locale, "actions", text(locale, "recap.doc.kind"), recap.actions()));
		MonthlyRecap.Completeness c = recap.completeness();
		tables.add(new Table("completeness", text(locale, "recap.sheet.completeness"),
				text(locale, "recap.doc.completenessTitle"),
				List.of(text(locale, "recap.doc.figure"), text(locale, "recap.doc.count")),
				List.of(List.of(text(locale, "recap.doc.villages"), c.villages()),
						List.of(text(locale, "recap.doc.onTime"), c.onTime()),
						List.of(text(locale, "recap.doc.late"), c.late()),
						List.of(text(locale, "recap.doc.missing"), c.missing()),
						List.of(text(locale, "recap.doc.nil"), c.nil())),
				false));
		tables.add(counts(locale, "reports", text(locale, "recap.doc.state"), recap.reports()));
		return tables;
	}

	private Table changes(Locale locale, String id, List<String> header, List<Change> changes,
			Function<Change, String> label) {
		List<String> columns = new ArrayList<>(header);
		columns.set(0, text(locale, "recap.doc.column." + id));
		return new Table(id, text(locale, "recap.sheet." + id), text(locale, "recap.doc.by." + id),
				List.copyOf(columns),
				changes.stream().map(c -> List.<Object>of(label.apply(c), c.now(), c.before(), c.difference()))
						.toList(),
				true);
	}

	private Table counts(Locale locale, String id, String firstColumn, List<Count> counts) {
		return new Table(id, text(locale, "recap.sheet." + id), text(locale, "recap.doc.by." + id),
				List.of(firstColumn, text(locale, "recap.doc.count")),
				counts.stream().map(c -> List.<Object>of(c.labelKeys().stream().map(k -> label(locale, k))
						.collect(Collectors.joining(" / ")), c.count())).toList(),
				false);
	}

	/** The workbook: a sheet per table, the title in the first row, the header in the second. */
	public void writeXlsx(Recap recap, Locale locale, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Font boldFont = workbook.createFont();
			boldFont.setBold(true);
			CellStyle bold = workbook.createCellStyle();
			bold.setFont(boldFont);
			bold.setWrapText(true);
			String title = title(recap, locale);
			for (Table table : tables(recap, locale)) {
				Sheet sheet = workbook.createSheet(table.sheet());
				sheet.setDefaultColumnWidth(18);
				sheet.setColumnWidth(0, 48 * 256);
				Row titleRow = sheet.createRow(0);
				titleRow.createCell(0).setCellValue(Csv.neutralise(title + " - " + table.title()));
				titleRow.getCell(0).setCellStyle(bold);
				Row header = sheet.createRow(1);
				for (int i = 0; i < table.header().size(); i++) {
					header.createCell(i).setCellValue(Csv.neutralise(table.header().get(i)));
					header.getCell(i).setCellStyle(bold);
				}
				int r = 2;
				for (List<Object> cells : table.rows()) {
					Row row = sheet.createRow(r++);
					for (int i = 0; i < cells.size(); i++) {
						Object value = cells.get(i);
						if (value instanceof Number number) {
							row.createCell(i).setCellValue(number.doubleValue());
						}
						else if (value != null && !value.toString().isEmpty()) {
							row.createCell(i).setCellValue(Csv.neutralise(value.toString()));
						}
					}
				}
			}
			workbook.write(out);
		}
	}

	/**
	 * The PDF: A4 portrait, the embedded font of PdfFonts, the tables one after the other with page breaks where they
	 * fall. Titles and cells wrap within their column, measured with the font, so nothing runs past the margin.
	 */
	public void writePdf(Recap recap, Locale locale, OutputStream out, String generatedLine) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDDocumentInformation info = document.getDocumentInformation();
			String title = title(recap, locale);
			info.setTitle(title);
			info.setCreator("Pantau");
			try (PdfPages pages = new PdfPages(document)) {
				pages.line(title, true, 14);
				pages.line(generatedLine, false, 9);
				pages.gap(8);
				for (Table table : tables(recap, locale)) {
					pages.table(table.title(), table.header(), table.rows());
				}
			}
			document.save(out);
		}
	}

	/** Writes lines and tables down A4 pages, starting a new page when one is full. */
	static final class PdfPages implements AutoCloseable {

		static final float MARGIN = 48;
		private static final float SIZE = 9.5f;
		private static final float LEADING = 12;
		/** The width of a figure column; the first column takes the rest of the line. */
		private static final float FIGURE = 86;
		private static final float PADDING = 6;

		private final PDDocument document;
		private final PDFont font;
		private final float width;
		private PDPageContentStream content;
		private float y;

		PdfPages(PDDocument document) throws IOException {
			this.document = document;
			this.font = PdfFonts.regular(document);
			this.width = PDRectangle.A4.getWidth() - 2 * MARGIN;
			newPage();
		}

		private void newPage() throws IOException {
			if (content != null) {
				content.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			content = new PDPageContentStream(document, page);
			y = page.getMediaBox().getHeight() - MARGIN;
		}

		private void room(float height) throws IOException {
			if (y - height < MARGIN) {
				newPage();
			}
		}

		void gap(float height) {
			y -= height;
		}

		/** A paragraph across the page, wrapped to the margins. */
		void line(String text, boolean bold, float size) throws IOException {
			for (String part : wrap(text, width, size)) {
				room(size + 4);
				write(MARGIN, part, bold, size);
				y -= size + 4;
			}
			y -= 2;
		}

		private void write(float x, String text, boolean bold, float size) throws IOException {
			content.beginText();
			content.setFont(font, size);
			if (bold) {
				PdfFonts.bold(content, size);
			}
			content.newLineAtOffset(x, y - size);
			content.showText(text);
			PdfFonts.plain(content);
			content.endText();
		}

		float width(String text, float size) throws IOException {
			return font.getStringWidth(text) / 1000 * size;
		}

		/**
		 * {@code text} (made printable) in lines no wider than {@code room}: broken between words, and inside a word
		 * only when the word alone is wider.
		 */
		List<String> wrap(String text, float room, float size) throws IOException {
			String printable = PdfFonts.printable(text, font).strip();
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String word : printable.split(" +")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (width(candidate, size) <= room) {
					line.setLength(0);
					line.append(candidate);
					continue;
				}
				if (!line.isEmpty()) {
					lines.add(line.toString());
					line.setLength(0);
				}
				// a word wider than the room on its own: cut it where it fills the line
				while (width(word, size) > room && word.length() > 1) {
					int cut = word.length() - 1;
					while (cut > 1 && width(word.substring(0, cut), size) > room) {
						cut--;
					}
					lines.add(word.substring(0, cut));
					word = word.substring(cut);
				}
				line.append(word);
			}
			if (!line.isEmpty() || lines.isEmpty()) {
				lines.add(line.toString());
			}
			return lines;
		}

		void table(String title, List<String> header, List<List<Object>> rows) throws IOException {
			room(LEADING * 4 + 6);
			gap(6);
			line(title, true, 11);
			int n = header.size();
			float[] widths = new float[n];
			widths[0] = width - FIGURE * (n - 1);
			for (int i = 1; i < n; i++) {
				widths[i] = FIGURE;
			}
			row(header, widths, true);
			if (rows.isEmpty()) {
				row(List.of("-"), widths, false);
			}
			for (List<Object> cells : rows) {
				row(cells, widths, false);
			}
		}

		/** A row: every cell wrapped within its column; figures (every column but the first) aligned right. */
		private void row(List<?> cells, float[] widths, boolean bold) throws IOException {
			List<List<String>> wrapped = new ArrayList<>();
			int lines = 1;
			for (int i = 0; i < cells.size() && i < widths.length; i++) {
				Object value = cells.get(i);
				List<String> cell = wrap(value == null ? "" : value.toString(), widths[i] - PADDING, SIZE);
				wrapped.add(cell);
				lines = Math.max(lines, cell.size());
			}
			room(lines * LEADING + 2);
			float x = MARGIN;
			for (int i = 0; i < wrapped.size(); i++) {
				float top = y;
				for (String part : wrapped.get(i)) {
					float at = i == 0 ? x : x + widths[i] - PADDING / 2 - width(part, SIZE);
					write(at, part, bold, SIZE);
					y -= LEADING;
				}
				y = top;
				x += widths[i];
			}
			y -= lines * LEADING + 2;
			if (bold) {
				content.moveTo(MARGIN, y + 1);
				content.lineTo(MARGIN + width, y + 1);
				content.setLineWidth(0.5f);
				content.stroke();
				y -= 2;
			}
		}

		@Override
		public void close() throws IOException {
			content.close();
		}
	}
}
