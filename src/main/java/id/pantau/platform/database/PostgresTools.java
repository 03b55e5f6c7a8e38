package id.pantau.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds PostgreSQL's client programs ({@code pg_dump}, {@code pg_restore}). The embedded server's binaries have only
 * {@code initdb}, {@code pg_ctl} and {@code postgres}, so the client programs come from the machine: the folder in
 * {@code PANTAU_PG_BIN}, else Debian's {@code /usr/lib/postgresql/N/bin} (newest first, package
 * {@code postgresql-client-15}), else the {@code PATH}. A client must be of the server's major version or newer.
 */
final class PostgresTools {

	static final String BIN_VARIABLE = "PANTAU_PG_BIN";

	private PostgresTools() {
	}

	static Optional<Path> find(String program, String configuredBin) {
		List<Path> candidates = new ArrayList<>();
		if (configuredBin != null && !configuredBin.isBlank()) {
			return Optional.of(Path.of(configuredBin, program)).filter(Files::isExecutable);
		}
		Path debian = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> versions = Files.list(debian)) {
				versions.filter(p -> p.getFileName().toString().matches("\\d+"))
						.sorted(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString()))
								.reversed())
						.forEach(p -> candidates.add(p.resolve("bin").resolve(program)));
			}
			catch (java.io.IOException ignored) {
				// fall through to the PATH
			}
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(java.io.File.pathSeparator)) {
				if (!dir.isBlank()) {
					candidates.add(Path.of(dir, program));
				}
			}
		}
		return candidates.stream().filter(Files::isExecutable).findFirst();
	}

	/** What to tell a person when a program is missing, in Indonesian and then in English. */
	static String missing(String program) {
		return String.join(System.lineSeparator(),
				"Program " + program + " (klien PostgreSQL 15 atau lebih baru) tidak ditemukan. Pasang paket"
						+ " postgresql-client-15 (Debian/Ubuntu: apt-get install -y postgresql-client-15), atau tunjuk"
						+ " foldernya dengan " + BIN_VARIABLE + "=/usr/lib/postgresql/15/bin.",
				"The program " + program + " (PostgreSQL 15 or newer client) was not found. Install the package"
						+ " postgresql-client-15 (Debian/Ubuntu: apt-get install -y postgresql-client-15), or point "
						+ BIN_VARIABLE + " at its folder.");
	}
}
