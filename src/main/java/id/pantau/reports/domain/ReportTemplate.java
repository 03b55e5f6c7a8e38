package id.pantau.reports.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.function.Function;

import id.pantau.platform.tables.Csv;
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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The template BPMPD hands out for a month of a village's reports: a sheet {@value ReportSheet#SHEET} with one column
 * per field of a {@link ReportForm} ({@link ReportColumn}), a sheet {@value ReportSheet#HELP_SHEET} explaining them,
 * and the village and month in the workbook's custom properties. Every text cell goes through the one formula guard
 * ({@link Csv#neutralise}). {@link ReportSheet} reads a filled one.
 */
public final class ReportTemplate {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The village and month a template is made for, shown in it and kept in its properties. */
	public record Prefill(String villageCode, String villageName, YearMonth month) {
	}

	private ReportTemplate() {
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
				properties.getCustomProperties().addProperty(ReportSheet.VILLAGE_PROPERTY, prefill.villageCode());
			}
			if (prefill != null && prefill.month() != null) {
				properties.getCustomProperties().addProperty(ReportSheet.MONTH_PROPERTY, prefill.month().toString());
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

	private static void writeReportSheet(XSSFWorkbook workbook, Function<String, String> text) {
		Sheet sheet = workbook.createSheet(ReportSheet.SHEET);
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
		for (ReportColumn column : ReportColumn.values()) {
			int index = column.ordinal();
			Cell cell = header.createCell(index);
			cell.setCellValue(Csv.neutralise(column.header()));
			cell.setCellStyle(headerStyle);
			sheet.setColumnWidth(index, column.width() * 256);
			sheet.setDefaultColumnStyle(index, textStyle);
		}
		sheet.createFreezePane(0, 1);

		DataValidationHelper helper = sheet.getDataValidationHelper();
		DataValidationConstraint choices = helper.createExplicitListConstraint(new String[] { "L", "P" });
		int sexColumn = ReportColumn.JENIS_KELAMIN.ordinal();
		DataValidation sex = helper.createValidation(choices,
				new CellRangeAddressList(1, ReportSheet.MAX_ROWS, sexColumn, sexColumn));
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
		Sheet sheet = workbook.createSheet(ReportSheet.HELP_SHEET);
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
		for (ReportColumn column : ReportColumn.values()) {
			Row row = sheet.createRow(r++);
			cell(row, 0, column.header(), bold);
			cell(row, 1, text.apply(column.field().required() ? "common.yes" : "common.no"), null);
			if (column == ReportColumn.JENIS_KELAMIN) {
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
}
