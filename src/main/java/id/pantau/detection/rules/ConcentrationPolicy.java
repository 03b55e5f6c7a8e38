package id.pantau.detection.rules;

import id.pantau.followup.Severity;

/**
 * When the number of foreigners in a village is a signal worth a look: at or above a threshold (an alert per level,
 * so a village that doubles its threshold alerts again), or sharply up on the month before in the monthly reports.
 */
record ConcentrationPolicy(int threshold, int risePercent, int minRise) {

	/** The threshold level reached (threshold, 2 x threshold, ...), or 0 when below the threshold. */
	int level(int present) {
		return present < threshold ? 0 : present / threshold * threshold;
	}

	Severity severity(int present) {
		return present >= 2 * threshold ? Severity.MEDIUM : Severity.LOW;
	}

	/** Whether {@code last} is sharply up on {@code before}: by at least minRise and by at least risePercent. */
	boolean sharpRise(int before, int last) {
		return last - before >= minRise && (long) last * 100 >= (long) before * (100 + risePercent);
	}
}
