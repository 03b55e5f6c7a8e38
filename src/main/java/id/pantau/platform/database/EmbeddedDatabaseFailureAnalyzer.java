package id.pantau.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows why the embedded database did not start as a short message instead of a stack trace. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Tanpa PANTAU_DB_URL, Pantau menjalankan PostgreSQL-nya sendiri dengan data di ./data "
						+ "(PANTAU_DB_EMBEDDED_DATA_DIR). Lihat README, bagian Configuration.",
				cause);
	}
}
