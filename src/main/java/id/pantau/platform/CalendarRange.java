package id.pantau.platform;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The years a date given to Pantau may fall in: from 1900 (the oldest birth a person in the registry may have) to
 * 2199. A date far outside (year 1,000,000, year -999,999,999) is well-typed for Java but not for PostgreSQL or for
 * arithmetic on it, and never meant: it is refused as input instead of failing deep in a query or an export.
 */
public final class CalendarRange {

	public static final int MIN_YEAR = 1900;
	public static final int MAX_YEAR = 2199;

	private CalendarRange() {
	}

	public static boolean covers(int year) {
		return year >= MIN_YEAR && year <= MAX_YEAR;
	}

	public static boolean covers(LocalDate date) {
		return date == null || covers(date.getYear());
	}

	public static boolean covers(YearMonth month) {
		return month == null || covers(month.getYear());
	}
}
