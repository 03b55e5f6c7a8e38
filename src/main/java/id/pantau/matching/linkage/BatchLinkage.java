package id.pantau.matching.linkage;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Links many records against a {@link PersonIndex} on all cores: blocking, comparison, optionally EM on the candidate
 * pairs' patterns, then scoring with term-frequency adjustment and the decision for every record.
 */
public final class BatchLinkage {

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

	/**
	 * @param progress told how many records have been compared so far, from the worker threads, now and then; the
	 * scoring pass reports again from 0
	 */
	public Outcome run(List<LinkageRecord> records, IntConsumer progress) {
		int n = records.size();
		Prepared[] prepared = new Prepared[n];
		int[][] candidates = new int[n][];
		int[][] patterns = new int[n][];
		AtomicInteger done = new AtomicInteger();
		IntStream.range(0, n).parallel().forEach(r -> {
			Prepared record = linker.preparer().prepare(records.get(r));
			prepared[r] = record;
			int[] found = index.candidates(record);
			int[] found_patterns = new int[found.length];
			for (int c = 0; c < found.length; c++) {
				found_patterns[c] = Comparators.pattern(record, index.person(found[c]));
			}
			candidates[r] = found;
			patterns[r] = found_patterns;
			tick(done, progress);
		});
		long comparisons = Arrays.stream(candidates).mapToLong(c -> c.length).sum();
		Linker scoring = linker;
		int iterations = 0;
		if (estimate && comparisons > 0) {
			PatternCounts counts = new PatternCounts();
			for (int[] recordPatterns : patterns) {
				for (int pattern : recordPatterns) {
					counts.add(pattern);
				}
			}
			EmTrainer.Estimate estimated = new EmTrainer().train(linker.model(), counts, new PatternCounts(),
					new PatternCounts());
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
			tick(done, progress);
		});
		return new Outcome(List.of(results), chosen.model(), iterations, comparisons);
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

	private static void tick(AtomicInteger done, IntConsumer progress) {
		int count = done.incrementAndGet();
		if ((count & 1023) == 0) {
			progress.accept(count);
		}
	}
}
