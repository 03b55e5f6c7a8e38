package id.pantau.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birth date as far as it is known: the full date, the year only, or nothing.
 *
 * @param date the full date, or null
 * @param year the year, or null when unknown
 */
public record BirthDate(LocalDate date, Integer year) {

	public static final BirthDate UNKNOWN = new BirthDate(null, null);

	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
	private static final Pattern INDONESIAN = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	public BirthDate {
		if (date != null && (year == null || year != date.getYear())) {
			year = date.getYear();
		}
	}

	public static BirthDate ofYear(int year) {
		return new BirthDate(null, year);
	}

	public static BirthDate of(LocalDate date) {
		return date == null ? UNKNOWN : new BirthDate(date, date.getYear());
	}

	/**
	 * Reads {@code yyyy-mm-dd}, {@code dd-mm-yyyy} (also with / or .), {@code yyyy}, or nothing.
	 *
	 * @throws IllegalArgumentException for anything else, or a date that does not exist or lies in the future
	 */
	public static BirthDate parse(String text, LocalDate today) {
		if (text == null || text.isBlank()) {
			return UNKNOWN;
		}
		String value = text.trim();
		try {
			Matcher iso = ISO.matcher(value);
			Matcher indonesian = INDONESIAN.matcher(value);
			BirthDate parsed;
			if (iso.matches()) {
				parsed = of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
						Integer.parseInt(iso.group(3))));
			}
			else if (indonesian.matches()) {
				parsed = of(LocalDate.of(Integer.parseInt(indonesian.group(3)), Integer.parseInt(indonesian.group(2)),
						Integer.parseInt(indonesian.group(1))));
			}
			else if (YEAR.matcher(value).matches()) {
				parsed = ofYear(Integer.parseInt(value));
			}
			else {
				throw new IllegalArgumentException("birthDate.format");
			}
			if (parsed.year() < 1880 || parsed.year() > today.getYear()
					|| (parsed.date() != null && parsed.date().isAfter(today))) {
				throw new IllegalArgumentException("birthDate.range");
			}
			return parsed;
		}
		catch (DateTimeException e) {
			throw new IllegalArgumentException("birthDate.format");
		}
	}

	public boolean isKnown() {
		return year != null;
	}

	/** As typed back into a form: {@code yyyy-mm-dd}, {@code yyyy} or empty. */
	public String text() {
		if (date != null) {
			return date.toString();
		}
		return year == null ? "" : Year.of(year).toString();
	}

	/** For people: {@code 07-03-1985}, {@code 1985} or empty. */
	public String display() {
		if (date != null) {
			return DateTimeFormatter.ofPattern("dd-MM-yyyy").format(date);
		}
		return year == null ? "" : year.toString();
	}
}
