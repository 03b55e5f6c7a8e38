package id.pantau.reports.domain;

import java.time.Instant;

import id.pantau.reports.ReportState;
import org.springframework.data.relational.core.mapping.Table;

/** One step of a report through the chain. */
@Table("report_event")
public record ReportEvent(ReportState fromState, ReportState toState, String actor, Instant at, String reason) {
}
