package id.pantau.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import id.pantau.matching.linkage.Decision;
import id.pantau.matching.linkage.LinkageModel;
import id.pantau.matching.linkage.LinkageRecord;
import id.pantau.matching.linkage.Linker;
import id.pantau.matching.linkage.PersonIndex;
import id.pantau.matching.linkage.TermFrequencies;
import id.pantau.reference.NationalityResolver;
import id.pantau.registry.BirthDate;
import org.junit.jupiter.api.Test;

class MatchingOnAModelNeverEstimatedTests {

	private final Linker linker = new Linker(LinkageModel.defaults(), TermFrequencies.none(),
			NationalityResolver.bundled());

	private final PersonIndex registry = PersonIndex.build(List.of(new LinkageRecord("7", "HLA MYINT", "M",
			BirthDate.of(java.time.LocalDate.of(1979, 4, 12)), "MMR", "MB123456")), linker);

	private final Matching matching = new Matching(null, null, null, null, new MatchingSettings(0.99, 0.5, 5, 5, 10,
			1000, 100), null, null, null, null);

	private final List<LinkageRecord> sameEverything = List.of(new LinkageRecord("C1", "HLA MYINT", "M",
			BirthDate.of(java.time.LocalDate.of(1979, 4, 12)), "MMR", "MB123456"));

	@Test
	void theBuiltInStartingValuesLinkNothingWithoutAPerson() {
		assertThat(matching.evaluate(sameEverything, registry, new Matching.Scoring(linker, false)).decision())
				.isEqualTo(Decision.REVIEW);
	}

	@Test
	void aModelEstimatedFromDataLinksTheSameDocumentAndBirthDate() {
		assertThat(matching.evaluate(sameEverything, registry, new Matching.Scoring(linker, true)).decision())
				.isEqualTo(Decision.MATCH);
	}
}
