package id.pantau.platform.database;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;


/**
 * The database a command without Spring works on, configured as the application is: {@code PANTAU_DB_URL},
 * {@code PANTAU_DB_USER} and {@code PANTAU_DB_PASSWORD} (or {@code --pantau.db.url=...} arguments) for an external
 * PostgreSQL, else the embedded one under {@code PANTAU_DB_EMBEDDED_DATA_DIR} ({@code ./data}).
 */
final class DatabaseTarget implements AutoCloseable {

	private final String uri;
	private final String user;
	private final String password;
	private final EmbeddedDatabase embedded;
	private final String description;

	private DatabaseTarget(String uri, String user, String password, EmbeddedDatabase embedded, String description) {
		this.uri = uri;
		this.user = user;
		this.password = password;
		this.embedded = embedded;
		this.description = description;
	}

	/**
	 * @param mayAttach whether a running Pantau's embedded server may be used (a backup may run beside it, a restore
	 * may not)
	 */
	static DatabaseTarget resolve(List<String> args, Function<String, String> environment, boolean mayAttach) {
		String url = setting(args, environment, "url");
		if (url != null && !url.isBlank()) {
			String libpq = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
			return new DatabaseTarget(libpq, setting(args, environment, "user"), setting(args, environment, "password"),
					null, "PostgreSQL eksternal (" + redacted(libpq) + ")");
		}
		String dir = option(args, "--data-dir", null);
		if (dir == null) {
			dir = option(args, "--pantau.db.embedded.data-dir", null);
		}
		if (dir == null) {
			dir = environment.apply("PANTAU_DB_EMBEDDED_DATA_DIR");
		}
		Path dataDir = Path.of(dir == null || dir.isBlank() ? "./data" : dir);
		EmbeddedDatabase database = EmbeddedDatabase.open(dataDir, mayAttach);
		return new DatabaseTarget(database.jdbcUrl().substring("jdbc:".length()), database.user(),
				database.password(), database, database.describe());
	}

	private static String setting(List<String> args, Function<String, String> environment, String name) {
		String value = option(args, "--pantau.db." + name, null);
		return value != null ? value : environment.apply("PANTAU_DB_" + name.toUpperCase());
	}

	/** The value of {@code --name VALUE} or {@code --name=VALUE} (the application properties commands leave to it). */
	private static String option(List<String> args, String name, String fallback) {
		for (int i = 0; i < args.size(); i++) {
			if (args.get(i).equals(name) && i + 1 < args.size()) {
				return args.get(i + 1);
			}
			if (args.get(i).startsWith(name + "=")) {
				return args.get(i).substring(name.length() + 1);
			}
		}
		return fallback;
	}

	private static String redacted(String uri) {
		int query = uri.indexOf('?');
		return query < 0 ? uri : uri.substring(0, query);
	}

	/** A client program's arguments naming this database (the password goes in the environment, never here). */
	List<String> connectionArguments() {
		List<String> arguments = new ArrayList<>(List.of("--dbname=" + uri, "--no-password"));
		if (user != null && !user.isBlank()) {
			arguments.add("--username=" + user);
		}
		return arguments;
	}

	Map<String, String> environment() {
		return password == null ? Map.of() : Map.of("PGPASSWORD", password);
	}

	/** JDBC settings for a check before the client program runs. */
	String jdbcUrl() {
		return "jdbc:" + uri;
	}

	String user() {
		return user;
	}

	String password() {
		return password;
	}

	String describe() {
		return description;
	}

	@Override
	public void close() throws java.io.IOException {
		if (embedded != null) {
			embedded.close();
		}
	}
}
