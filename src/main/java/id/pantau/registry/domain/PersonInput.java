package id.pantau.registry.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import id.pantau.platform.InvalidInput;
import id.pantau.reference.NationalityMatch;
import id.pantau.reference.ReferenceData;
import id.pantau.registry.BirthDate;

/** Reads what people type (nationalities in any common form, partial birth dates, dates) and collects problems. */
final class PersonInput {

	private final ReferenceData reference;
	private final LocalDate today;
	private final List<InvalidInput.Problem> problems = new ArrayList<>();

	PersonInput(ReferenceData reference, LocalDate today) {
		this.reference = reference;
		this.today = today;
	}

	String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new InvalidInput.Problem(field, "input.required"));
			return null;
		}
		String clean = optional(field, value, max);
		if (clean == null && problems.stream().noneMatch(p -> p.field().equals(field))) {
			problems.add(new InvalidInput.Problem(field, "input.required"));
		}
		return clean;
	}

	/**
	 * Characters that show nothing but can change how the text around them is shown (bidirectional overrides and
	 * isolates, zero-width spaces, byte order marks, control characters): a name with U+202E (right-to-left override) would read
	 * differently on screen from what is stored. Joiners (U+200C, U+200D) stay, as some scripts need them.
	 */
	private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern
			.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]");

	String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = INVISIBLE.matcher(value).replaceAll("").strip().replaceAll("\\s+", " ");
		if (trimmed.isEmpty()) {
			return null;
		}
		if (trimmed.length() > max) {
			problems.add(new InvalidInput.Problem(field, "input.tooLong", max));
			return null;
		}
		return trimmed;
	}

	/** Alpha-3 of a nationality typed as a code, a name in Indonesian or English, or a common variant. */
	String nationality(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		NationalityMatch match = reference.resolveNationality(value);
		if (match.alpha3() == null) {
			String suggestions = match.suggestions().stream().map(c -> c.nameId() + " (" + c.alpha3() + ")")
					.collect(Collectors.joining(", "));
			problems.add(new InvalidInput.Problem(field, suggestions.isEmpty() ? "nationality.unknown"
					: "nationality.unknownSuggest", value.strip(), suggestions));
			return null;
		}
		return match.alpha3();
	}

	BirthDate birth(String field, String value) {
		try {
			return BirthDate.parse(value, today);
		}
		catch (IllegalArgumentException e) {
			problems.add(new InvalidInput.Problem(field, e.getMessage()));
			return BirthDate.UNKNOWN;
		}
	}

	LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			problems.add(new InvalidInput.Problem(field, "input.date"));
			return null;
		}
	}

	<E extends Enum<E>> E choice(String field, Class<E> type, String value, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new InvalidInput.Problem(field, "input.required"));
			}
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			problems.add(new InvalidInput.Problem(field, "input.choice"));
			return null;
		}
	}

	void problem(String field, String key, Object... arguments) {
		problems.add(new InvalidInput.Problem(field, key, arguments));
	}


	/** @throws InvalidInput when anything read so far had a problem */
	void check() {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}
}
