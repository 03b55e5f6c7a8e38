package id.pantau.matching.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.pantau.reference.NationalityResolver;
import id.pantau.registry.BirthDate;
import org.junit.jupiter.api.Test;

class LinkerTests {

	private static final NationalityResolver NATIONALITIES = NationalityResolver.bundled();

	private static LinkageRecord person(String id, String name, String sex, BirthDate birth, String nationality,
			String document) {
		return new LinkageRecord(id, name, sex, birth, nationality, document);
	}

	/** A registry where AUNG KYAW is very common and THEIN ZAW HTET is unique. */
	private static List<LinkageRecord> registry() {
		List<LinkageRecord> persons = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			persons.add(person("common" + i, "AUNG KYAW", "M", BirthDate.ofYear(1960 + i % 40), "MMR", null));
		}
		persons.add(person("rare", "THEIN ZAW HTET", "M", BirthDate.ofYear(1980), "MMR", null));
		for (int i = 0; i < 20_000; i++) {
			persons.add(person("other" + i, "SOMCHAI " + letters(i), "M", BirthDate.UNKNOWN, "THA", null));
		}
		return persons;
	}

	/** A distinct name token for every number: 0 is A, 27 is BB. */
	private static String letters(int number) {
		StringBuilder text = new StringBuilder();
		int n = number;
		do {
			text.append((char) ('A' + n % 26));
			n /= 26;
		}
		while (n > 0);
		return text.append("KON").toString();
	}

	private final Linker linker = new Linker(LinkageModel.defaults(),
			TermFrequencies.of(registry(), NATIONALITIES), NATIONALITIES);

	@Test
	void aCommonNameWeighsLessThanARareOne() {
		Comparison common = linker.compare(person("r1", "Aung Kyaw", null, null, null, null),
				person("p", "AUNG KYAW", null, null, null, null));
		Comparison rare = linker.compare(person("r2", "Thein Zaw Htet", null, null, null, null),
				person("p", "THEIN ZAW HTET", null, null, null, null));
		assertThat(common.contribution(Field.NAME).level()).isEqualTo("EXACT");
		assertThat(rare.contribution(Field.NAME).level()).isEqualTo("EXACT");
		assertThat(common.contribution(Field.NAME).frequencyAdjustment()).isNegative();
		assertThat(common.contribution(Field.NAME).weight()).isLessThan(rare.contribution(Field.NAME).weight() - 3);
		assertThat(common.matchWeight()).isLessThan(rare.matchWeight());
	}

	@Test
	void theExplanationSumsToTheScore() {
		Comparison comparison = linker.compare(
				person("r", "U Kyo Min", "M", BirthDate.ofYear(1985), "Burma", "MA 12345O7"),
				person("p", "KYAW MIN", "M", BirthDate.of(LocalDate.of(1985, 3, 7)), "MMR", "MA1234507"));
		double sum = comparison.priorWeight()
				+ comparison.contributions().stream().mapToDouble(Contribution::weight).sum();
		assertThat(comparison.matchWeight()).isCloseTo(sum, within(1e-9));
		assertThat(comparison.probability()).isCloseTo(LinkageModel.probability(sum), within(1e-12));
		assertThat(comparison.contributions()).extracting(Contribution::field).containsExactly(Field.values());
		assertThat(comparison.contribution(Field.NAME).level()).isEqualTo("RESPELLED");
		assertThat(comparison.contribution(Field.DOCUMENT).level()).isEqualTo("OCR");
		assertThat(comparison.contribution(Field.BIRTH_DATE).level()).isEqualTo("YEAR_ONLY");
		assertThat(comparison.contribution(Field.NATIONALITY).recordValue()).isEqualTo("MMR");
		assertThat(comparison.explain()).startsWith("prior ").contains("name RESPELLED", "[KYO MIN | KYAW MIN]")
				.endsWith(String.format(java.util.Locale.ROOT, "total %+.2f", comparison.matchWeight()));
	}

	@Test
	void aMissingValueSaysNothing() {
		Comparison comparison = linker.compare(person("r", "AUNG KYAW", null, null, null, null),
				person("p", "AUNG KYAW", "M", BirthDate.ofYear(1970), "MMR", "A1234567"));
		assertThat(comparison.contributions()).filteredOn(c -> c.field() != Field.NAME)
				.allSatisfy(c -> assertThat(c.weight()).isZero());
	}

	@Test
	void namesakesThatNothingSeparatesGoToReviewNotToOneOfThem() {
		LinkageModel model = LinkageModel.defaults().withThresholds(new Thresholds(0.9, 0.1, 5));
		Linker linker = new Linker(model, TermFrequencies.none(), NATIONALITIES);
		LinkageRecord record = person("r", "THEIN ZAW HTET", "M", BirthDate.of(LocalDate.of(1980, 5, 1)), "MMR", null);
		LinkageRecord first = person("p1", "THEIN ZAW HTET", "M", BirthDate.of(LocalDate.of(1980, 5, 1)), "MMR", null);
		LinkageRecord second = person("p2", "Thein Zaw Htet", "M", BirthDate.of(LocalDate.of(1980, 5, 1)), "Myanmar",
				null);
		LinkResult alone = linker.link(record, List.of(first));
		assertThat(alone.decision()).isEqualTo(Decision.MATCH);
		LinkResult both = linker.link(record, List.of(first, second));
		assertThat(both.decision()).isEqualTo(Decision.REVIEW);
		assertThat(both.namesakes()).isTrue();
		assertThat(both.second()).isNotNull();
	}

	@Test
	void aNamesakeThatTheBirthDateSeparatesDoesNotStopTheMatch() {
		Linker linker = new Linker(LinkageModel.defaults().withThresholds(new Thresholds(0.9, 0.1, 5)),
				TermFrequencies.none(), NATIONALITIES);
		LinkageRecord record = person("r", "THEIN ZAW HTET", "M", BirthDate.of(LocalDate.of(1980, 5, 1)), "MMR", null);
		LinkResult result = linker.link(record,
				List.of(person("p1", "THEIN ZAW HTET", "M", BirthDate.of(LocalDate.of(1980, 5, 1)), "MMR", null),
						person("p2", "THEIN ZAW HTET", "M", BirthDate.of(LocalDate.of(1971, 9, 9)), "MMR", null)));
		assertThat(result.decision()).isEqualTo(Decision.MATCH);
		assertThat(result.best().personId()).isEqualTo("p1");
	}

	@Test
	void namesakesWithAnotherPassportAndAnotherBirthDateAreNeverLinkedAutomatically() {
		Linker lenient = new Linker(LinkageModel.defaults().withThresholds(new Thresholds(0.5, 0.1, 0)),
				TermFrequencies.none(), NATIONALITIES);
		LinkageRecord crossing = person("x", "ZHANG WEI", "M", BirthDate.of(LocalDate.of(1978, 12, 27)), "CHN",
				"N46452912");
		LinkageRecord resident = person("p78", "ZHANG WEI", "M", BirthDate.of(LocalDate.of(1988, 12, 27)), "CHN",
				"E39030369");
		LinkResult result = lenient.link(crossing, List.of(resident));
		assertThat(result.best().probability()).as("the names alone score high").isGreaterThan(0.5);
		assertThat(result.decision()).as("but nothing only he has agrees").isEqualTo(Decision.REVIEW);
		assertThat(lenient.compare(crossing, resident).decision()).isEqualTo(Decision.REVIEW);
	}

	@Test
	void theSameDocumentOrTheWholeBirthDateWithTheNameIsEvidenceEnough() {
		Linker lenient = new Linker(LinkageModel.defaults().withThresholds(new Thresholds(0.5, 0.1, 0)),
				TermFrequencies.none(), NATIONALITIES);
		LinkageRecord resident = person("p", "ZHANG WEI", "M", BirthDate.of(LocalDate.of(1988, 12, 27)), "CHN",
				"E39030369");
		assertThat(lenient.link(person("x1", "ZHANG WEI", "M", BirthDate.UNKNOWN, "CHN", "E 3903O369"),
				List.of(resident)).decision()).isEqualTo(Decision.MATCH);
		assertThat(lenient.link(person("x2", "Zhang Wei", "M", BirthDate.of(LocalDate.of(1988, 12, 27)), "CHN", null),
				List.of(resident)).decision()).isEqualTo(Decision.MATCH);
		assertThat(lenient.link(person("x3", "ZHANG WEI", "M", BirthDate.ofYear(1988), "CHN", null),
				List.of(resident)).decision()).as("a year is not the whole date").isEqualTo(Decision.REVIEW);
	}

	@Test
	void noCandidatesIsNone() {
		LinkResult result = linker.link(person("r", "X", null, null, null, null), List.of());
		assertThat(result.decision()).isEqualTo(Decision.NONE);
		assertThat(result.bestCandidate()).isEmpty();
	}

	@Test
	void theModelSurvivesItsPropertiesUnchanged() {
		LinkageModel model = LinkageModel.defaults().withThresholds(new Thresholds(0.97, 0.4, 3));
		LinkageModel read = LinkageModel.fromProperties(model.toProperties());
		model.toProperties().forEach((key, value) -> assertThat(Double.parseDouble(read.toProperties().get(key)))
				.as(key).isCloseTo(Double.parseDouble(value), within(1e-12)));
		assertThat(read.thresholds()).isEqualTo(new Thresholds(0.97, 0.4, 3));
	}
}
