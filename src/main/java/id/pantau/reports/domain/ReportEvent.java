package id.pantau.reports.domain;

import java.time.Instant;
import java.util.List;

import id.pantau.reports.ReportState;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One step of a report through the chain.
 *
 * @param changedFields on a resubmission after a return: the fields the village changed meanwhile, comma-separated
 *     ({@code ""} when it changed none); otherwise {@code null}
 */
@Table("report_event")
public record ReportEvent(ReportState fromState, ReportState toState, String actor, Instant at, String reason,
		String changedFields) {

	public ReportEvent(ReportState fromState, ReportState toState, String actor, Instant at, String reason) {
		this(fromState, toState, actor, at, reason, null);
	}

	/** The changed fields of a resubmission, as a list. */
	public List<String> changes() {
		return changedFields == null || changedFields.isEmpty() ? List.of() : List.of(changedFields.split(","));
	}
}
