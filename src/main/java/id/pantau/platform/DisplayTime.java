package id.pantau.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Formats stored instants (UTC) in Maluku's zone, WIT (UTC+9), for pages: {@code ${@displayTime.of(instant)}}; and
 * days as people in Indonesia write them, dd-mm-yyyy: {@code ${@displayTime.day(date)}}. The one way pages print a
 * time or a day (form fields of type date keep ISO, which the browser needs).
 */
@Component
public class DisplayTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Jayapura");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss 'WIT'")
			.withZone(ZONE);

	public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	public String of(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant);
	}

	/** A day, dd-mm-yyyy, or "" when there is none. */
	public String day(LocalDate date) {
		return day(date, "");
	}

	/** A day, dd-mm-yyyy, or {@code none} when there is none (e.g. "?" for an unknown start). */
	public String day(LocalDate date, String none) {
		return date == null ? none : DAY.format(date);
	}

	/** A day kept as ISO text (evidence stored as JSON), dd-mm-yyyy; other text as it is. */
	public String isoDay(String text) {
		if (text == null) {
			return "";
		}
		try {
			return DAY.format(LocalDate.parse(text));
		}
		catch (java.time.format.DateTimeParseException notADay) {
			return text;
		}
	}
}
