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

	/** A model where matches are rare among all pairs, as among records times persons, and a document decides. */
	private static LinkageModel rareMatches() {
		return LinkageModel.fromProperties(java.util.Map.of("prior", "0.001", "document.EXACT.m", "0.7",
				"document.EXACT.u", "0.000001", "name.EXACT.m", "0.7", "name.EXACT.u", "0.001"));
	}

	@Test
	void uFromRandomPairsLeavesOutTheMatchesTheyHold() {
		LinkageModel truth = rareMatches();
		PatternCounts random = draw(truth, 300_000, new Random(6), null);
		int exact = Field.DOCUMENT.level("EXACT");
		double raw = truth.withU(random).u(Field.DOCUMENT, exact);
		double cleaned = truth.withNonMatchU(random).u(Field.DOCUMENT, exact);
		assertThat(raw).isGreaterThan(20 * truth.u(Field.DOCUMENT, exact));
		assertThat(cleaned).isLessThan(raw / 10);
		assertThat(LinkageModel.log2(truth.m(Field.DOCUMENT, exact) / cleaned))
				.isGreaterThan(-truth.priorWeight() + 3);
	}

	@Test
	void blockedPairsRecipeFindsThePriorAmongAllPairsAndADecidingDocument() {
		LinkageModel truth = rareMatches();
		Random random = new Random(7);
		PatternCounts randomPairs = draw(truth, 300_000, random, null);
		// candidates as blocking finds them: every match, and as many namesakes
		PatternCounts candidates = draw(truth, 2_000, random, true);
		PatternCounts namesakes = draw(truth, 2_000, random, false);
		for (int p = 0; p < Patterns.COUNT; p++) {
			int[] levels = Patterns.decode(p);
			if (namesakes.count(p) > 0) {
				levels[Field.NAME.ordinal()] = 0;
				candidates.add(Patterns.encode(levels), namesakes.count(p));
			}
		}
		double allPairs = 2_000 / truth.prior();
		PatternCounts none = new PatternCounts();
		LinkageModel model = new EmTrainer()
				.trainOnBlockedPairs(LinkageModel.defaults(), candidates, randomPairs, none, none, allPairs).model();
		assertThat(model.prior()).isCloseTo(truth.prior(), within(truth.prior() * 0.3));
		int exact = Field.DOCUMENT.level("EXACT");
		assertThat(model.weight(Field.DOCUMENT, exact) + model.priorWeight()).isGreaterThan(2);
	}
}
