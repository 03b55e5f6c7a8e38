package id.pantau.reference.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.reference.NationalityResolver;
import org.junit.jupiter.api.Test;

class BundledCountriesTests {

	@Test
	void theBundledFileHoldsExactlyTheCountriesTheMigrationInserts() {
		assertThat(BundledCountries.load()).containsExactlyElementsOf(MigrationCountries.load());
	}

	@Test
	void theBundledResolverResolvesLikeTheDatabaseOne() {
		NationalityResolver bundled = NationalityResolver.bundled();
		Nationalities fromMigration = new Nationalities(MigrationCountries.load(), Nationalities.loadVariants());
		for (String text : new String[] { "Burma", "MM", "Tiongkok", "Viet Nam", "D", "GBD", "Muangthai", "Myanmr",
				"", "Rohingya" }) {
			assertThat(bundled.resolve(text)).as(text).isEqualTo(fromMigration.resolve(text));
		}
	}
}
