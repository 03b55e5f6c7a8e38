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
		return latestCrossing(context, personId, direction).map(Crossing::day);
	}

	/** A crossing of the person: its id and its day in WIT. */
	record Crossing(long id, LocalDate day) {
	}

	static Optional<Crossing> latestCrossing(RuleContext context, long personId, String direction) {
		return context.jdbc().sql("""
				select id, (crossed_at at time zone 'Asia/Jayapura')::date as day from crossing_read
				where person_id = :person and direction = :direction order by crossed_at desc, id desc limit 1""")
				.param("person", personId).param("direction", direction)
				.query((rs, n) -> new Crossing(rs.getLong("id"), rs.getObject("day", LocalDate.class))).optional();
	}

	static String status(RuleContext context, long personId) {
		return context.jdbc().sql("select status from person_read where id = :id").param("id", personId)
				.query(String.class).optional().orElse("MERGED");
	}

	/** "keberangkatan tercatat <date>" or the person's new status, when either explains why the facts are gone. */
	static Optional<Resolution> departure(RuleContext context, long personId) {
		Optional<Crossing> exit = latestCrossing(context, personId, "EXIT");
		Optional<LocalDate> entry = latest(context, personId, "ENTRY");
		if (exit.isPresent() && (entry.isEmpty() || !exit.get().day().isBefore(entry.get()))) {
			return Optional.of(Resolution.closes("exitRecorded", exit.get().day()).fromCrossing(exit.get().id()));
		}
		String status = status(context, personId);
		return switch (status) {
			case "DEPARTED", "DEPORTED", "DECEASED" -> Optional.of(Resolution.closes("status." + status));
			case "MERGED" -> Optional.of(Resolution.closes("merged"));
			default -> Optional.empty();
		};
	}
}
