package id.pantau.reports.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pantau.reports.*}
 *
 * @param waitingWorkingDays a report waiting longer than this many working days in an inbox is flagged
 * @param periodicDueDay the day of the next month by which a village's monthly report is due
 */
@ConfigurationProperties("pantau.reports")
public record ReportSettings(@DefaultValue("3") int waitingWorkingDays, @DefaultValue("5") int periodicDueDay) {
}
