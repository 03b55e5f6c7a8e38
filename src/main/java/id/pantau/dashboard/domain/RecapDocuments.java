package id.pantau.dashboard.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 * The monthly recap as a document, in Indonesian: a PDF to print for a TIMPORA meeting or the Wali Kota, and an XLSX
 * workbook with one sheet per table for those who work the figures further. Both carry the same tables.
 */
@Component
public class RecapDocuments {

	static final Locale INDONESIAN = Locale.forLanguageTag("id");

	/** A table of the recap: its title, its header and its rows of cells (text or numbers). */
	record Table(String sheet, String title, List<String> header, List<List<Object>> rows) {
	}

	private final MessageSource messages;

	RecapDocuments(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, key, INDONESIAN);
	}

	String monthName(Recap recap) {
		return recap.month().getMonth().getDisplayName(TextStyle.FULL, INDONESIAN) + " " + recap.month().getYear();
	}

	String title(Recap recap) {
		return text("recap.doc.title", monthName(recap), recap.areaName());
	}

	/** The summary lines that open both documents. */
	List<List<Object>> summary(Recap recap) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of(text("recap.doc.present"), recap.present(), recap.presentBefore(), recap.presentChange()));
		rows.add(List.of(text("recap.doc.registered"), recap.registered(), "", ""));
		rows.add(List.of(text("recap.doc.alertsRaised"), recap.alertsRaisedTotal(), "", ""));
		rows.add(List.of(text("recap.doc.alertsClosed"), recap.alertsClosedTotal(), "", ""));
		rows.add(List.of(text("recap.doc.alertsOpen"), recap.alertsOpenAtEnd(), "", ""));
		rows.add(List.of(text("recap.doc.completeness"), recap.completeness().percent() + "%", "", ""));
		if (recap.hasCrossings()) {
			rows.add(List.of(text("recap.doc.entries"), recap.entries(), "", ""));
			rows.add(List.of(text("recap.doc.exits"), recap.exits(), "", ""));
		}
		return rows;
	}

	List<Table> tables(Recap recap) {
		List<String> changeHeader = List.of("", text("recap.doc.endOfMonth"), text("recap.doc.monthBefore"),
				text("recap.doc.change"));
		List<Table> tables = new ArrayList<>();
		tables.add(new Table(text("recap.sheet.summary"), text("recap.doc.summary"),
				List.of(text("recap.doc.figure"), text("recap.doc.endOfMonth"), text("recap.doc.monthBefore"),
						text("recap.doc.change")),
				summary(recap)));
		tables.add(changes(text("recap.sheet.nationality"), text("recap.doc.byNationality"), changeHeader,
				recap.byNationality(), c -> c.label() != null ? c.label() + " (" + c.key() + ")" : none(c)));
		tables.add(changes(text("recap.sheet.category"), text("recap.doc.byCategory"), changeHeader,
				recap.byCategory(), c -> text("category." + c.key())));
		tables.add(changes(text("recap.sheet.district"), text("recap.doc.byDistrict"), changeHeader,
				recap.byDistrict(), c -> c.label() != null ? c.label() : none(c)));
		tables.add(changes(text("recap.sheet.village"), text("recap.doc.byVillage"), changeHeader, recap.byVillage(),
				c -> c.label() != null ? c.label() : none(c)));
		tables.add(counts(text("recap.sheet.alertsRaised"), text("recap.doc.alertsRaisedBy"), recap.alertsRaised()));
		tables.add(counts(text("recap.sheet.alertsClosed"), text("recap.doc.alertsClosedBy"), recap.alertsClosed()));
		tables.add(counts(text("recap.sheet.actions"), text("recap.doc.actions"), recap.actions()));
		MonthlyRecap.Completeness c = recap.completeness();
		tables.add(new Table(text("recap.sheet.completeness"), text("recap.doc.completenessTitle"),
				List.of(text("recap.doc.figure"), text("recap.doc.count")),
				List.of(List.of(text("recap.doc.villages"), c.villages()), List.of(text("recap.doc.onTime"), c.onTime()),
						List.of(text("recap.doc.late"), c.late()), List.of(text("recap.doc.missing"), c.missing()),
						List.of(text("recap.doc.nil"), c.nil()))));
		tables.add(new Table(text("recap.sheet.reports"), text("recap.doc.reports"),
				List.of(text("recap.doc.state"), text("recap.doc.count")), recap.reports().stream()
						.map(r -> List.<Object>of(text("reportState." + r.key()), r.count())).toList()));
		return tables;
	}

	private String none(Change change) {
		return change.key() == null ? text("recap.doc.noVillage") : change.key();
	}

	private static Table changes(String sheet, String title, List<String> header, List<Change> changes,
			java.util.function.Function<Change, String> label) {
		return new Table(sheet, title, header, changes.stream()
				.map(c -> List.<Object>of(label.apply(c), c.now(), c.before(), c.difference())).toList());
	}

	private Table counts(String sheet, String title, List<Count> counts) {
		return new Table(sheet, title, List.of(text("recap.doc.kind"), text("recap.doc.count")),
				counts.stream().map(c -> List.<Object>of(c.key() == null ? "-" : c.key(), c.count())).toList());
	}

	/** The workbook: a sheet per table, the title in the first row, the header in the second. */
	public void writeXlsx(Recap recap, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Font boldFont = workbook.createFont();
			boldFont.setBold(true);
			CellStyle bold = workbook.createCellStyle();
			bold.setFont(boldFont);
			for (Table table : tables(recap)) {
				Sheet sheet = workbook.createSheet(table.sheet());
				sheet.setDefaultColumnWidth(16);
				sheet.setColumnWidth(0, 40 * 256);
				Row titleRow = sheet.createRow(0);
				titleRow.createCell(0).setCellValue(Csv.neutralise(title(recap) + " - " + table.title()));
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
	 * fall.
	 */
	public void writePdf(Recap recap, OutputStream out, String generatedLine) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(title(recap));
			info.setCreator("Pantau");
			try (PdfPages pages = new PdfPages(document)) {
				pages.line(title(recap), true, 14);
				pages.line(generatedLine, false, 9);
				pages.gap(8);
				for (Table table : tables(recap)) {
					pages.table(table.title(), table.header(), table.rows());
				}
			}
			document.save(out);
		}
	}

	/** Writes lines and tables down A4 pages, starting a new page when one is full. */
	static final class PdfPages implements AutoCloseable {

		private static final float MARGIN = 48;
		private static final float SIZE = 9.5f;
		private static final float LEADING = 13;

		private final PDDocument document;
		private final PDFont font;
		private PDPageContentStream content;
		private float y;

		PdfPages(PDDocument document) throws IOException {
			this.document = document;
			this.font = PdfFonts.regular(document);
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

		void line(String text, boolean bold, float size) throws IOException {
			room(size + 4);
			write(MARGIN, text, bold, size);
			y -= size + 5;
		}

		private void write(float x, String text, boolean bold, float size) throws IOException {
			content.beginText();
			content.setFont(font, size);
			if (bold) {
				PdfFonts.bold(content, size);
			}
			content.newLineAtOffset(x, y - size);
			content.showText(PdfFonts.printable(text, font));
			PdfFonts.plain(content);
			content.endText();
		}

		void table(String title, List<String> header, List<List<Object>> rows) throws IOException {
			room(LEADING * 3 + 6);
			gap(6);
			line(title, true, 11);
			float[] columns = { MARGIN, MARGIN + 250, MARGIN + 335, MARGIN + 420 };
			row(header, columns, true);
			if (rows.isEmpty()) {
				row(List.of("-"), columns, false);
			}
			for (List<Object> cells : rows) {
				row(cells, columns, false);
			}
		}

		private void row(List<?> cells, float[] columns, boolean bold) throws IOException {
			room(LEADING);
			for (int i = 0; i < cells.size() && i < columns.length; i++) {
				Object value = cells.get(i);
				String text = value == null ? "" : value.toString();
				if (i == 0 && text.length() > 48) {
					text = text.substring(0, 47) + "...";
				}
				write(columns[i], text, bold, SIZE);
			}
			y -= LEADING;
		}

		@Override
		public void close() throws IOException {
			content.close();
		}
	}
}
