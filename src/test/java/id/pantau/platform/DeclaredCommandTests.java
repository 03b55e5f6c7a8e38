package id.pantau.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scaffolding every command shares: name and list line from its options, reading, help and bad arguments. */
class DeclaredCommandTests {

	static final class Greeting extends DeclaredCommand<Greeting.Options> {

		@Command(name = "sapa-uji", header = "menyapa seseorang: sapa-uji NAMA [--ulang N]",
				description = "Menyapa orang yang disebut.")
		static class Options {

			@Parameters(arity = "0..1", paramLabel = "NAMA", description = "yang disapa")
			String name;

			@Option(names = "--ulang", paramLabel = "N", description = "berapa kali (bawaan 1)")
			int times = 1;
		}

		@Override
		protected int run(Options options, List<String> args, PrintStream out, PrintStream err) {
			if (options.name == null) {
				return badArguments("Nama belum disebut.", err);
			}
			for (int i = 0; i < options.times; i++) {
				out.println("Halo, " + options.name + "!");
			}
			return 0;
		}
	}

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return new Greeting().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@Test
	void takesItsNameAndItsLineInTheListOfCommandsFromItsOptions() {
		assertThat(new Greeting().name()).isEqualTo("sapa-uji");
		assertThat(new Greeting().description()).isEqualTo("menyapa seseorang: sapa-uji NAMA [--ulang N]");
	}

	@Test
	void runsWithTheOptionsReadAndEachRunReadsIntoFreshOptions() {
		Greeting greeting = new Greeting();
		PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);

		assertThat(greeting.run(List.of("Nus", "--ulang", "2"), printed, printed)).isZero();
		assertThat(greeting.run(List.of("Ais"), printed, printed)).isZero();

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(), "Halo, Nus!",
				"Halo, Nus!", "Halo, Ais!", ""));
	}

	@Test
	void answersHelpWithTheUsageWithoutItsHeaderAndDoesNotRun() {
		assertThat(run("--help")).isZero();

		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Pemakaian: java -jar pantau.jar sapa-uji")
				.contains("Menyapa orang yang disebut.", "-h, --help", "--ulang=N").doesNotContain("menyapa seseorang",
						"Halo");
		assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void argumentsItCannotRunWithAreNamedWithTheUsageAndEndWithTwo() {
		assertThat(run()).isEqualTo(CommandArguments.BAD_ARGUMENTS);

		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Nama belum disebut." + System.lineSeparator()
				+ "Pemakaian: java -jar pantau.jar sapa-uji");
		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void aCommandWithoutOptionsIsRefusedWhenItIsMade() {
		class Bare extends DeclaredCommand<Object> {

			@Override
			protected int run(Object options, List<String> args, PrintStream out, PrintStream err) {
				return 0;
			}
		}
		org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(Bare::new)
				.withMessageContaining("declares no options class with @Command");
	}
}
