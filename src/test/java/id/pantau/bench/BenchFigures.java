package id.pantau.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark's figures in a machine-readable form: {@code target/bench/NAME.properties} (or {@code -DbenchOut=DIR}),
 * one {@code key=value} a line in the order written, read back by {@link BenchTable} for {@code bench/run}'s table.
 * Every file also says when it was written, on how many cores and at which load average. Writing never fails a
 * benchmark: a file that cannot be written is reported and skipped.
 */
final class BenchFigures {

	private final String name;
	private final Map<String, String> values = new LinkedHashMap<>();

	private BenchFigures(String name) {
		this.name = name;
		put("benchmark", name);
		put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
		put("cores", Runtime.getRuntime().availableProcessors());
		put("java", System.getProperty("java.version"));
		put("xmx_mb", Runtime.getRuntime().maxMemory() >> 20);
	}

	static BenchFigures of(String name) {
		return new BenchFigures(name);
	}

	BenchFigures put(String key, Object value) {
		String text = value instanceof Double || value instanceof Float
				? String.format(Locale.ROOT, "%.4f", ((Number) value).doubleValue())
				: String.valueOf(value);
		values.put(key, text.replace('\n', ' ').replace('\r', ' '));
		return this;
	}

	/** Writes the file, with the load average at this moment; prints where. */
	void write() {
		put("load_average_end", loadAverage());
		Path file = Path.of(System.getProperty("benchOut", "target/bench")).resolve(name + ".properties");
		StringBuilder text = new StringBuilder();
		values.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
			System.out.println("figures written to " + file);
		}
		catch (IOException e) {
			System.out.println("figures not written to " + file + ": " + e);
		}
	}

	static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/** The heap in use, sampled every 50 ms on a daemon thread until closed; {@link #peakBytes()} the highest. */
	static final class HeapPeak implements AutoCloseable {

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "bench-heap-sampler");
			thread.setDaemon(true);
			return thread;
		});
		private volatile long peak;

		HeapPeak() {
			sampler.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
		}

		private void sample() {
			peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
		}

		long peakBytes() {
			sample();
			return peak;
		}

		@Override
		public void close() {
			sample();
			sampler.shutdownNow();
		}
	}

	private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

	/**
	 * The highest heap occupancy before a collection in a {@code -Xlog:gc:file=...} log of another JVM, in MB; -1 when
	 * the log is missing or shows no collection.
	 */
	static long peakHeapFromGcLog(Path log) {
		if (!Files.exists(log)) {
			return -1;
		}
		long peak = -1;
		try {
			for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
				Matcher m = GC_LINE.matcher(line);
				while (m.find()) {
					peak = Math.max(peak, Long.parseLong(m.group(1)));
				}
			}
		}
		catch (IOException e) {
			return -1;
		}
		return peak;
	}
}
