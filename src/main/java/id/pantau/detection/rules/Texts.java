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

	/**
	 * A summary argument that is itself a message ({@code alert.arg.<key>}, or another key with a dot), rendered in
	 * the reader's language when the alert is shown: {@code msg:key|arg|arg}.
	 */
	static String message(String key, Object... args) {
		StringBuilder text = new StringBuilder("msg:").append(key.contains(".") ? key : "alert.arg." + key);
		for (Object arg : args) {
			text.append('|').append(arg);
		}
		return text.toString();
	}

	static String date(LocalDate date) {
		return date == null ? "-" : date.toString();
	}
}
