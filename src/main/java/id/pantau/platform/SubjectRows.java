package id.pantau.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows a module holds on one data subject, each part as a JSON array built by PostgreSQL ({@code json_agg}), for
 * the export of UU 27/2022 Pasal 7 and 8. Each module names its own tables' parts; the privacy module joins them.
 */
public final class SubjectRows {

	private SubjectRows() {
	}

	/**
	 * @param parts each part's name and the query of its rows, with {@code :person} the person's id (a number) and
	 * {@code :personText} the same as text
	 * @return each part's rows as a JSON array, in the order of {@code parts}
	 */
	public static Map<String, String> of(JdbcClient jdbc, Map<String, String> parts, long personId) {
		Map<String, String> rows = new LinkedHashMap<>();
		parts.forEach((name, query) -> rows.put(name,
				jdbc.sql("select coalesce(json_agg(t), '[]'::json)::text from (" + query + ") t")
						.param("person", personId).param("personText", Long.toString(personId)).query(String.class)
						.single()));
		return rows;
	}
}
