package id.pantau.registry.mrz;

import java.io.PrintStream;
import java.util.List;

import id.pantau.platform.StandaloneCommand;

/**
 * {@code java -jar pantau.jar mrz LINE1 LINE2 [LINE3]}: prints what the zone says as JSON and exits 0, also when a
 * check digit fails ({@code "valid":false}); exits 2 with an Indonesian message when there is no zone to read.
 */
public final class MrzCommand implements StandaloneCommand {

	static final String USAGE = "Pemakaian: java -jar pantau.jar mrz 'BARIS1' 'BARIS2' ['BARIS3']"
			+ " (beri tanda kutip: baris MRZ berisi tanda <)";

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
		if (args.isEmpty()) {
			err.println("Baris MRZ belum diberikan.");
			err.println(USAGE);
			return 2;
		}
		MrzResult result;
		try {
			result = MrzParser.parse(String.join("\n", args));
		}
		catch (NotAnMrzException notAZone) {
			err.println(notAZone.getMessage());
			err.println(USAGE);
			return 2;
		}
		out.println(MrzJson.write(result));
		return 0;
	}
}
