package id.pantau.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pantau.db.*}: an external PostgreSQL ({@code PANTAU_DB_URL}, {@code PANTAU_DB_USER},
 * {@code PANTAU_DB_PASSWORD}) or, when no URL is set, the embedded one.
 */
@ConfigurationProperties("pantau.db")
record DatabaseProperties(String url, String user, String password, @DefaultValue("10") int poolSize,
		@DefaultValue Embedded embedded) {

	boolean external() {
		return url != null && !url.isBlank();
	}

	/**
	 * @param dataDir where the embedded server keeps its files; they survive restarts
	 * @param ephemeral a throw-away server in a temporary directory (tests)
	 */
	record Embedded(@DefaultValue("./data") Path dataDir, @DefaultValue("false") boolean ephemeral) {
	}
}
