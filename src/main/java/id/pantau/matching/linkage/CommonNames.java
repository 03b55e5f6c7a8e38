package id.pantau.matching.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A prior of names known to be common per nationality (ZHANG WEI, NGUYEN VAN NAM, KYAW KYAW, JUAN DELA CRUZ,
 * SOMCHAI ...), shipped in {@code reference/common-names.csv}: a name there counts in the term frequencies at least as
 * its share of the persons of that nationality, so that it looks common even where the registry holds few of them.
 */
public final class CommonNames {

	/** A name, the nationality it is common in (alpha-3), and the share of that nationality's persons who bear it. */
	public record Entry(String nationality, String name, double share) {
	}

	private static final CommonNames NONE = new CommonNames(List.of());

	private static volatile CommonNames bundled;

	private final List<Entry> entries;

	private CommonNames(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	public static CommonNames none() {
		return NONE;
	}

	public static CommonNames of(List<Entry> entries) {
		return new CommonNames(entries);
	}

	/** The list shipped with Pantau. */
	public static CommonNames bundled() {
		CommonNames loaded = bundled;
		if (loaded == null) {
			loaded = load();
			bundled = loaded;
		}
		return loaded;
	}

	public List<Entry> entries() {
		return entries;
	}

	private static CommonNames load() {
		List<Entry> entries = new ArrayList<>();
		try (InputStream in = CommonNames.class.getResourceAsStream("/reference/common-names.csv")) {
			if (in == null) {
				throw new IllegalStateException("reference/common-names.csv is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			boolean header = true;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				String[] cells = line.split(",", -1);
				entries.add(new Entry(cells[0].strip().toUpperCase(Locale.ROOT), cells[1].strip(),
						Double.parseDouble(cells[2].strip())));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new CommonNames(entries);
	}
}
