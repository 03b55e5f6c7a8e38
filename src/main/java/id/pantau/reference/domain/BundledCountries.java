package id.pantau.reference.domain;

import java.util.ArrayList;
import java.util.List;

import id.pantau.platform.tables.DelimitedRows;
import id.pantau.reference.Country;
import id.pantau.reference.NationalityResolver;

/**
 * The countries of the {@code country} table as bundled in {@code reference/countries.csv}, for code that runs without
 * a database. The migration V2 stays the source of the table; tests keep the two equal.
 */
public final class BundledCountries {

	static final String COUNTRIES = "reference/countries.csv";

	private static volatile NationalityResolver nationalities;

	private BundledCountries() {
	}

	/** Every country and MRZ code, in file order. */
	public static List<Country> load() {
		List<Country> countries = new ArrayList<>();
		for (List<String> fields : DelimitedRows.bundled(COUNTRIES)) {
			if (fields.size() != 6) {
				throw new IllegalStateException("Not a country line in " + COUNTRIES + ": " + fields);
			}
			countries.add(new Country(fields.get(0), fields.get(1).isEmpty() ? null : fields.get(1), fields.get(3),
					fields.get(4), Boolean.parseBoolean(fields.get(5))));
		}
		return List.copyOf(countries);
	}

	/** Built once per process from the bundled files. */
	public static NationalityResolver nationalities() {
		NationalityResolver built = nationalities;
		if (built == null) {
			synchronized (BundledCountries.class) {
				built = nationalities;
				if (built == null) {
					built = new Nationalities(load(), Nationalities.loadVariants());
					nationalities = built;
				}
			}
		}
		return built;
	}
}
