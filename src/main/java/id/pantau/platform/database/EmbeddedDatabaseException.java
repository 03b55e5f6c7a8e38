package id.pantau.platform.database;

/** The embedded PostgreSQL cannot start; the message tells a person what to do. */
class EmbeddedDatabaseException extends RuntimeException {

	EmbeddedDatabaseException(String message) {
		super(message);
	}

	EmbeddedDatabaseException(String message, Throwable cause) {
		super(message, cause);
	}
}
