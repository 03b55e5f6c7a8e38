package id.pantau.detection.rules;

/** How urgent a finding is for the people who look at it. */
public enum Severity {
	LOW, MEDIUM, HIGH, CRITICAL
}
