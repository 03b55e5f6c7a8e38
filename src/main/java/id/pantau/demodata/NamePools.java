package id.pantau.demodata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The name pools every generator draws from, read once from {@code demodata/names.tsv}: one pool a line, its name
 * then its names, most common first. A generator may take the first names of a pool only, so that a small data set
 * draws from the common names.
 */
final class NamePools {

	private static final String RESOURCE = "/demodata/names.tsv";
	private static final Map<String, String[]> POOLS = read();

	private NamePools() {
	}

	/** The names of the pool. */
	static String[] names(String pool) {
		String[] names = POOLS.get(pool);
		if (names == null) {
			throw new IllegalArgumentException("no name pool " + pool + " in " + RESOURCE);
		}
		return names.clone();
	}

	/** The first {@code count} names of the pool. */
	static String[] names(String pool, int count) {
		String[] names = names(pool);
		if (count > names.length) {
			throw new IllegalArgumentException("name pool " + pool + " has " + names.length + " names, not " + count);
		}
		return Arrays.copyOf(names, count);
	}

	/** The pool drawn with Zipf weights. */
	static Zipf zipf(String pool) {
		return new Zipf(names(pool));
	}

	/** The first {@code count} names of the pool, drawn with Zipf weights. */
	static Zipf zipf(String pool, int count) {
		return new Zipf(names(pool, count));
	}

	private static Map<String, String[]> read() {
		Map<String, String[]> pools = new HashMap<>();
		try (InputStream in = NamePools.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.split("\t");
				if (fields.length < 2 || pools.put(fields[0], Arrays.copyOfRange(fields, 1, fields.length)) != null) {
					throw new IllegalStateException(RESOURCE + ": a pool without names, or twice: " + fields[0]);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Map.copyOf(pools);
	}

	/** Values drawn with Zipf weights (the k-th value about 1/k as often as the first). */
	static final class Zipf {

		private final String[] values;
		private final double[] cumulative;

		Zipf(String... values) {
			this.values = values;
			this.cumulative = new double[values.length];
			double sum = 0;
			for (int k = 0; k < values.length; k++) {
				sum += 1.0 / (k + 1);
				cumulative[k] = sum;
			}
		}

		String pick(Random random) {
			double u = random.nextDouble() * cumulative[cumulative.length - 1];
			int low = 0;
			int high = cumulative.length - 1;
			while (low < high) {
				int mid = (low + high) >>> 1;
				if (cumulative[mid] < u) {
					low = mid + 1;
				}
				else {
					high = mid;
				}
			}
			return values[low];
		}
	}
}
