package id.pantau.reference.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.reference.Country;

/** The countries that V2__reference.sql inserts, read from its text so that unit tests need no database. */
final class MigrationCountries {

	private static final Pattern ROW = Pattern.compile(
			"^\\('([A-Z]{1,3})', (?:null|'([A-Z]{2})'), (?:null|'\\d{3}'), '((?:[^']|'')*)', '((?:[^']|'')*)', (true|false)\\)[,;]$");

	private MigrationCountries() {
	}

	static List<Country> load() {
		try (InputStream in = MigrationCountries.class.getClassLoader()
				.getResourceAsStream("db/migration/V2__reference.sql")) {
			String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String block = sql.substring(sql.indexOf("insert into country"));
			block = block.substring(0, block.indexOf(";\n") + 1);
			List<Country> countries = new ArrayList<>();
			for (String line : block.lines().skip(1).toList()) {
				Matcher row = ROW.matcher(line.strip());
				if (!row.matches()) {
					throw new IllegalStateException("Unexpected country row: " + line);
				}
				countries.add(new Country(row.group(1), row.group(2), row.group(3).replace("''", "'"),
						row.group(4).replace("''", "'"), Boolean.parseBoolean(row.group(5))));
			}
			return List.copyOf(countries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
