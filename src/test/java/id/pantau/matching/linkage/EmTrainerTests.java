package id.pantau.matching.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class EmTrainerTests {

	private static final Field[] FIELDS = Field.values();

	/** Pairs drawn from a known model: a share {@code prior} of matches, the rest non-matches. */
	private static PatternCounts draw(LinkageModel truth, int pairs, Random random, Boolean matches) {
		PatternCounts counts = new PatternCounts();
		for (int i = 0; i < pairs; i++) {
			boolean match = matches != null ? matches : random.nextDouble() < truth.prior();
			int[] levels = new int[FIELDS.length];
			for (Field field : FIELDS) {
				double roll = random.nextDouble();
				int level = 0;
				double cumulative = 0;
				for (; level < field.missing() - 1; level++) {
					cumulative += match ? truth.m(field, level) : truth.u(field, level);
					if (roll < cumulative) {
						break;
					}
				}
				levels[field.ordinal()] = level;
			}
			counts.add(Patterns.encode(levels));
		}
		return counts;
	}

	private static LinkageModel truth() {
		return LinkageModel.fromProperties(java.util.Map.of("prior", "0.2", "name.EXACT.m", "0.7", "name.EXACT.u",
				"0.01", "birth_date.EXACT.m", "0.6", "birth_date.EXACT.u", "0.005"));
	}

	@Test
	void convergesToTheModelTheDataCameFrom() {
		LinkageModel truth = truth();
		PatternCounts pairs = draw(truth, 200_000, new Random(1), null);
		EmTrainer.Estimate estimate = new EmTrainer().train(LinkageModel.defaults(), pairs, new PatternCounts(),
				new PatternCounts());
		assertThat(estimate.converged()).isTrue();
		LinkageModel model = estimate.model();
		assertThat(model.prior()).isCloseTo(0.2, within(0.01));
		assertThat(model.m(Field.NAME, 0)).isCloseTo(truth.m(Field.NAME, 0), within(0.02));
		assertThat(model.u(Field.NAME, 0)).isCloseTo(truth.u(Field.NAME, 0), within(0.01));
		assertThat(model.m(Field.BIRTH_DATE, 0)).isCloseTo(truth.m(Field.BIRTH_DATE, 0), within(0.02));
		assertThat(model.m(Field.DOCUMENT, 0)).isCloseTo(truth.m(Field.DOCUMENT, 0), within(0.02));
	}

	@Test
	void confirmedDecisionsMoveTheEstimate() {
		LinkageModel truth = truth();
		PatternCounts none = new PatternCounts();
		PatternCounts few = draw(truth, 300, new Random(2), null);
		LinkageModel unlabelled = new EmTrainer().train(LinkageModel.defaults(), few, none, none).model();
		PatternCounts confirmed = draw(truth, 3000, new Random(3), true);
		PatternCounts rejected = draw(truth, 3000, new Random(4), false);
		LinkageModel labelled = new EmTrainer().train(LinkageModel.defaults(), few, confirmed, rejected).model();
		double error = Math.abs(unlabelled.m(Field.SEX, 0) - truth.m(Field.SEX, 0))
				+ Math.abs(unlabelled.u(Field.NAME, 0) - truth.u(Field.NAME, 0));
		double labelledError = Math.abs(labelled.m(Field.SEX, 0) - truth.m(Field.SEX, 0))
				+ Math.abs(labelled.u(Field.NAME, 0) - truth.u(Field.NAME, 0));
		assertThat(labelledError).isLessThan(error);
		assertThat(labelled.m(Field.NAME, 0)).isCloseTo(truth.m(Field.NAME, 0), within(0.03));
	}

	@Test
	void withFixedUOnlyMAndThePriorMove() {
		LinkageModel start = LinkageModel.defaults();
		PatternCounts pairs = draw(truth(), 50_000, new Random(5), null);
		LinkageModel model = new EmTrainer().train(start, pairs, new PatternCounts(), new PatternCounts(), true)
				.model();
		for (Field field : FIELDS) {
			for (int level = 0; level < field.missing(); level++) {
				assertThat(model.u(field, level)).isCloseTo(start.u(field, level), within(1e-12));
			}
		}
		assertThat(model.m(Field.NAME, 0)).isNotCloseTo(start.m(Field.NAME, 0), within(0.01));
	}
}
