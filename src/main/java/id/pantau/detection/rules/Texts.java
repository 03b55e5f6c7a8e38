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

	/** A marker on an argument: a country code, shown by the country's name in the reader's language. */
	static final String COUNTRY = "country:";

	/** A marker on an argument: a port of entry's code, shown by the port's name. */
	static final String PORT = "port:";

	/** An evidence label as a message ({@code alert.evidence.<key>}) with its arguments; see {@link #message}. */
	static String evidence(String key, Object... args) {
		return message("alert.evidence." + key, args);
	}

	static String date(LocalDate date) {
		return date == null ? "-" : date.toString();
	}
}
