package id.pantau.platform.database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.pantau.platform.DeclaredCommand;
import id.pantau.platform.StandaloneCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar pantau.jar restore FILE}: reads an archive of {@code backup} into an empty database (an embedded
 * data directory that no Pantau is running on, or the external database of {@code PANTAU_DB_URL}), in one transaction:
 * whole or not at all. It refuses a database that already has tables, so it never mixes two states.
 */
public final class RestoreCommand extends DeclaredCommand<RestoreCommand.Options> implements StandaloneCommand {

	@Command(name = "restore",
			header = "memulihkan arsip backup ke basis data yang masih kosong: restore BERKAS [--data-dir DIR]",
			description = { "Memulihkan arsip dari perintah backup ke basis data yang masih kosong,",
			"dalam satu transaksi: utuh atau tidak sama sekali.",
			"Basis data eksternal: PANTAU_DB_URL (atau --pantau.db.url=...)." })
	static class Options {

		@Parameters(arity = "0..1", paramLabel = "BERKAS", description = "arsip dari perintah backup")
		String file;

		@Option(names = "--data-dir", paramLabel = "DIR", description = "direktori data PostgreSQL tertanam yang "
				+ "baru atau kosong (bawaan ./data)")
		String dataDir;

		@Option(names = "--pg-bin", paramLabel = "DIR", description = "folder pg_restore (bawaan PANTAU_PG_BIN atau "
				+ "PATH)")
		String pgBin;
	}

	@Override
	protected int run(Options options, List<String> args, PrintStream out, PrintStream err) {
		String file = options.file;
		if (file == null || !Files.isRegularFile(Path.of(file))) {
			err.println("Pemakaian: restore BERKAS [--data-dir DIR]   (BERKAS: arsip dari perintah backup)");
			return 2;
		}
		Optional<Path> pgRestore = PostgresTools.find("pg_restore",
				options.pgBin != null ? options.pgBin : System.getenv(PostgresTools.BIN_VARIABLE));
		if (pgRestore.isEmpty()) {
			err.println(PostgresTools.missing("pg_restore"));
			return 3;
		}
		try (DatabaseTarget database = DatabaseTarget.resolve(args, System::getenv, false)) {
			int tables = tableCount(database);
			if (tables > 0) {
				err.println("Basis data tujuan (" + database.describe() + ") tidak kosong: ada " + tables
						+ " tabel. Pulihkan ke basis data baru atau direktori data baru (--data-dir).");
				return 1;
			}
			List<String> command = new ArrayList<>(List.of(pgRestore.get().toString(), "--no-owner",
					"--no-privileges", "--exit-on-error", "--single-transaction"));
			command.addAll(database.connectionArguments());
			command.add(Path.of(file).toAbsolutePath().toString());
			int exit = ClientProgram.run(command, database.environment(), err);
			if (exit != 0) {
				err.println("Pemulihan gagal (pg_restore keluar dengan kode " + exit
						+ "); basis data tujuan dibiarkan kosong.");
				return 1;
			}
			out.printf("Arsip %s dipulihkan ke %s. Periksa jejak audit dengan: java -jar pantau.jar verify-audit%n",
					file, database.describe());
			return 0;
		}
		catch (EmbeddedDatabaseException e) {
			err.println(e.getMessage());
			return 1;
		}
		catch (IOException | SQLException e) {
			err.println("Pemulihan gagal: " + e.getMessage());
			return 1;
		}
	}

	private static int tableCount(DatabaseTarget database) throws SQLException {
		org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
		source.setURL(database.jdbcUrl());
		try (Connection connection = source.getConnection(database.user(), database.password());
				ResultSet rs = connection.createStatement().executeQuery(
						"select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')")) {
			rs.next();
			return rs.getInt(1);
		}
	}
}
