package id.pantau.reports;

/** A village submitted (or resubmitted) a report to BPMPD. */
public record ReportSubmitted(long reportId, String number, String villageCode) {
}
