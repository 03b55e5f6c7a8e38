package id.pantau.reports.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipInputStream;

import id.pantau.platform.InvalidInput;
import id.pantau.platform.tables.UnreadableFile;
import id.pantau.platform.tables.WorkbookRows;

/**
 * The uploaded file of a village's report workbook as a file, before and around its rows: refused when it is not an
 * XLSX by its first bytes (an old or protected workbook, anything else), handed to {@link WorkbookRows} (the one
 * spreadsheet reader, under the one policy for every spreadsheet) through a temporary file, and why that reader
 * refused it told in the words of the report import page. Plain Java, no Spring.
 */
final class ReportSheetFile {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };
	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	/** What reads the rows of the workbook's report sheet. */
	@FunctionalInterface
	interface Rows<T> {

		T read(WorkbookRows rows) throws IOException;
	}

	private ReportSheetFile() {
	}

	/** Refuses a file that is empty, too large, or not an XLSX by its first bytes. */
	static void check(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw InvalidInput.of(ReportSheet.FILE, "sheet.missing");
		}
		if (bytes.length > ReportSheet.MAX_BYTES) {
			throw InvalidInput.of(ReportSheet.FILE, "sheet.tooLarge", ReportSheet.MAX_BYTES / (1024 * 1024));
		}
		if (startsWith(bytes, OLE2)) {
			throw InvalidInput.of(ReportSheet.FILE, "sheet.oldOrProtected");
		}
		if (!startsWith(bytes, ZIP)) {
			throw InvalidInput.of(ReportSheet.FILE, "sheet.notXlsx");
		}
	}

	/** Reads the sheet {@code choice} picks as a stream, through a temporary file. */
	static <T> T read(byte[] bytes, WorkbookRows.SheetChoice choice, Rows<T> reader) {
		Path file = null;
		try {
			file = Files.createTempFile("pantau-report-", ".xlsx");
			Files.write(file, bytes);
			try (WorkbookRows rows = WorkbookRows.open(file, choice)) {
				return reader.read(rows);
			}
		}
		catch (UnreadableFile unreadable) {
			throw refused(unreadable, bytes);
		}
		catch (IOException e) {
			throw InvalidInput.of(ReportSheet.FILE, "sheet.unreadable");
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
			case "import.notXlsx" -> InvalidInput.of(ReportSheet.FILE, "sheet.notXlsx");
			case "import.zipBomb", "import.tooLargeUnpacked" ->
				InvalidInput.of(ReportSheet.FILE, "sheet.tooLargeUnpacked");
			case "import.noSheet" -> InvalidInput.of(ReportSheet.FILE, "sheet.noHeader");
			// a ZIP archive with no entry at all is no workbook; a damaged one, an XLSB, a broken part are unreadable
			case "import.brokenXlsx" ->
				InvalidInput.of(ReportSheet.FILE, hasEntries(bytes) ? "sheet.unreadable" : "sheet.notXlsx");
			default -> unreadable.argument() == null ? InvalidInput.of(ReportSheet.FILE, unreadable.messageKey())
					: InvalidInput.of(ReportSheet.FILE, unreadable.messageKey(), unreadable.argument());
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

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	static String digest(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
