package id.pantau.registry.mrz;

import java.io.PrintStream;
import java.util.List;

import id.pantau.platform.CommandArguments;
import id.pantau.platform.StandaloneCommand;
import id.pantau.platform.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar pantau.jar mrz LINE1 LINE2 [LINE3]}: prints what the zone says as JSON and exits 0, also when a
 * check digit fails ({@code "valid":false}); exits 2 with an Indonesian message when there is no zone to read.
 */
public final class MrzCommand implements StandaloneCommand {

	@Command(name = "mrz", description = { "Membaca MRZ paspor/kartu dan mencetak isinya sebagai JSON (keluar 0, juga",
			"bila digit periksa salah: \"valid\":false). Beri tanda kutip: baris MRZ berisi tanda <." })
	static class Options {

		@Mixin
		CommandArguments.Help help;

		@Parameters(paramLabel = "BARIS", description = "dua atau tiga baris MRZ")
		List<String> lines;
	}

	@Override
	public String name() {
		return "mrz";
	}

	@Override
	public String description() {
		return "membaca MRZ paspor/kartu: mrz BARIS1 BARIS2 [BARIS3]";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		CommandArguments.Parsed<Options> parsed = CommandArguments.parse(new Options(), args, out, err);
		if (parsed.finished()) {
			return parsed.exitCode();
		}
		List<String> lines = parsed.options().lines;
		if (lines == null || lines.isEmpty()) {
			err.println("Baris MRZ belum diberikan.");
			CommandArguments.usage(new Options(), err);
			return 2;
		}
		MrzResult result;
		try {
			result = MrzParser.parse(String.join("\n", lines));
		}
		catch (NotAnMrzException notAZone) {
			err.println(notAZone.getMessage());
			CommandArguments.usage(new Options(), err);
			return 2;
		}
		out.println(Json.write(result));
		return 0;
	}
}
