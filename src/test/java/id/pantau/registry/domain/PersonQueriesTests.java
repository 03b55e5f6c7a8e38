package id.pantau.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonQueriesTests {

	@Test
	void theCloseReachesAskThePhoneticIndexForEveryNameThatCanScoreTheirLowestScoreAndForNoLessSimilarOne() {
		for (double closeScore : PersonQueries.CLOSE_SCORES) {
			double threshold = PersonQueries.phoneticThreshold(closeScore);
			// pg_trgm's similarity is shared trigrams over all trigrams of either name, as a real
			for (int all = 1; all <= 200; all++) {
				for (int shared = 0; shared <= all; shared++) {
					double similarity = (float) shared / all;
					if (similarity * 0.9 >= closeScore) {
						assertThat(similarity).as("%d of %d trigrams at %s", shared, all, closeScore)
								.isGreaterThanOrEqualTo(threshold);
					}
				}
			}
			assertThat(threshold).isGreaterThan(closeScore).isLessThanOrEqualTo(closeScore / 0.9);
		}
	}
}
