package id.pantau.reports.domain;

/**
 * What a village tells about a foreigner, as heard: names, nationality as said (and its code when it could be read),
 * sex, age or birth date, documents seen, where they stay, what they do, for whom or on which vessel, since when.
 */
public record ReportContent(String namesAsHeard, String nationalityText, String nationality, String sex,
		String ageOrBirth, String documentNumbers, String stayingAt, String activity, String employerOrVessel,
		String presentSince, String note) {
}
