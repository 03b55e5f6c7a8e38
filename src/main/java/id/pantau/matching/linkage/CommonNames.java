package id.pantau.matching.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import id.pantau.platform.tables.DelimitedRows;

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
		for (List<String> cells : DelimitedRows.bundled("reference/common-names.csv")) {
			entries.add(new Entry(cells.get(0).toUpperCase(Locale.ROOT), cells.get(1), Double.parseDouble(cells.get(2))));
		}
		return new CommonNames(entries);
	}
}
