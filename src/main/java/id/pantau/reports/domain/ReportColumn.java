package id.pantau.reports.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns of a village's report workbook, in order: the Indonesian header the template writes, then the other
 * names a column is recognised by when a filled sheet is read ({@link ReportTemplate} writes them, {@link ReportSheet}
 * reads them).
 */
public enum ReportColumn {

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

	ReportColumn(ReportField field, int width, String... otherHeaders) {
		this.field = field;
		this.width = width;
		this.otherHeaders = List.of(otherHeaders);
		normalNames.add(normal(header()));
		normalNames.add(normal(field.field()));
		for (String name : otherHeaders) {
			normalNames.add(normal(name));
		}
	}

	/** The width of the column in the template, in characters. */
	int width() {
		return width;
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

	static ReportColumn byHeader(String header) {
		String normal = normal(header);
		for (ReportColumn column : values()) {
			if (column.normalNames.contains(normal)) {
				return column;
			}
		}
		return null;
	}

	static ReportColumn of(ReportField field) {
		for (ReportColumn column : values()) {
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
