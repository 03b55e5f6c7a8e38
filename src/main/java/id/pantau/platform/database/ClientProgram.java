package id.pantau.platform.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs a PostgreSQL client program and passes on what it says. */
final class ClientProgram {

	private ClientProgram() {
	}

	static int run(List<String> command, Map<String, String> environment, PrintStream err) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		builder.environment().put("PGCONNECT_TIMEOUT", "15");
		Process process = builder.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null) {
				err.println(line);
			}
		}
		try {
			return process.waitFor();
		}
		catch (InterruptedException e) {
			process.destroy();
			Thread.currentThread().interrupt();
			return 130;
		}
	}
}
