package id.pantau.reports.domain;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/** A TIMPORA partner agency's view on a report, as recorded at validation. */
@Table("report_agency_view")
public record AgencyView(String agency, String viewText, String recordedBy, Instant recordedAt) {
}
