package id.pantau.reports;

/**
 * Kesbangpol concluded a report: validated (the person is known, new, or a possible violation) or rejected (not a
 * foreigner, a duplicate).
 *
 * @param personId the registry person the report is about, when known
 */
public record ReportValidated(long reportId, String number, String villageCode, ValidationOutcome outcome,
		Long personId) {
}
