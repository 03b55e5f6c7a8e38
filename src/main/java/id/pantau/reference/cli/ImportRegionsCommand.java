package id.pantau.reference.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import id.pantau.platform.DeclaredCommand;
import id.pantau.platform.PantauCommand;
import id.pantau.reference.domain.RegionLoader;
import id.pantau.reference.domain.RegionProperties;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar pantau.jar import-regions --source DIR --regency CODE[,CODE]}: loads regencies from a folder in
 * idn-area-data's layout (e.g. the {@code data/} folder of the npm package), for a deployment beyond Kota Tual.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ImportRegionsCommand extends DeclaredCommand<ImportRegionsCommand.Options> implements PantauCommand {

	@Command(name = "import-regions",
			header = "memuat wilayah kabupaten/kota dari data idn-area-data (--source FOLDER --regency KODE)",
			description = "Memuat wilayah kabupaten/kota dari folder data idn-area-data "
			+ "(mis. folder data/ paket npm-nya).")
	static class Options {

		@Option(names = "--source", paramLabel = "FOLDER", description = "folder data (bawaan: PANTAU_REGION_SOURCE)")
		String source;

		@Option(names = "--regency", paramLabel = "KODE[,KODE]",
				description = "kode kabupaten/kota, mis. 81.72 (bawaan: PANTAU_REGION_REGENCIES)")
		String regencies;
	}

	private final RegionLoader loader;
	private final RegionProperties properties;

	@Override
	protected int run(Options options, List<String> args, PrintStream out, PrintStream err) {
		String source = options.source != null ? options.source : properties.source();
		String regencies = options.regencies != null ? options.regencies : String.join(",", properties.regencies());
		try {
			RegionLoader.Result result = loader.load(source, Arrays.asList(regencies.split(",")), null);
			out.printf("Wilayah %s dimuat: %d kecamatan, %d desa/kelurahan, %d pulau.%n", regencies,
					result.districts(), result.villages(), result.islands());
			return 0;
		}
		catch (IllegalArgumentException e) {
			out.println("Gagal: " + e.getMessage());
			return 1;
		}
	}

}
