package id.pantau.matching.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import id.pantau.matching.domain.PersonLists;
import id.pantau.platform.DeclaredCommand;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.PantauCommand;
import id.pantau.platform.Scope;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.platform.tables.UnreadableFile;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar pantau.jar import-persons FILE --basis "..."}: the administrators' page's import of Kesbangpol's
 * existing list of foreigners (see {@link PersonLists}), by the operator's account name ({@code cli:NAME}) and with
 * the whole deployment as scope. The refused rows are written next to the file as {@code FILE.ditolak.csv}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ImportPersonsCommand extends DeclaredCommand<ImportPersonsCommand.Options> implements PantauCommand {

	@Command(name = "import-persons",
			header = "mengimpor daftar lama orang asing Kesbangpol (CSV/XLSX) lewat pencocokan: import-persons BERKAS "
					+ "--basis \"surat\"",
			description = {
			"Mengimpor daftar lama orang asing Kesbangpol lewat pencocokan, dengan seluruh wilayah sebagai cakupan.",
			"BERKAS: CSV atau XLSX berkepala id,full_name,sex,birth_date,nationality,document_number",
			"(seperti berkas orang untuk perintah link), boleh ditambah village_code, permit_type, permit_until.",
			"birth_date tttt-bb-hh, tttt atau kosong; sex M, F atau kosong; nationality kode ISO atau nama negara.",
			"Baris yang ditolak ditulis ke BERKAS.ditolak.csv (kolom yang sama ditambah 'alasan')." }, footer = {
			"Kode keluar: 0 semua baris diterima; 1 diimpor, tetapi ada baris yang ditolak; 2 masukan salah, tidak ada "
					+ "yang diimpor; 3 impor terhenti (yang sudah tersimpan tetap ada; jalankan lagi perintah yang sama)." })
	static class Options {

		@Parameters(paramLabel = "BERKAS", description = "daftar orang (CSV atau XLSX), satu berkas sekali impor")
		List<String> files;

		@Option(names = "--basis", paramLabel = "DASAR", description = "dasar hukum, mis. nomor nota dinas (wajib)")
		String basis;
	}

	private record Operator(String getUsername, Scope scope) implements ScopedPrincipal {
	}

	private final PersonLists lists;
	private final MessageSource messages;

	@Override
	protected int run(Options options, List<String> args, PrintStream out, PrintStream err) {
		List<String> files = options.files == null ? List.of() : options.files;
		String basis = options.basis;
		if (files.size() != 1 || basis == null || basis.isBlank()) {
			return badArguments(files.size() > 1 ? "Hanya satu berkas sekali impor." : files.isEmpty()
					? "Berkas daftar tidak disebut." : "Dasar hukum (--basis) wajib diisi.", out);
		}
		Path file = Path.of(files.get(0));
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			out.println("Berkas tidak ditemukan atau tidak dapat dibaca: " + file);
			return 2;
		}
		String operator = "cli:" + System.getProperty("user.name", "operator");
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext().setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(operator, null, List.of()));
		try {
			PersonLists.ListSummary list = lists.importList(new Operator(operator, Scope.WHOLE_DEPLOYMENT), file,
					file.getFileName().toString(), basis);
			if (list.alreadyImported()) {
				out.printf("Berkas ini sudah pernah diimpor sebagai daftar #%d; tidak ada yang ditambahkan.%n",
						list.id());
				return 0;
			}
			out.printf("Daftar #%d: %d baris dibaca, %d orang baru, %d ditautkan ke orang yang sudah ada, "
					+ "%d menunggu tinjauan di antrean pencocokan, %d sudah diimpor sebelumnya, %d ditolak.%n",
					list.id(), list.read(), list.created(), list.linked(), list.review(), list.known(),
					list.refused());
			if (list.refused() == 0) {
				return 0;
			}
			Path refused = file.resolveSibling(file.getFileName() + ".ditolak.csv");
			try (Writer writer = Files.newBufferedWriter(refused, StandardCharsets.UTF_8)) {
				lists.writeRefused(list.id(), writer);
			}
			out.println("Baris yang ditolak, dengan alasannya, ada di " + refused
					+ ": perbaiki lalu impor berkas itu (atau seluruh daftar) lagi.");
			for (PersonLists.RefusedRow row : lists.refused(list.id()).stream().limit(10).toList()) {
				out.println("  baris " + row.rowNumber() + ": " + message(row.reasonKey(), row.argument()));
			}
			return 1;
		}
		catch (UnreadableFile unreadable) {
			out.println("Tidak diimpor: " + message(unreadable.messageKey(), unreadable.argument()));
			return 2;
		}
		catch (InvalidInput invalid) {
			InvalidInput.Problem problem = invalid.problems().get(0);
			out.println("Tidak diimpor: " + problem.field() + ": " + messages.getMessage(problem.messageKey(),
					problem.arguments(), problem.messageKey(), Locale.forLanguageTag("id")));
			return 2;
		}
		catch (IOException | RuntimeException failed) {
			out.println("Impor terhenti (" + failed.getClass().getSimpleName() + "). Yang sudah tersimpan tetap ada; "
					+ "jalankan lagi perintah yang sama untuk melanjutkan.");
			return 3;
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	private String message(String key, String argument) {
		return messages.getMessage(key, new Object[] { argument }, key, Locale.forLanguageTag("id"));
	}

}
