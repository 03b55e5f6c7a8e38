package id.pantau.followup;

/** How urgent an alert is for the people who look at it; the list sorts the most severe first. */
public enum Severity {

	LOW, MEDIUM, HIGH, CRITICAL
}
