package id.pantau.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The counts a module keeps as its data changes (V32, V34: {@code person_present_count}, {@code crossing_month_count},
 * ...): a statement-level trigger writes delta rows, one insert per statement that changes them, so concurrent
 * writers never wait on one another, and a reader sums the rows of its keys. Compaction folds the rows into one per key
 * now and then, so that a reader sums a few rows. It is safe on several instances at once: each deletes only the rows
 * its statement sees (a row another compaction took is skipped) and inserts their sum in the same statement, so a
 * total never changes. Each owner schedules the compaction of its own table.
 */
public final class KeptCounts {

	private KeptCounts() {
	}

	/**
	 * Folds the delta rows of {@code table} into one row per key; returns how many rows remain.
	 *
	 * @param keys the table's key columns (its count is {@code n}); names from the owner's code, never from a request
	 */
	public static int compact(JdbcClient jdbc, String table, String... keys) {
		String columns = String.join(", ", keys);
		return jdbc.sql("""
				with gone as (delete from %1$s returning %2$s, n)
				insert into %1$s (%2$s, n)
				select %2$s, sum(n) from gone group by %2$s having sum(n) <> 0""".formatted(table, columns)).update();
	}
}
