package id.pantau.reports;

/** A TIMPORA member agency gave its view on a report that waits for the joint validation. */
public record ReportViewRecorded(long reportId, String number, String villageCode, String agency) {
}
