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

	/** {@link EmTrainer#trainOnBlockedPairs}: u from random pairs, m by blocking sessions, the prior over all pairs. */
	private Estimated estimate(LinkageModel start, Prepared[] prepared, int[][] patterns) {
		PatternCounts all = new PatternCounts();
		for (int[] recordPatterns : patterns) {
			for (int pattern : recordPatterns) {
				all.add(pattern);
			}
		}
		PatternCounts none = new PatternCounts();
		// The share of matches among candidate pairs, turned into the share among all pairs (as u is): so the score of
		// a pair is its probability among every pair, and a name shared with many in a large registry proves less
		// than in a small one.
		double pairs = (double) prepared.length * index.size();
		EmTrainer.Estimate estimate = new EmTrainer().trainOnBlockedPairs(start, all, randomPairs(prepared), none,
				none, pairs);
		return new Estimated(estimate.model(), estimate.iterations());
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
