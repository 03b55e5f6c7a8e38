package id.pantau.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import id.pantau.platform.PrivateFiles;

/**
 * The passwords of the embedded server, made at its first start and kept in files of their own (0600) in the data
 * directory: {@value #SUPERUSER_FILE} for the superuser {@code postgres}, which Pantau uses only to create and upgrade
 * the database, and {@value #APPLICATION_FILE} for the role {@code pantau} that the application, the commands and
 * {@code backup}/{@code restore} work as. Deleting both files and starting again gives new passwords.
 */
record DatabaseCredentials(String superuserPassword, String applicationPassword, boolean superuserPasswordIsNew) {

	static final String SUPERUSER_FILE = "postgres-superuser.password";

	static final String APPLICATION_FILE = "postgres-pantau.password";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The passwords of {@code dataDir}, each made (and written) when its file does not exist yet. */
	static DatabaseCredentials loadOrCreate(Path dataDir) throws IOException {
		Path superuserFile = dataDir.resolve(SUPERUSER_FILE);
		boolean superuserIsNew = !Files.exists(superuserFile);
		String superuser = superuserIsNew ? create(superuserFile) : read(superuserFile);
		Path applicationFile = dataDir.resolve(APPLICATION_FILE);
		String application = Files.exists(applicationFile) ? read(applicationFile) : create(applicationFile);
		return new DatabaseCredentials(superuser, application, superuserIsNew);
	}

	/** The application's password, for a process that attaches to the server another Pantau process runs. */
	static Optional<String> applicationPassword(Path dataDir) throws IOException {
		Path file = dataDir.resolve(APPLICATION_FILE);
		return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
	}

	static Path superuserFile(Path dataDir) {
		return dataDir.resolve(SUPERUSER_FILE);
	}

	private static String create(Path file) throws IOException {
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		// URL-safe base64 without padding: no quote, backslash or colon, so it may stand in SQL, a pgpass line or a URI
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Files.deleteIfExists(partial);
		PrivateFiles.write(partial, (password + "\n").getBytes(StandardCharsets.US_ASCII));
		Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		return password;
	}

	private static String read(Path file) throws IOException {
		String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
		if (password.isEmpty()) {
			throw new IOException("Berkas sandi " + file.toAbsolutePath() + " kosong; hapus berkas itu untuk membuat sandi baru");
		}
		return password;
	}

	@Override
	public String toString() {
		return "DatabaseCredentials[...]";
	}
}
