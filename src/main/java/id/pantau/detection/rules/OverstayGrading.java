package id.pantau.detection.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import id.pantau.followup.Severity;

/**
 * UU 6/2011 Pasal 78: a foreigner who stays past the authorised stay pays a charge (biaya beban) for each day up to
 * 60 days; beyond 60 days the sanction is deportation and an entry ban. The daily amount (Rp 1,000,000 under PP
 * 28/2019) and the 60 days are settings.
 */
record OverstayGrading(long chargePerDay, int chargeMaxDays, int minDays) {

	enum Kind {
		CHARGE, DEPORTATION
	}

	record Grade(long days, Kind kind, long charge, Severity severity) {

		/** The grade in words, for the alert's summary. */
		String describe(long chargePerDay) {
			return kind == Kind.CHARGE
					? Texts.message("overstayCharge", Texts.rupiah(charge), days, Texts.rupiah(chargePerDay))
					: Texts.message("overstayDeport");
		}
	}

	/** The grade of a stay that was authorised up to and including {@code lastDay}, or null when not overstayed. */
	Grade grade(LocalDate lastDay, LocalDate today) {
		long days = ChronoUnit.DAYS.between(lastDay, today);
		if (days < Math.max(1, minDays)) {
			return null;
		}
		if (days <= chargeMaxDays) {
			return new Grade(days, Kind.CHARGE, Math.multiplyExact(days, chargePerDay), Severity.HIGH);
		}
		return new Grade(days, Kind.DEPORTATION, 0, Severity.CRITICAL);
	}
}
