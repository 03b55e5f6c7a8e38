package id.pantau.reports;

/**
 * A village submitted a report to BPMPD.
 *
 * @param resubmitted whether the village fixed and sent it again after BPMPD returned it
 */
public record ReportSubmitted(long reportId, String number, String villageCode, boolean resubmitted) {

	public ReportSubmitted(long reportId, String number, String villageCode) {
		this(reportId, number, villageCode, false);
	}
}
