package id.pantau.reports.web;

import java.time.YearMonth;

import id.pantau.platform.InvalidInput;

/**
 * A monthly report's fields as typed: kept as text, so that what was typed comes back after an error.
 *
 * @param month yyyy-mm
 * @param foreigners the count as typed
 * @param reason a correction's reason
 */
public record PeriodicForm(String month, String villageCode, Boolean nil, String foreigners, String note,
		String reason) {

	/** "Nihil" ticked (an unticked box sends nothing). */
	public boolean nilTicked() {
		return Boolean.TRUE.equals(nil);
	}

	public YearMonth yearMonth() {
		try {
			YearMonth parsed = month == null || month.isBlank() ? null : YearMonth.parse(month.strip());
			// the form offers a few recent months; a year far off is no choice of it (and has no name to show)
			if (parsed != null && (parsed.getYear() < 2000 || parsed.getYear() > 2999)) {
				throw InvalidInput.of("month", "input.choice");
			}
			return parsed;
		}
		catch (java.time.format.DateTimeParseException e) {
			throw InvalidInput.of("month", "input.choice");
		}
	}

	public Integer count() {
		try {
			return foreigners == null || foreigners.isBlank() ? null : Integer.valueOf(foreigners.strip());
		}
		catch (NumberFormatException e) {
			throw InvalidInput.of("foreigners", "periodic.countRange");
		}
	}
}
