package id.pantau.followup.domain;

/** How urgent an alert is; the list sorts the most severe first. */
public enum Severity {

	LOW, MEDIUM, HIGH, CRITICAL
}
