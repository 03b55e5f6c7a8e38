package id.pantau.reports;

/** What Kesbangpol and TIMPORA concluded about a forwarded report. */
public enum ValidationOutcome {

	/** The person is in the registry and in order. */
	KNOWN_IN_ORDER(ReportState.VALIDATED),
	/** A person new to the registry, added from the report. */
	NEW_PERSON_ADDED(ReportState.VALIDATED),
	/** A possible immigration violation, passed to Immigration. */
	POSSIBLE_VIOLATION(ReportState.VALIDATED),
	/** The person is not a foreigner. */
	NOT_A_FOREIGNER(ReportState.REJECTED),
	/** Another report already told the same. */
	DUPLICATE(ReportState.REJECTED);

	private final ReportState state;

	ValidationOutcome(ReportState state) {
		this.state = state;
	}

	public ReportState state() {
		return state;
	}
}
