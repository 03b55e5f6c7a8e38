package id.pantau.detection.rules;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Per-person look-ups used to say what changed when an alert's facts are gone (a handful of rows, not the set-based
 * selection).
 */
final class PersonMovements {

	static final String ZONE = "Asia/Jayapura";

	private PersonMovements() {
	}

	/** The latest crossing of the person in that direction, as a date in Asia/Jayapura. */
	static Optional<LocalDate> latest(RuleContext context, long personId, String direction) {
		return context.jdbc().sql("""
				select max((crossed_at at time zone 'Asia/Jayapura')::date) from crossing
				where person_id = :person and direction = :direction""").param("person", personId)
				.param("direction", direction).query(LocalDate.class).optional();
	}

	static String status(RuleContext context, long personId) {
		return context.jdbc().sql("select status from person where id = :id").param("id", personId)
				.query(String.class).optional().orElse("MERGED");
	}

	/** "keberangkatan tercatat <date>" or the person's new status, when either explains why the facts are gone. */
	static Optional<Resolution> departure(RuleContext context, long personId) {
		Optional<LocalDate> exit = latest(context, personId, "EXIT");
		Optional<LocalDate> entry = latest(context, personId, "ENTRY");
		if (exit.isPresent() && (entry.isEmpty() || !exit.get().isBefore(entry.get()))) {
			return Optional.of(Resolution.closes("exitRecorded", exit.get()));
		}
		String status = status(context, personId);
		return switch (status) {
			case "DEPARTED", "DEPORTED", "DECEASED" -> Optional.of(Resolution.closes("status." + status));
			case "MERGED" -> Optional.of(Resolution.closes("merged"));
			default -> Optional.empty();
		};
	}
}
