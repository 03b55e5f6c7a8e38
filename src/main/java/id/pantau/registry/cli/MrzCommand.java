package id.pantau.registry.cli;

import java.io.PrintStream;
import java.util.List;

import id.pantau.platform.DeclaredCommand;
import id.pantau.platform.StandaloneCommand;
import id.pantau.platform.json.Json;
import id.pantau.registry.mrz.MrzParser;
import id.pantau.registry.mrz.MrzResult;
import id.pantau.registry.mrz.NotAnMrzException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar pantau.jar mrz LINE1 LINE2 [LINE3]}: prints what the zone says as JSON and exits 0, also when a
 * check digit fails ({@code "valid":false}); exits 2 with an Indonesian message when there is no zone to read.
 */
public final class MrzCommand extends DeclaredCommand<MrzCommand.Options> implements StandaloneCommand {

	@Command(name = "mrz",
			header = "membaca MRZ paspor/kartu: mrz BARIS1 BARIS2 [BARIS3]",
			description = { "Membaca MRZ paspor/kartu dan mencetak isinya sebagai JSON (keluar 0, juga",
			"bila digit periksa salah: \"valid\":false). Beri tanda kutip: baris MRZ berisi tanda <." })
	static class Options {

		@Parameters(paramLabel = "BARIS", description = "dua atau tiga baris MRZ")
		List<String> lines;
	}

	@Override
	protected int run(Options options, List<String> args, PrintStream out, PrintStream err) {
		List<String> lines = options.lines;
		if (lines == null || lines.isEmpty()) {
			return badArguments("Baris MRZ belum diberikan.", err);
		}
		MrzResult result;
		try {
			result = MrzParser.parse(String.join("\n", lines));
		}
		catch (NotAnMrzException notAZone) {
			return badArguments(notAZone.getMessage(), err);
		}
		out.println(Json.write(result));
		return 0;
	}
}
