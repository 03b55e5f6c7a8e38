package id.pantau.reports.domain;

/** What a village official types into a report; nothing else binds. */
public record ReportForm(String namesAsHeard, String nationalityText, String sex, String ageOrBirth,
		String documentNumbers, String stayingAt, String activity, String employerOrVessel, String presentSince,
		String note) {

	public static ReportForm empty() {
		return new ReportForm("", "", "", "", "", "", "", "", "", "");
	}

	public static ReportForm of(ReportContent content) {
		return new ReportForm(content.namesAsHeard(), nz(content.nationalityText()), nz(content.sex()),
				nz(content.ageOrBirth()), nz(content.documentNumbers()), nz(content.stayingAt()),
				nz(content.activity()), nz(content.employerOrVessel()), nz(content.presentSince()), nz(content.note()));
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}
}
