package id.pantau.reports.domain;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A TIMPORA member agency's view on a report: recorded by the agency's own officer while the report is with
 * Kesbangpol, or ({@code onPaper}) written down by Kesbangpol from a meeting or a letter when it concludes.
 */
@Table("report_agency_view")
public record AgencyView(String agency, String viewText, String recordedBy, Instant recordedAt, boolean onPaper) {
}
