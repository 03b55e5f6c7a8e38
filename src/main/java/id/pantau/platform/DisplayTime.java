package id.pantau.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Formats stored instants (UTC) in Maluku's zone, WIT (UTC+9), for pages: {@code ${@displayTime.of(instant)}}.
 */
@Component
public class DisplayTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Jayapura");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss 'WIT'")
			.withZone(ZONE);

	public String of(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant);
	}
}
