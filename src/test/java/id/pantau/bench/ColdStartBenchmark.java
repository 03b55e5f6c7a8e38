package id.pantau.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * How long Pantau takes from {@code java -jar target/pantau.jar} to its "Pantau siap" line: on a fresh data directory
 * (the embedded PostgreSQL's initdb, every migration, the demo accounts and persons) and on a restart over the same
 * directory. Not a test: it prints figures and never fails on time. Run with {@code bench/coldstart} or from
 * {@code bench/run}; options: {@code -Djar=target/pantau.jar -Drestarts=2 -Dtimeout=300} (seconds).
 * <p>
 * The app listens on a free loopback port; its data directory is a new temporary one, deleted at the end. Each start
 * is stopped with SIGTERM once ready (the embedded PostgreSQL stops with it); what it started and still runs after
 * 60 s is killed. Figures go to {@code target/bench/coldstart.properties}.
 */
public final class ColdStartBenchmark {

	private static final PrintStream out = System.out;

	private ColdStartBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(System.getProperty("jar", "target/pantau.jar")).toAbsolutePath();
		int restarts = Integer.getInteger("restarts", 2);
		int timeout = Integer.getInteger("timeout", 300);
		if (!Files.exists(jar)) {
			out.println("no " + jar + ": build it first (./mvnw -B -q -DskipTests package)");
			return;
		}
		Path parent = Files.createTempDirectory("pantau-coldstart-");
		Path data = parent.resolve("data");
		Path log = Files.createTempFile("pantau-coldstart-", ".log");
		out.printf("Pantau cold start: java -jar %s, data directory %s (fresh), load average %.2f%n", jar, data,
				BenchFigures.loadAverage());
		BenchFigures figures = BenchFigures.of("coldstart").put("jar_mb", Files.size(jar) / 1e6);
		try {
			double fresh = start(jar, data, log, timeout);
			out.printf("fresh data directory: %.1f s to \"Pantau siap\"%n", fresh);
			figures.put("fresh_seconds", fresh);
			List<Double> again = new ArrayList<>();
			for (int i = 0; i < restarts && fresh > 0; i++) {
				double seconds = start(jar, data, log, timeout);
				out.printf("restart %d over the same directory: %.1f s%n", i + 1, seconds);
				again.add(seconds);
			}
			if (!again.isEmpty()) {
				figures.put("restart_seconds", again.stream().mapToDouble(Double::doubleValue).min().orElse(-1))
						.put("restarts", again.size());
			}
		}
		finally {
			delete(parent);
			Files.deleteIfExists(log);
		}
		figures.put("data_dir", "fresh temporary directory, then the same one again").write();
	}

	/** Seconds from the process start to the ready line, -1 when it did not come; the process is stopped after. */
	private static double start(Path jar, Path data, Path log, int timeoutSeconds) throws Exception {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				jar.toString(), "--server.port=0", "--server.address=127.0.0.1");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PANTAU_DB_EMBEDDED_DATA_DIR", data.toString());
		builder.environment().remove("PANTAU_DB_URL");
		long started = System.nanoTime();
		Process process = builder.start();
		// the app's output is read as it comes and kept in the log; the ready line completes the wait at once
		CompletableFuture<Double> ready = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = process.inputReader(); BufferedWriter kept = Files.newBufferedWriter(log)) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					kept.write(line);
					kept.newLine();
					kept.flush();
					if (!ready.isDone() && line.contains("Pantau siap")) {
						ready.complete((System.nanoTime() - started) / 1e9);
					}
				}
			}
			catch (IOException e) {
				ready.completeExceptionally(e);
			}
			ready.complete(-1.0);
		}, "coldstart-output");
		reader.setDaemon(true);
		reader.start();
		double seconds;
		try {
			seconds = ready.get(timeoutSeconds, TimeUnit.SECONDS);
		}
		catch (TimeoutException e) {
			seconds = -1;
		}
		if (seconds < 0) {
			List<String> lines = Files.readAllLines(log);
			out.printf("no \"Pantau siap\" (exit %s); last lines:%n%s%n",
					process.isAlive() ? "still running" : String.valueOf(process.exitValue()),
					String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())).indent(4));
		}
		stop(process);
		return seconds;
	}

	/** SIGTERM to the app, and after 60 s SIGKILL to it and to whatever it started (the embedded PostgreSQL). */
	static void stop(Process process) throws InterruptedException {
		List<ProcessHandle> children = process.descendants().toList();
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
		for (ProcessHandle child : children) {
			if (child.isAlive()) {
				child.destroy();
				child.onExit().completeOnTimeout(child, 20, TimeUnit.SECONDS).join();
				if (child.isAlive()) {
					child.destroyForcibly();
				}
			}
		}
	}

	static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}
}
