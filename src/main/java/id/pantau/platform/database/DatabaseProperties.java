package id.pantau.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pantau.db.*}: an external PostgreSQL ({@code PANTAU_DB_URL}, {@code PANTAU_DB_USER},
 * {@code PANTAU_DB_PASSWORD}) or, when no URL is set, the embedded one; optionally a read replica
 * ({@code PANTAU_DB_REPLICA_URL}) for the reads that may lag.
 */
@ConfigurationProperties("pantau.db")
record DatabaseProperties(String url, String user, String password, @DefaultValue("10") int poolSize,
		@DefaultValue Embedded embedded, @DefaultValue Replica replica) {

	boolean external() {
		return url != null && !url.isBlank();
	}

	/**
	 * @param dataDir where the embedded server keeps its files; they survive restarts
	 * @param ephemeral a throw-away server in a temporary directory (tests)
	 */
	record Embedded(@DefaultValue("./data") Path dataDir, @DefaultValue("false") boolean ephemeral) {
	}

	/**
	 * @param url a streaming replica of the primary ({@code jdbc:postgresql://host:5433/pantau}), reached with the
	 * primary's user and password; unset: everything reads from the primary
	 * @param lagShownFrom the lag from which the dashboard, the recap and the map say that their data is behind
	 * @param retryAfter how long an unreachable replica is left alone (its reads go to the primary meanwhile)
	 * @param connectTimeout how long a read waits for a connection to the replica before it goes to the primary
	 */
	record Replica(String url, @DefaultValue("5s") java.time.Duration lagShownFrom,
			@DefaultValue("30s") java.time.Duration retryAfter, @DefaultValue("2s") java.time.Duration connectTimeout) {

		boolean configured() {
			return url != null && !url.isBlank();
		}
	}
}
