package id.pantau.reports;

/** BPMPD sent a report back to its village with a reason. */
public record ReportReturned(long reportId, String number, String villageCode, String reason) {
}
