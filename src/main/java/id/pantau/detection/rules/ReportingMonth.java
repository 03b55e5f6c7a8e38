package id.pantau.detection.rules;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Which monthly report is due: the previous month's, once {@code graceDays} of the current month have passed (until
 * then, the month before it).
 */
record ReportingMonth(int graceDays) {

	YearMonth due(LocalDate today) {
		YearMonth previous = YearMonth.from(today).minusMonths(1);
		return today.getDayOfMonth() > graceDays ? previous : previous.minusMonths(1);
	}
}
