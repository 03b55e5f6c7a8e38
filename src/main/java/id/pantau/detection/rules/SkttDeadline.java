package id.pantau.detection.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import id.pantau.followup.Severity;

/**
 * An ITAS holder registers with Dukcapil for an SKTT within a number of days (14) of the permit. Late by more than
 * {@code mediumAfterDays} raises the severity.
 */
record SkttDeadline(int days, int mediumAfterDays) {

	/** The last day to register for a permit valid from {@code validFrom}. */
	LocalDate deadline(LocalDate validFrom) {
		return validFrom.plusDays(days);
	}

	/** Days past the deadline (0 or less: not late). */
	long daysLate(LocalDate validFrom, LocalDate today) {
		return ChronoUnit.DAYS.between(deadline(validFrom), today);
	}

	Severity severity(long daysLate) {
		return daysLate > mediumAfterDays ? Severity.MEDIUM : Severity.LOW;
	}
}
