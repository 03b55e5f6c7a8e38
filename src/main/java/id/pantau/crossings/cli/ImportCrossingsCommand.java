package id.pantau.crossings.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import id.pantau.crossings.domain.CrossingImports;
import id.pantau.crossings.domain.ImportResult;
import id.pantau.platform.DeclaredCommand;
import id.pantau.platform.PantauCommand;
import id.pantau.platform.tables.UnreadableFile;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code java -jar pantau.jar import-crossings FILE --basis "..." --origin "..."}: the upload page's import. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ImportCrossingsCommand extends DeclaredCommand<ImportCrossingsCommand.Options> implements PantauCommand {

	@Command(name = "import-crossings",
			header = "mengimpor data perlintasan (CSV/XLSX): "
					+ "import-crossings BERKAS --basis \"surat\" --origin \"asal\"",
			description = "Mengimpor data perlintasan (CSV/XLSX) seperti halaman impor.")
	static class Options {

		@Parameters(arity = "0..1", paramLabel = "BERKAS", description = "berkas CSV atau XLSX")
		String file;

		@Option(names = "--basis", paramLabel = "SURAT", description = "dasar hukum, mis. nomor surat (wajib)")
		String basis;

		@Option(names = "--origin", paramLabel = "ASAL", description = "asal data, mis. SIMKIM (wajib)")
		String origin;
	}

	private final CrossingImports imports;
	private final MessageSource messages;

	@Override
	protected int run(Options options, List<String> args, PrintStream out, PrintStream err) {
		String file = options.file;
		String basis = options.basis;
		String origin = options.origin;
		if (file == null || basis == null || origin == null || !Files.isRegularFile(Path.of(file))) {
			out.println("Pemakaian: import-crossings BERKAS --basis \"nomor surat\" --origin \"asal data\"");
			return 2;
		}
		try {
			out.printf("Mengimpor %s (%,d byte)...%n", file, Files.size(Path.of(file)));
			ImportResult result = imports.importFile(Path.of(file),
					new CrossingImports.Provenance("cli:" + System.getProperty("user.name"), Path.of(file)
							.getFileName().toString(), basis, origin), null, p -> {
							});
			if (result.needsMapping()) {
				out.println("Kolom wajib tidak dikenali: " + String.join(", ", result.missing())
						+ ". Unggah berkas ini lewat halaman impor untuk memetakan kolomnya.");
				return 1;
			}
			out.printf("%sBatch %d: %d baris dibaca, %d ditambahkan, %d sudah ada, %d ditolak.%n",
					result.alreadyImported() ? "Berkas ini sudah pernah diimpor. " : "", result.batchId(), result.read(),
					result.added(), result.known(), result.refused());
			java.util.Locale indonesian = java.util.Locale.forLanguageTag("id");
			for (ImportResult.Unknown unknown : result.unknown()) {
				out.println("Peringatan: " + (unknown.written() == null
						? messages.getMessage("crossings.unknownValue.more." + unknown.field(),
								new Object[] { unknown.rows() }, indonesian)
						: messages.getMessage("crossings.unknownValue." + unknown.field(),
								new Object[] { unknown.written(), unknown.rows() }, indonesian)));
			}
			if (!result.unknown().isEmpty()) {
				out.println("Petakan nilai itu sekali untuk asal \"" + origin.strip()
						+ "\" di halaman Pemetaan nilai per asal data (/perlintasan/pemetaan).");
			}
			return 0;
		}
		catch (java.io.IOException e) {
			out.println("Gagal membaca " + file + ": " + e.getMessage());
			return 1;
		}
		catch (UnreadableFile e) {
			out.println("Gagal: " + messages.getMessage(e.messageKey(), new Object[] { e.argument() }, e.messageKey(),
					java.util.Locale.forLanguageTag("id")));
			return 1;
		}
	}

}
