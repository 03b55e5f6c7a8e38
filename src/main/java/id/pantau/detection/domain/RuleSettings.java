package id.pantau.detection.domain;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored switch and thresholds of each rule ({@code rule_setting}); a rule without a row runs on its defaults. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RuleSettings {

	/** What is stored for a rule: switched on or off, and the thresholds that differ from nothing (as numbers). */
	public record Stored(boolean enabled, Map<String, Long> parameters, Instant updatedAt, String updatedBy) {
	}

	private final JdbcClient jdbc;

	public Optional<Stored> find(String rule) {
		return jdbc.sql("select enabled, parameters, updated_at, updated_by from rule_setting where rule = :rule")
				.param("rule", rule)
				.query((rs, n) -> new Stored(rs.getBoolean("enabled"), parse(rs.getString("parameters")),
						rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
				.optional();
	}

	public void save(String rule, boolean enabled, Map<String, Long> parameters, String actor, Instant now) {
		jdbc.sql("""
				insert into rule_setting (rule, enabled, parameters, updated_at, updated_by)
				values (:rule, :enabled, :parameters, :now, :actor)
				on conflict (rule) do update set enabled = excluded.enabled, parameters = excluded.parameters,
				  updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
				.param("rule", rule).param("enabled", enabled).param("parameters", format(parameters))
				.param("now", Timestamp.from(now)).param("actor", actor).update();
	}

	static String format(Map<String, Long> parameters) {
		return new TreeMap<>(parameters).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("\n"));
	}

	/** Properties text to numbers; a value that is not a whole number is left out (its default applies). */
	static Map<String, Long> parse(String text) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(text == null ? "" : text));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		Map<String, Long> values = new TreeMap<>();
		for (String name : properties.stringPropertyNames()) {
			try {
				values.put(name, Long.parseLong(properties.getProperty(name).trim()));
			}
			catch (NumberFormatException ignored) {
				// the default applies
			}
		}
		return values;
	}
}
