package id.pantau;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests, and the one the tests compute their expectations with. It ticks like the wall
 * clock, but from the moment named by the system property {@value #PROPERTY} when it is set (a date, taken at 10:00 in
 * Maluku, a local date-time in Maluku, or an instant), so that the whole suite can be run on the first of a month, on
 * 29 February or on New Year's Eve. A test that needs time to stand still (a per-minute counter) freezes it and lets
 * it go in a {@code finally}.
 */
public final class TestClock extends Clock {

	/** The moment the suite's clock starts at: {@code 2028-02-29}, {@code 2028-02-29T23:30} (Maluku) or an instant. */
	public static final String PROPERTY = "pantau.test.now";

	public static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

	private static final TestClock INSTANCE = new TestClock(offsetFrom(System.getProperty(PROPERTY)));

	private final Duration offset;
	private volatile Instant frozen;

	private TestClock(Duration offset) {
		this.offset = offset;
	}

	public static TestClock get() {
		return INSTANCE;
	}

	/** Today in Maluku, as the application sees it. */
	public static LocalDate today() {
		return LocalDate.ofInstant(INSTANCE.instant(), WIT);
	}

	public static YearMonth thisMonth() {
		return YearMonth.from(today());
	}

	public static Instant now() {
		return INSTANCE.instant();
	}

	/** Stops the clock at this moment until {@link #release()}. */
	public static void freezeAt(Instant moment) {
		INSTANCE.frozen = moment;
	}

	public static void release() {
		INSTANCE.frozen = null;
	}

	@Override
	public Instant instant() {
		Instant stopped = frozen;
		return stopped != null ? stopped : Instant.now().plus(offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		TestClock self = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return self.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return self.withZone(other);
			}
		};
	}

	static Duration offsetFrom(String start) {
		if (start == null || start.isBlank()) {
			return Duration.ZERO;
		}
		return Duration.between(Instant.now(), parse(start.trim()));
	}

	static Instant parse(String start) {
		try {
			if (start.length() == 10) {
				return LocalDate.parse(start).atTime(LocalTime.of(10, 0)).atZone(WIT).toInstant();
			}
			if (start.endsWith("Z") || start.contains("+")) {
				return Instant.parse(start);
			}
			return LocalDateTime.parse(start).atZone(WIT).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(PROPERTY + "=" + start + ": expected 2028-02-29, 2028-02-29T23:30 or an"
					+ " instant such as 2028-02-29T14:30:00Z", e);
		}
	}

	/** Makes this clock the application's. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		Clock testClock() {
			return INSTANCE;
		}
	}
}
