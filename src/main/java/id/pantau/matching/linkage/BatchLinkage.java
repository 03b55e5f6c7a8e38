package id.pantau.matching.linkage;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Links many records against a {@link PersonIndex} on all cores: blocking, comparison, optionally EM on the candidate
 * pairs' patterns, then scoring with term-frequency adjustment and the decision for every record.
 */
public final class BatchLinkage {

	static final int RANDOM_PAIRS = 300_000;

	static final int MIN_SESSION_PAIRS = 50;

	private final Linker linker;

	private final PersonIndex index;

	private final boolean estimate;

	/**
	 * @param linker the model to start from (and to use as is, without {@code estimate}) and the nationality resolver
	 * the index was built with
	 * @param estimate whether to re-estimate m, u and the prior by EM on the candidate pairs before scoring
	 */
	public BatchLinkage(Linker linker, PersonIndex index, boolean estimate) {
		this.linker = linker.withFrequencies(index.frequencies());
		this.index = index;
		this.estimate = estimate;
	}

	/**
	 * What a run gives.
	 *
	 * @param results one per record, in the records' order
	 * @param model the model that scored them (estimated when asked)
	 * @param emIterations how many EM rounds ran (0 without estimation)
	 * @param comparisons how many pairs were compared
	 */
	public record Outcome(List<LinkResult> results, LinkageModel model, int emIterations, long comparisons) {
	}

	/** Told now and then, from the worker threads, how far a run is. */
	@FunctionalInterface
	public interface Progress {

		/**
		 * @param pass 1 while comparing candidates, 2 while scoring
		 * @param done records done in this pass
		 * @param total records in all
		 */
		void update(int pass, int done, int total);
	}

	public Outcome run(List<LinkageRecord> records, Progress progress) {
		int n = records.size();
		Prepared[] prepared = new Prepared[n];
		int[][] candidates = new int[n][];
		int[][] patterns = new int[n][];
		AtomicInteger done = new AtomicInteger();
		IntStream.range(0, n).parallel().forEach(r -> {
			Prepared record = linker.preparer().prepare(records.get(r));
			prepared[r] = record;
			int[] found = index.candidates(record);
			int[] foundPatterns = new int[found.length];
			for (int c = 0; c < found.length; c++) {
				foundPatterns[c] = Comparators.pattern(record, index.person(found[c]));
			}
			candidates[r] = found;
			patterns[r] = foundPatterns;
			tick(done, 1, n, progress);
		});
		long comparisons = Arrays.stream(candidates).mapToLong(c -> c.length).sum();
		Linker scoring = linker;
		int iterations = 0;
		if (estimate && comparisons > 0) {
			Estimated estimated = estimate(linker.model(), prepared, patterns);
			scoring = linker.withModel(estimated.model());
			iterations = estimated.iterations();
		}
		Linker chosen = scoring;
		LinkResult[] results = new LinkResult[n];
		done.set(0);
		IntStream.range(0, n).parallel().forEach(r -> {
			results[r] = decide(chosen, prepared[r], candidates[r], patterns[r]);
			candidates[r] = null;
			patterns[r] = null;
			tick(done, 2, n, progress);
		});
		return new Outcome(List.of(results), chosen.model(), iterations, comparisons);
	}

	private record Estimated(LinkageModel model, int iterations) {
	}

