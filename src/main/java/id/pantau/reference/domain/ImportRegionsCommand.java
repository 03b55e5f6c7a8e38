package id.pantau.reference.domain;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import id.pantau.platform.PantauCommand;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar pantau.jar import-regions --source DIR --regency CODE[,CODE]}: loads regencies from a folder in
 * idn-area-data's layout (e.g. the {@code data/} folder of the npm package), for a deployment beyond Kota Tual.
 */
@Component
class ImportRegionsCommand implements PantauCommand {

	private final RegionLoader loader;
	private final RegionProperties properties;

	ImportRegionsCommand(RegionLoader loader, RegionProperties properties) {
		this.loader = loader;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "import-regions";
	}

	@Override
	public String description() {
		return "memuat wilayah kabupaten/kota dari data idn-area-data (--source FOLDER --regency KODE)";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		String source = PantauCommand.option(args, "--source", properties.source());
		String regencies = PantauCommand.option(args, "--regency", String.join(",", properties.regencies()));
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
