package id.pantau.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.PantauApplication;
import org.junit.jupiter.api.Test;

/** Commands start the application without a web server, as {@code java -jar pantau.jar COMMAND} does. */
class CommandsTests {

	private static final String[] THROW_AWAY_DATABASE = { "--pantau.db.embedded.ephemeral=true" };

	@Test
	void verifyAuditRunsWithoutAWebServerAndFindsAFreshChainIntact() {
		assertThat(Commands.runCommand(PantauApplication.class, "verify-audit", THROW_AWAY_DATABASE)).isZero();
	}

	@Test
	void anUnknownCommandPrintsTheUsageAndFails() {
		assertThat(Commands.runCommand(PantauApplication.class, "tidak-ada", THROW_AWAY_DATABASE)).isEqualTo(2);
	}
}