	/**
	 * Splink's recipe on the candidate pairs: u from random pairs, kept fixed; m by EM in two sessions, each on the
	 * pairs one blocking rule would find, without the fields that rule makes agree: pairs sharing a document number
	 * (which tell m of name, birth date, nationality and sex), and pairs sharing nationality and full birth date
	 * (which tell m of name, document and sex). Then the prior, by EM over all candidate pairs with m and u fixed,
	 * brought back to the share of matches among all pairs of records and persons.
	 */
	private Estimated estimate(LinkageModel start, Prepared[] prepared, int[][] patterns) {
		LinkageModel withU = start.withU(randomPairs(prepared));
		PatternCounts all = new PatternCounts();
		PatternCounts sameDocument = new PatternCounts();
		PatternCounts sameBirth = new PatternCounts();
		for (int[] recordPatterns : patterns) {
			for (int pattern : recordPatterns) {
				all.add(pattern);
				int document = Patterns.level(pattern, Field.DOCUMENT);
				if (document == Comparators.DOC_EXACT || document == Comparators.DOC_OCR) {
					sameDocument.add(pattern);
				}
				int birth = Patterns.level(pattern, Field.BIRTH_DATE);
				if ((birth == Comparators.DATE_EXACT || birth == Comparators.DATE_SWAPPED)
						&& Patterns.level(pattern, Field.NATIONALITY) == Comparators.NAT_EXACT) {
					sameBirth.add(pattern);
				}
			}
		}
		EmTrainer trainer = new EmTrainer();
		PatternCounts none = new PatternCounts();
		LinkageModel model = withU;
		int iterations = 0;
		if (sameDocument.total() >= MIN_SESSION_PAIRS) {
			EmTrainer.Estimate byDocument = trainer.train(withU, sameDocument, none, none, true,
					java.util.EnumSet.of(Field.NAME, Field.BIRTH_DATE, Field.NATIONALITY, Field.SEX));
			iterations += byDocument.iterations();
			for (Field field : java.util.EnumSet.of(Field.NAME, Field.BIRTH_DATE, Field.NATIONALITY, Field.SEX)) {
				model = model.withM(field, byDocument.model());
			}
		}
		if (sameBirth.total() >= MIN_SESSION_PAIRS) {
			EmTrainer.Estimate byBirth = trainer.train(model, sameBirth, none, none, true,
					java.util.EnumSet.of(Field.DOCUMENT, Field.SEX));
			iterations += byBirth.iterations();
			model = model.withM(Field.DOCUMENT, byBirth.model());
		}
		// The share of matches among candidate pairs, turned into the share among all pairs (as u is): the expected
		// number of matches over records times persons. So the score of a pair is its probability among every pair,
		// and a name shared with many in a large registry proves less than in a small one.
		double pairs = (double) prepared.length * index.size();
		return new Estimated(model.withPrior(estimatePrior(model, all, pairs, 1.0 / index.size())), iterations);
	}

	/**
	 * The share of matches among all pairs, by EM with m and u fixed: the pairs that are no candidates count as
	 * non-matches.
	 */
	private static double estimatePrior(LinkageModel model, PatternCounts pairs, double allPairs, double start) {
		double lambda = start;
		for (int round = 0; round < 200; round++) {
			LinkageModel current = model.withPrior(lambda);
			double matched = 0;
			for (int p = 0; p < Patterns.COUNT; p++) {
				long count = pairs.count(p);
				if (count > 0) {
					matched += count * LinkageModel.probability(current.patternWeight(p));
				}
			}
			double next = Math.min(0.5, Math.max(1e-12, matched / allPairs));
			if (Math.abs(next - lambda) < 1e-4 * lambda) {
				return next;
			}
			lambda = next;
		}
		return lambda;
	}

	/** Records against persons taken at random (fixed seed): almost all non-matches, for u. */
	private PatternCounts randomPairs(Prepared[] records) {
		java.util.SplittableRandom random = new java.util.SplittableRandom(20260601L);
		PatternCounts counts = new PatternCounts();
		int pairs = Math.min(RANDOM_PAIRS, records.length * 50);
		for (int i = 0; i < pairs && records.length > 0; i++) {
			Prepared record = records[random.nextInt(records.length)];
			counts.add(Comparators.pattern(record, index.person(random.nextInt(index.size()))));
		}
		return counts;
	}

	private LinkResult decide(Linker scoring, Prepared record, int[] found, int[] foundPatterns) {
		int best = -1;
		int second = -1;
		double bestWeight = Double.NEGATIVE_INFINITY;
		double secondWeight = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < found.length; c++) {
			double weight = scoring.score(record, index.person(found[c]), foundPatterns[c]);
			if (weight > bestWeight) {
				second = best;
				secondWeight = bestWeight;
				best = c;
				bestWeight = weight;
			}
			else if (weight > secondWeight) {
				second = c;
				secondWeight = weight;
			}
		}
		Comparison bestComparison = best < 0 ? null : scoring.explain(record, index.person(found[best]));
		Comparison secondComparison = second < 0 ? null : scoring.explain(record, index.person(found[second]));
		return LinkResult.of(record.id, bestComparison, secondComparison, scoring.model().thresholds());
	}

	private static void tick(AtomicInteger done, int pass, int total, Progress progress) {
		int count = done.incrementAndGet();
		if ((count & 1023) == 0 || count == total) {
			progress.update(pass, count, total);
		}
	}
}
