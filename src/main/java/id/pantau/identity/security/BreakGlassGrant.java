package id.pantau.identity.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * An Imigrasi officer's stated reason to read the registry outside its scope, kept in its session until it ends or
 * the officer ends it. Only reads of persons are widened; every one is audited with the reason.
 */
public record BreakGlassGrant(String reason, Instant until) implements Serializable {

	public static final String SESSION_ATTRIBUTE = "pantau.breakGlass";
	public static final int MIN_REASON = 20;
	public static final int MAX_REASON = 500;

	public boolean activeAt(Instant now) {
		return now.isBefore(until);
	}

	/** When it ends, as people in Maluku read a clock (WIT). */
	public String untilClock() {
		return java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(id.pantau.platform.DisplayTime.ZONE)
				.format(until);
	}
}
