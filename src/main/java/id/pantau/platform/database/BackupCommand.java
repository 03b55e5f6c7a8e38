package id.pantau.platform.database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.pantau.platform.DeclaredCommand;
import id.pantau.platform.PrivateFiles;
import id.pantau.platform.StandaloneCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar pantau.jar backup [--out FILE]}: the whole database (embedded or external) as a {@code pg_dump}
 * archive in custom format, which {@code restore} (or {@code pg_restore}) reads back. It runs beside a running
 * Pantau: {@code pg_dump} reads one consistent snapshot. The archive is written under a temporary name and renamed when
 * complete, so a file with the final name is always a whole backup. The archive is readable by its owner only (0600).
 */
public final class BackupCommand extends DeclaredCommand<BackupCommand.Options> implements StandaloneCommand {

	/** The database is named as for {@code restore}: {@code --data-dir}, or {@code --pantau.db.*} and the environment. */
	@Command(name = "backup",
			header = "mencadangkan seluruh basis data ke arsip pg_dump (format custom): backup [--out BERKAS]",
			description = { "Mencadangkan seluruh basis data (tertanam atau eksternal) ke arsip "
			+ "pg_dump format custom,", "yang dibaca kembali oleh perintah restore. Boleh berjalan di samping Pantau "
			+ "yang sedang berjalan.", "Basis data eksternal: PANTAU_DB_URL (atau --pantau.db.url=...)." })
	static class Options {

		@Option(names = "--out", paramLabel = "BERKAS", description = "arsip yang ditulis (bawaan "
				+ "pantau-TTTTBBHH-JJMMDD.dump)")
		String out;

		@Option(names = "--data-dir", paramLabel = "DIR", description = "direktori data PostgreSQL tertanam "
				+ "(bawaan ./data)")
		String dataDir;

		@Option(names = "--pg-bin", paramLabel = "DIR", description = "folder pg_dump (bawaan PANTAU_PG_BIN atau PATH)")
		String pgBin;
	}

	@Override
	protected int run(Options options, List<String> args, PrintStream out, PrintStream err) {
		Optional<Path> pgDump = PostgresTools.find("pg_dump",
				options.pgBin != null ? options.pgBin : System.getenv(PostgresTools.BIN_VARIABLE));
		if (pgDump.isEmpty()) {
			err.println(PostgresTools.missing("pg_dump"));
			return 3;
		}
		Path target = Path.of(options.out != null ? options.out
				: "pantau-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".dump")
				.toAbsolutePath();
		try (DatabaseTarget database = DatabaseTarget.resolve(args, System::getenv, true)) {
			if (!Files.isDirectory(target.getParent())) {
				PrivateFiles.folder(target.getParent()); // a folder it makes is 0700; one the operator chose stays as it is
			}
			Path partial = target.resolveSibling(target.getFileName() + ".partial");
			// the archive holds every person: 0600 from the start (pg_dump keeps the mode of a file that exists)
			Files.deleteIfExists(partial);
			PrivateFiles.createFile(partial);
			List<String> command = new ArrayList<>(List.of(pgDump.get().toString(), "--format=custom", "--compress=6",
					"--file=" + partial));
			command.addAll(database.connectionArguments());
			int exit = ClientProgram.run(command, database.environment(), err);
			if (exit != 0) {
				Files.deleteIfExists(partial);
				err.println("Pencadangan gagal (pg_dump keluar dengan kode " + exit + "); tidak ada berkas yang ditulis.");
				return 1;
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			out.printf("Cadangan %s ditulis ke %s (%,d byte).%n", database.describe(), target, Files.size(target));
			out.println("Pulihkan dengan: java -jar pantau.jar restore " + target);
			return 0;
		}
		catch (EmbeddedDatabaseException e) {
			err.println(e.getMessage());
			return 1;
		}
		catch (IOException e) {
			err.println("Pencadangan gagal: " + e.getMessage());
			return 1;
		}
	}
}
