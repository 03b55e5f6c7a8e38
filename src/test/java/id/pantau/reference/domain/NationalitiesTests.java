package id.pantau.reference.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import id.pantau.platform.tables.DelimitedRows;
import id.pantau.reference.Country;
import id.pantau.reference.NationalityMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalitiesTests {

	private static final List<Country> COUNTRIES = MigrationCountries.load();

	private static final Map<String, String> VARIANTS = Nationalities.loadVariants();

	private final Nationalities nationalities = new Nationalities(COUNTRIES, VARIANTS);

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "Burma, MMR", "birma, MMR", "MYANMAR, MMR", "MM, MMR", "mmr, MMR", "Burmese, MMR", " my-an mar , MMR",
			"RRC, CHN", "Tiongkok, CHN", "Cina, CHN", "People's Republic of China, CHN", "Viet Nam, VNM", "Vietnam, VNM",
			"VIỆT NAM, VNM", "Korsel, KOR", "Korea Utara, PRK", "Papua Nugini, PNG", "PNG, PNG", "Timor Leste, TLS",
			"Timor-Leste, TLS", "Muangthai, THA", "Thai, THA", "Kamboja, KHM", "Lao, LAO", "Pilipina, PHL",
			"Inggris, GBR", "Amerika Serikat, USA", "United States, USA",
			"Lao PDR, LAO", "Korea, KOR", "Türkiye, TUR", "Côte d'Ivoire, CIV", "Pengungsi, XXB" })
	void resolvesCodesNamesAndVariants(String text, String alpha3) {
		assertThat(nationalities.resolve(text)).isEqualTo(new NationalityMatch(alpha3, List.of()));
	}

	@Test
	void germanMrzCodeIsGermany() {
		assertThat(nationalities.resolve("D").alpha3()).isEqualTo("DEU");
		assertThat(nationalities.resolve("d").alpha3()).isEqualTo("DEU");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GBD", "GBN", "GBO", "GBP", "GBS" })
	void britishMrzCodesAreBritain(String code) {
		assertThat(nationalities.resolve(code).alpha3()).isEqualTo("GBR");
	}

	@ParameterizedTest
	@ValueSource(strings = { "XXA", "XXB", "XXC", "XXX", "UNO", "UNA", "UNK", "EUE", "XOM", "XPO" })
	void otherMrzCodesStayThemselves(String code) {
		assertThat(nationalities.resolve(code).alpha3()).isEqualTo(code);
	}

	@Test
	void rohingyaAreRecordedAsStateless() {
		assertThat(nationalities.resolve("Rohingya").alpha3()).isEqualTo("XXA");
		assertThat(nationalities.resolve("Tanpa kewarganegaraan").alpha3()).isEqualTo("XXA");
	}

	@Test
	void asIsTheUnitedStatesAndAmericanSamoaKeepsItsAlpha3() {
		assertThat(nationalities.resolve("AS").alpha3()).isEqualTo("USA");
		assertThat(nationalities.resolve("ASM").alpha3()).isEqualTo("ASM");
		assertThat(nationalities.resolve("Samoa Amerika").alpha3()).isEqualTo("ASM");
	}

	@Test
	void unknownNationalityIsNotResolvedButSuggested() {
		var match = nationalities.resolve("Burmaa");
		assertThat(match.isResolved()).isFalse();
		assertThat(match.alpha3()).isNull();
		assertThat(match.suggestions()).extracting(Country::alpha3).first().isEqualTo("MMR");
	}

	@ParameterizedTest(name = "{0} only suggests {1}")
	@CsvSource({ "Myanmr, MMR", "Tailand, THA", "Vietnm, VNM", "Kambodia, KHM", "Filip, PHL", "Jepan, JPN",
			"MMRR, MMR", "Bur, MMR" })
	void nearMissesAreNeverGuessed(String text, String alpha3) {
		var match = nationalities.resolve(text);
		assertThat(match.alpha3()).isNull();
		assertThat(match.suggestions()).extracting(Country::alpha3).contains(alpha3);
	}

	@Test
	void suggestionsAreAtMostThreeDistinctCountriesClosestFirst() {
		var suggestions = nationalities.resolve("Guinee").suggestions();
		assertThat(suggestions).hasSizeBetween(1, 3).doesNotHaveDuplicates();
		assertThat(suggestions.get(0).alpha3()).isEqualTo("GIN");
	}

	@Test
	void suggestionsAreCountriesNotMrzAliases() {
		assertThat(nationalities.resolve("Jermann").suggestions()).extracting(Country::alpha3).containsExactly("DEU");
	}

	@Test
	void somethingFarFromEveryCountrySuggestsNothing() {
		assertThat(nationalities.resolve("Nelayan kapal ikan").suggestions()).isEmpty();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   ", "-", "123" })
	void nothingGivesNeitherCodeNorSuggestions(String text) {
		assertThat(nationalities.resolve(text)).isEqualTo(new NationalityMatch(null, List.of()));
	}

	@Test
	void everyVariantNamesACountryOfTheMigration() {
		Set<String> codes = COUNTRIES.stream().map(Country::alpha3).collect(Collectors.toSet());
		assertThat(VARIANTS).isNotEmpty();
		assertThat(VARIANTS.values()).allSatisfy(alpha3 -> assertThat(codes).contains(alpha3));
	}

	@Test
	void everyVariantResolvesToItsOwnCode() {
		VARIANTS.forEach((variant, alpha3) -> assertThat(nationalities.resolve(variant).alpha3()).as(variant)
				.isEqualTo(alpha3));
	}

	@Test
	void everyCountryIsFoundByItsAlpha3AndNames() {
		for (Country country : COUNTRIES) {
			String expected = Nationalities.MRZ_ALIASES.getOrDefault(country.alpha3(), country.alpha3());
			assertThat(nationalities.resolve(country.alpha3()).alpha3()).as(country.alpha3()).isEqualTo(expected);
			assertThat(nationalities.resolve(country.nameId()).alpha3()).as(country.nameId()).isEqualTo(expected);
			assertThat(nationalities.resolve(country.nameEn()).alpha3()).as(country.nameEn()).isEqualTo(expected);
		}
	}

	@Test
	void everyAlpha2ButAmericanSamoasIsFound() {
		for (Country country : COUNTRIES) {
			if (country.alpha2() != null && !country.alpha2().equals("AS")) {
				assertThat(nationalities.resolve(country.alpha2()).alpha3()).as(country.alpha2())
						.isEqualTo(country.alpha3());
			}
		}
	}

	@Test
	void theMigrationHasTheIsoCountriesAndTheMrzCodes() {
		assertThat(COUNTRIES).hasSizeGreaterThan(260);
		assertThat(COUNTRIES).filteredOn(Country::mrzOnly).extracting(Country::alpha3).containsExactlyInAnyOrder("D",
				"GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XXA", "XXB", "XXC", "XXX", "EUE", "XOM", "XPO");
	}

	@Test
	void aKeyTwoCountriesShareIsAmbiguousAndSuggestsBoth() {
		var countries = List.of(new Country("AAA", "AA", "Sama", "One", false),
				new Country("BBB", "BB", "Sama", "Two", false));
		var match = new Nationalities(countries, Map.of()).resolve("sama");
		assertThat(match.alpha3()).isNull();
		assertThat(match.suggestions()).extracting(Country::alpha3).containsExactlyInAnyOrder("AAA", "BBB");
	}

	@Test
	void anEarlierSourceWinsOverALaterOne() {
		var countries = List.of(new Country("AAA", "AA", "Bbb", "One", false),
				new Country("BBB", "BB", "Two", "Two", false));
		assertThat(new Nationalities(countries, Map.of()).resolve("BBB").alpha3()).isEqualTo("BBB");
	}

	@Test
	void variantsFileSkipsHeaderCommentsAndBlankLines() throws Exception {
		var variants = Nationalities.readVariants(rows("# comment\nvariant,alpha3\n\nBurma,MMR\n# more\n\"Korea, South\",kor\n"));
		assertThat(variants).containsExactly(Map.entry("Burma", "MMR"), Map.entry("Korea, South", "KOR"));
	}

	@Test
	void variantsFileRejectsAVariantWithTwoCodes() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Nationalities.readVariants(rows("variant,alpha3\nBurma,MMR\nBUR MA,THA\n")))
				.withMessageContaining("MMR").withMessageContaining("THA");
	}

	@Test
	void variantNamingAnUnknownCodeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Nationalities(COUNTRIES, Map.of("Atlantis", "ATL")))
				.withMessageContaining("ATL");
	}

	private static List<List<String>> rows(String text) throws IOException {
		List<List<String>> rows = DelimitedRows.readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
		return rows.subList(1, rows.size());
	}
}
