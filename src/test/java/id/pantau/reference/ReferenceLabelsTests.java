package id.pantau.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Locale;

import id.pantau.reference.ReferenceLabels.CountryOption;
import org.junit.jupiter.api.Test;

class ReferenceLabelsTests {

	private final ReferenceLabels labels = labels(List.of(
			new Country("MMR", "MM", "Myanmar", "Myanmar", false),
			new Country("XXA", "", "Orang tanpa kewarganegaraan", "Stateless person", true),
			new Country("CIV", "CI", "Pantai Gading", "Côte d'Ivoire", false)));

	@Test
	void theNationalityChoiceListsEveryCountryInTheReadersLanguageWithTheChosenOneSelected() {
		assertThat(labels.countryOptions("XXA", Locale.forLanguageTag("id"))).containsExactly(
				new CountryOption("MMR", "Myanmar", false),
				new CountryOption("XXA", "Orang tanpa kewarganegaraan", true),
				new CountryOption("CIV", "Pantai Gading", false));
		assertThat(labels.countryOptions(null, Locale.ENGLISH)).containsExactly(
				new CountryOption("MMR", "Myanmar", false),
				new CountryOption("XXA", "Stateless person", false),
				new CountryOption("CIV", "Côte d'Ivoire", false));
	}

	@Test
	void aChosenCodeThatIsNoCountrySelectsNothing() {
		assertThat(labels.countryOptions("\"><script>alert(1)</script>", Locale.ENGLISH))
				.noneMatch(CountryOption::selected);
		assertThat(labels.countryOptions("MM", Locale.ENGLISH)).noneMatch(CountryOption::selected);
	}

	private static ReferenceLabels labels(List<Country> countries) {
		ReferenceData reference = mock(ReferenceData.class);
		when(reference.countries()).thenReturn(countries);
		return new ReferenceLabels(reference);
	}
}
