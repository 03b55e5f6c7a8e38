package id.pantau.reports.domain;

/**
 * The fields a village types into a report, with the limits {@link VillageReporting} enforces: one list for the
 * report form and for the Excel template, so that a row the template reader accepts is a report that can be saved.
 */
public enum ReportField {

	NAMES_AS_HEARD("namesAsHeard", 300, true),
	NATIONALITY_TEXT("nationalityText", 100, false),
	SEX("sex", 1, false),
	AGE_OR_BIRTH("ageOrBirth", 40, false),
	DOCUMENT_NUMBERS("documentNumbers", 200, false),
	STAYING_AT("stayingAt", 300, false),
	ACTIVITY("activity", 300, false),
	EMPLOYER_OR_VESSEL("employerOrVessel", 200, false),
	PRESENT_SINCE("presentSince", 40, false),
	NOTE("note", 2000, false);

	private final String field;
	private final int maxLength;
	private final boolean required;

	ReportField(String field, int maxLength, boolean required) {
		this.field = field;
		this.maxLength = maxLength;
		this.required = required;
	}

	/** The name of the field in {@link ReportForm} and in the problems of an invalid input. */
	public String field() {
		return field;
	}

	public int maxLength() {
		return maxLength;
	}

	public boolean required() {
		return required;
	}
}
