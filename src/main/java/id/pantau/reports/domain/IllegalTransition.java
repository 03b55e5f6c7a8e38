package id.pantau.reports.domain;

import id.pantau.reports.ReportState;

/** A step the report cannot take from where it stands (someone else may have acted on it first). */
public class IllegalTransition extends IllegalStateException {

	private final ReportState from;
	private final ReportState to;

	public IllegalTransition(ReportState from, ReportState to) {
		super("Report cannot go from " + from + " to " + to);
		this.from = from;
		this.to = to;
	}

	public ReportState from() {
		return from;
	}

	public ReportState to() {
		return to;
	}
}
