package id.pantau.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ReferenceLabelsTests {

	private final ReferenceLabels labels = labels(List.of(
			new Country("MMR", "MM", "Myanmar", "Myanmar", false),
			new Country("XXA", "", "Orang tanpa kewarganegaraan", "Stateless person", true),
			new Country("ZZZ", "", "Pantai Gading <\"Côte d'Ivoire\">", "Côte d'Ivoire & co", false)));

	@Test
	void theNationalityChoiceListsEveryCountryInTheReadersLanguageWithTheChosenOneSelected() {
		assertThat(labels.countryOptions("XXA", Locale.forLanguageTag("id"))).isEqualTo(
				"<option value=\"MMR\">Myanmar</option>"
						+ "<option value=\"XXA\" selected=\"selected\">Orang tanpa kewarganegaraan</option>"
						+ "<option value=\"ZZZ\">Pantai Gading &lt;&quot;Côte d&#39;Ivoire&quot;&gt;</option>");
		assertThat(labels.countryOptions(null, Locale.ENGLISH)).isEqualTo(
				"<option value=\"MMR\">Myanmar</option>"
						+ "<option value=\"XXA\">Stateless person</option>"
						+ "<option value=\"ZZZ\">Côte d&#39;Ivoire &amp; co</option>");
	}

	@Test
	void aChosenCodeThatIsNoCountrySelectsNothingAndIsNotWrittenIntoThePage() {
		String options = labels.countryOptions("\"><script>alert(1)</script>", Locale.ENGLISH);

		assertThat(options).doesNotContain("selected").doesNotContain("<script>")
				.isEqualTo(labels.countryOptions(null, Locale.ENGLISH));
		assertThat(labels.countryOptions("MM", Locale.ENGLISH)).doesNotContain("selected");
	}

	private static ReferenceLabels labels(List<Country> countries) {
		ReferenceData reference = mock(ReferenceData.class);
		when(reference.countries()).thenReturn(countries);
		return new ReferenceLabels(reference);
	}
}
