package id.pantau.reports;

/** BPMPD forwarded a report to Kesbangpol for validation with TIMPORA. */
public record ReportForwarded(long reportId, String number, String villageCode) {
}
