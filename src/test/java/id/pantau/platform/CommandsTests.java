package id.pantau.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import id.pantau.PantauApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands start the application without a web server, as {@code java -jar pantau.jar COMMAND} does. */
class CommandsTests {

	/**
	 * A throw-away database, and the files kept beside it (the audit trail's signed checkpoints above all) in a folder
	 * of the test's own: checkpoints left in ./data by an earlier run belong to another throw-away database.
	 */
	private static String[] throwAwayInstallation(Path folder) {
		return new String[] { "--pantau.db.embedded.ephemeral=true",
				"--pantau.audit.anchor-dir=" + folder.resolve("audit"), "--pantau.storage.dir=" + folder.resolve("files"),
				"--pantau.security.totp-key-file=" + folder.resolve("totp.key") };
	}

	@Test
	void verifyAuditRunsWithoutAWebServerAndFindsAFreshChainIntact(@TempDir Path folder) {
		assertThat(Commands.runCommand(PantauApplication.class, "verify-audit", throwAwayInstallation(folder))).isZero();
	}

	@Test
	void anUnknownCommandPrintsTheUsageAndFails(@TempDir Path folder) {
		assertThat(Commands.runCommand(PantauApplication.class, "tidak-ada", throwAwayInstallation(folder))).isEqualTo(2);
	}
}
