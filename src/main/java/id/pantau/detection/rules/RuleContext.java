package id.pantau.detection.rules;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a rule evaluates against: the database, the day (in Asia/Jayapura), its thresholds, and for an incremental run
 * the persons touched.
 *
 * @param persons the persons to look at, or {@code null} for everyone
 */
public record RuleContext(JdbcClient jdbc, LocalDate today, Parameters parameters, Set<Long> persons) {

	public boolean incremental() {
		return persons != null;
	}

	/** {@code ""} for a full run, or {@code " and <column> = any(:persons)"}; bind with {@link #bind}. */
	public String onlyPersons(String column) {
		return persons == null ? "" : " and " + column + " = any(:persons)";
	}

	/** The statement with {@code :today} and {@code :persons} bound. */
	public JdbcClient.StatementSpec sql(String sql) {
		return jdbc.sql(sql).param("today", today).param("persons",
				persons == null ? new Long[0] : persons.toArray(Long[]::new));
	}
}
