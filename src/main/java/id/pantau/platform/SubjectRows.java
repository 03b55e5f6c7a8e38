package id.pantau.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows a module holds on one data subject, each part as a JSON array built by PostgreSQL ({@code json_agg}), for
 * the export of UU 27/2022 Pasal 7 and 8. Each module names its own tables' parts; the privacy module joins them.
 */
public final class SubjectRows {

	private final Map<String, String> parts;

	private SubjectRows(Map<String, String> parts) {
		this.parts = parts;
	}

	/**
	 * @param namesAndQueries each part's name followed by the query of its rows, with {@code :person} the person's id
	 * (a number) and {@code :personText} the same as text
	 */
	public static SubjectRows of(String... namesAndQueries) {
		Map<String, String> parts = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndQueries.length; i += 2) {
			parts.put(namesAndQueries[i], namesAndQueries[i + 1]);
		}
		return new SubjectRows(parts);
	}

	/** The parts of a map of names to queries, in the map's order. */
	public static SubjectRows of(Map<String, String> parts) {
		return new SubjectRows(new LinkedHashMap<>(parts));
	}

	/** Each part's rows as a JSON array, in the order the parts were named. */
	public Map<String, String> rowsOf(JdbcClient jdbc, long personId) {
		Map<String, String> rows = new LinkedHashMap<>();
		parts.forEach((name, query) -> rows.put(name,
				jdbc.sql("select coalesce(json_agg(t), '[]'::json)::text from (" + query + ") t")
						.param("person", personId).param("personText", Long.toString(personId)).query(String.class)
						.single()));
		return rows;
	}
}
