package id.pantau.matching.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import id.pantau.reference.NationalityResolver;
import org.junit.jupiter.api.Test;

class PersonIndexTests {

	@Test
	void blockingFindsTheTrueCandidateForNearlyEveryNoisyRecordWithoutComparingEverything() {
		SyntheticPopulation population = new SyntheticPopulation(7);
		List<SyntheticPopulation.Person> persons = population.persons(20_000);
		List<SyntheticPopulation.Labelled> records = population.records(persons, 2_000, 1.0);
		Linker linker = new Linker(LinkageModel.defaults(), TermFrequencies.none(), NationalityResolver.bundled());
		PersonIndex index = PersonIndex.build(persons.stream().map(SyntheticPopulation.Person::record).toList(),
				linker);
		int found = 0;
		long compared = 0;
		for (SyntheticPopulation.Labelled labelled : records) {
			int[] candidates = index.candidates(linker.preparer().prepare(labelled.record()));
			compared += candidates.length;
			if (Arrays.stream(candidates).anyMatch(i -> index.personId(i).equals(labelled.truePersonId()))) {
				found++;
			}
		}
		assertThat(found / 2000.0).isGreaterThan(0.97);
		assertThat(compared / 2000.0).isLessThan(PersonIndex.DEFAULT_MAX_CANDIDATES);
	}

	@Test
	void aRecordWithNothingToBlockOnHasNoCandidates() {
		Linker linker = new Linker(LinkageModel.defaults(), TermFrequencies.none(), NationalityResolver.bundled());
		PersonIndex index = PersonIndex.build(List.of(new LinkageRecord("p", "KYAW MIN", "M", null, "MMR", null)),
				linker);
		assertThat(index.candidates(linker.preparer().prepare(new LinkageRecord("r", null, null, null, null, null))))
				.isEmpty();
		assertThat(index.candidates(linker.preparer().prepare(new LinkageRecord("r", "Kyo Min", null, null, null, null))))
				.containsExactly(0);
	}
}
