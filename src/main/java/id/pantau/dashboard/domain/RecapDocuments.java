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
import id.pantau.platform.tables.Csv;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The monthly recap as tables, in the user's language: what the recap page shows, a PDF to print for a TIMPORA
 * meeting or the Wali Kota ({@link id.pantau.dashboard.pdf.RecapPdf}), and an XLSX workbook with one sheet per table
 * for those who work the figures further. All three are built from the same {@link #tables} and print labels (a
 * rule's name, a severity, an outcome), never codes.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
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
}
