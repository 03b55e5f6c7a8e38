package id.pantau.platform.database;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * One statement run by PostgreSQL in single-user mode ({@code postgres --single}), with the server stopped and no
 * connection open to anyone. It gives the superuser of an earlier version's cluster its password before the server
 * first starts with scram-sha-256: the alternative, starting once with trust and setting the password over TCP, would
 * let any local account in during that moment.
 * <p>
 * zonky extracts its binaries into a folder it does not publish; it is read from zonky's own record of it (checked by
 * {@code EmbeddedDatabaseSecurityTests}, which upgrades such a cluster). As zonky does, the program runs in a user
 * namespace ({@code unshare -U}) when Pantau runs as root, which PostgreSQL refuses.
 */
final class SingleUser {

	private SingleUser() {
	}

	static void run(Path pgData, String statement) throws IOException {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(binaries().toPath().resolve("bin/postgres").toString(), "--single", "-F", "-D",
				pgData.toAbsolutePath().toString(), "-c", "log_statement=none", "-c", "log_min_error_statement=panic",
				"postgres"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (OutputStream input = process.getOutputStream()) {
			input.write((statement + "\n").getBytes(StandardCharsets.UTF_8));
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("PostgreSQL mode pengguna tunggal tidak selesai dalam 120 detik");
			}
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("Dihentikan", e);
		}
		// single-user mode exits 0 after a failed statement too: its output tells
		if (process.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
			throw new IOException("PostgreSQL mode pengguna tunggal gagal (kode " + process.exitValue() + "): "
					+ output.strip());
		}
	}

	private static File binaries() throws IOException {
		try {
			var field = EmbeddedPostgres.class.getDeclaredField("PREPARE_BINARIES");
			field.setAccessible(true);
			Map<?, ?> prepared = (Map<?, ?>) field.get(null);
			Object folder = prepared.get(DefaultPostgresBinaryResolver.INSTANCE);
			if (folder instanceof File file && new File(file, "bin/postgres").canExecute()) {
				return file;
			}
			throw new IOException("program postgres zonky belum diekstrak");
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			throw new IOException("Folder program PostgreSQL tertanam tidak ditemukan (versi zonky berubah?): " + e, e);
		}
	}
}
