package id.pantau.reference;

import id.pantau.reference.domain.BundledCountries;

/**
 * Resolves a nationality as people write it (an alpha-3, alpha-2 or MRZ code, the Indonesian or English name, or a
 * usual variant) to a country code; see {@link ReferenceData#resolveNationality(String)} for the rules. Immutable and
 * thread-safe.
 */
public interface NationalityResolver {

	NationalityMatch resolve(String text);

	/**
	 * A resolver built from the files bundled in the jar ({@code reference/countries.csv} and
	 * {@code reference/nationality-variants.csv}), for what runs without a database such as the {@code link} command.
	 * It resolves exactly as {@link ReferenceData#resolveNationality(String)} does: a test keeps the bundled countries
	 * equal to the {@code country} table.
	 */
	static NationalityResolver bundled() {
		return BundledCountries.nationalities();
	}
}
