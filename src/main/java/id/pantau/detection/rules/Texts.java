package id.pantau.detection.rules;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;

/** Small formatting for summaries and evidence labels (Indonesian, as the alert texts). */
final class Texts {

	private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

	private Texts() {
	}

	static String rupiah(long amount) {
		return "Rp " + NumberFormat.getIntegerInstance(INDONESIAN).format(amount);
	}

	static String date(LocalDate date) {
		return date == null ? "-" : date.toString();
	}
}
