package id.pantau.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import id.pantau.PantauApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What {@code java -jar pantau.jar COMMAND --help} and a mistyped option answer: read from the command's options alone,
 * as {@link Commands#main} does before it starts Spring and the database.
 */
class CommandArgumentsTests {

	@Test
	void helpListsEveryCommandWithItsLineFromTheDeclarationsAloneAndAnUnknownNameIsSaid() {
		ByteArrayOutputStream help = new ByteArrayOutputStream();
		assertThat(Commands.usage(PantauApplication.class, "help", new PrintStream(help, true, StandardCharsets.UTF_8)))
				.isZero();
		assertThat(help.toString(StandardCharsets.UTF_8)).doesNotContain("tidak dikenal")
				.contains("serve", "import-crossings", "import-regions", "import-persons", "verify-audit", "link", "mrz",
						"backup", "restore", "demo-data")
				.containsPattern("mrz +membaca MRZ paspor/kartu");
		ByteArrayOutputStream unknown = new ByteArrayOutputStream();
		assertThat(Commands.usage(PantauApplication.class, "tidak-ada",
				new PrintStream(unknown, true, StandardCharsets.UTF_8))).isEqualTo(2);
		assertThat(unknown.toString(StandardCharsets.UTF_8)).startsWith("Perintah tidak dikenal: tidak-ada");
	}

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int parse(String command, String... args) {
		Class<?> options = CommandArguments.optionsOf(PantauApplication.class, command).orElseThrow();
		CommandArguments.Parsed<Object> parsed = CommandArguments.parse(CommandArguments.instantiate(options),
				List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return parsed.finished() ? parsed.exitCode() : -1;
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@ValueSource(strings = { "verify-audit", "import-regions", "import-crossings", "import-persons", "demo-data",
			"mrz", "link", "backup", "restore" })
	void everyCommandPrintsItsUsageForHelpAndEndsWithZero(String command) {
		assertThat(parse(command, "--help")).isZero();

		assertThat(out()).startsWith("Pemakaian: java -jar pantau.jar " + command).contains("Opsi:", "-h, --help",
				"menampilkan bantuan ini");
		assertThat(err()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "verify-audit", "import-regions", "import-crossings", "import-persons", "demo-data",
			"mrz", "link", "backup", "restore" })
	void everyCommandNamesAnUnknownOptionInIndonesianAndEndsWithTwo(String command) {
		assertThat(parse(command, "--tidak-ada-opsi-ini")).isEqualTo(2);

		assertThat(err()).startsWith("Opsi tidak dikenal (unknown option): --tidak-ada-opsi-ini")
				.contains("Pemakaian: java -jar pantau.jar " + command).doesNotContain("Exception", "\tat ");
		assertThat(out()).isEmpty();
	}

	@Test
	void anOptionWithoutItsValueOrWithAWrongNumberIsNamed() {
		assertThat(parse("link", "--out")).isEqualTo(2);
		assertThat(err()).startsWith("Opsi --out tanpa nilai (option without value).");
		err.reset();

		assertThat(parse("link", "--match", "tinggi")).isEqualTo(2);
		assertThat(err()).startsWith("Opsi --match: 'tinggi' bukan angka (not a number).");
		err.reset();

		assertThat(parse("import-crossings", "a.csv", "b.csv")).isEqualTo(2);
		assertThat(err()).startsWith("Argumen berlebih (unexpected argument): b.csv");
	}

	@Test
	void applicationPropertiesAreLeftToSpringAndTheCommandRuns() {
		assertThat(parse("verify-audit", "--pantau.db.embedded.ephemeral=true", "--terima-pemulihan")).isEqualTo(-1);
		assertThat(parse("backup", "--pantau.db.url", "postgresql://db/pantau", "--out", "x.dump")).isEqualTo(-1);
		assertThat(err()).isEmpty();
	}

	@Test
	void aFileNamedWithAnAtSignIsAFile() {
		assertThat(parse("import-persons", "@daftar.csv", "--basis", "Nota 1")).isEqualTo(-1);
	}
}
