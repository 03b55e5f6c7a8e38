package id.pantau.matching.linkage;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Pantau's one way of linking a batch of records to persons, used by the {@code link} command and by the
 * application's matching of an imported batch alike: the name frequencies of the population (the persons, the records
 * and the shipped {@link CommonNames}), the model estimated without labels from the batch's candidate pairs and pairs
 * taken at random ({@link EmTrainer#trainOnBlockedPairs}), refined by pairs people decided when there are any, and
 * then the decision for every record.
 */
public final class BatchLinkage {

	/** Pairs of a record and a person taken at random for u, in all. */
	static final int RANDOM_PAIRS = 300_000;

	/** Fewer candidate pairs than this teach EM nothing it can trust: the model is not estimated from the batch. */
	public static final int MIN_CANDIDATE_PAIRS = 200;

	private static final long SEED = 20260601L;

	private final Linker linker;

	private final PersonIndex index;

	private final boolean estimate;

	/**
	 * @param linker the model to start from (and to use as is, without {@code estimate}), the term frequencies of the
	 * population and the nationality resolver the index was built with
	 * @param estimate whether to re-estimate m, u and the prior by EM on the candidate pairs before scoring
	 */
	public BatchLinkage(Linker linker, PersonIndex index, boolean estimate) {
		this.linker = linker;
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

	/**
	 * The name frequencies of the population the records come from: the persons of {@code index}, the
	 * {@code records} and the shipped common names.
	 */
	public static TermFrequencies population(Linker linker, PersonIndex index, Iterable<LinkageRecord> records) {
		TermFrequencies.Counter counter = linker.frequencyCounter().addAll(index);
		records.forEach(counter::add);
		return counter.build(CommonNames.bundled());
	}

	/** Links {@code records}, all in memory, with this linker's term frequencies. */
	public Outcome run(List<LinkageRecord> records, Progress progress) {
		int n = records.size();
		Prepared[] prepared = new Prepared[n];
		int[][] candidates = new int[n][];
		int[][] patterns = new int[n][];
		Sample sample = sample(n);
		int[][] random = new int[n][];
		AtomicInteger done = new AtomicInteger();
		IntStream.range(0, n).parallel().forEach(r -> {
			Prepared record = linker.preparer().prepare(records.get(r));
			prepared[r] = record;
			candidates[r] = index.candidates(record);
			patterns[r] = patterns(record, candidates[r]);
			random[r] = sample.randomPatterns(record);
			tick(done, 1, n, progress);
		});
		for (int r = 0; r < n; r++) {
			sample.add(patterns[r], random[r]);
			random[r] = null;
		}
		Linker scoring = linker;
		int iterations = 0;
		if (estimate && sample.candidatePairs() > 0) {
			EmTrainer.Estimate estimated = estimate(sample, new PatternCounts(), new PatternCounts());
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
		return new Outcome(List.of(results), chosen.model(), iterations, sample.candidatePairs());
	}

	/** An empty sample for a batch of {@code records} records. */
	public Sample sample(int records) {
		return new Sample(records);
	}

	/**
	 * {@link EmTrainer#trainOnBlockedPairs}: u from the random pairs, m by blocking sessions on the candidate pairs,
	 * the prior over all pairs of records and persons; pairs people decided count with their known status.
	 */
	public EmTrainer.Estimate estimate(Sample sample, PatternCounts matches, PatternCounts nonMatches) {
		double pairs = (double) Math.max(1, sample.records) * Math.max(1, index.size());
		return new EmTrainer().trainOnBlockedPairs(linker.model(), sample.candidates, sample.random, matches,
				nonMatches, pairs);
	}

	/**
	 * What a model is estimated from: the patterns of every record's candidate pairs, and of pairs of a record and a
	 * person taken at random (nearly all non-matches, for u). The random persons of a record depend only on what it
	 * says, so a batch read in pages, or stored in another order, samples exactly as one read at once. Filled in one
	 * thread.
	 */
	public final class Sample {

		private final int records;

		private final int perRecord;

		private final PatternCounts candidates = new PatternCounts();

		private final PatternCounts random = new PatternCounts();

		private Sample(int records) {
			this.records = records;
			this.perRecord = Math.max(1, RANDOM_PAIRS / Math.max(1, records));
		}

		/** Adds records: compared on all cores. */
		public void addAll(List<LinkageRecord> batch) {
			int[][] found = new int[batch.size()][];
			int[][] drawn = new int[batch.size()][];
			IntStream.range(0, batch.size()).parallel().forEach(r -> {
				Prepared record = linker.preparer().prepare(batch.get(r));
				found[r] = patterns(record, index.candidates(record));
				drawn[r] = randomPatterns(record);
			});
			for (int r = 0; r < batch.size(); r++) {
				add(found[r], drawn[r]);
			}
		}

		public long candidatePairs() {
			return candidates.total();
		}

		private int[] randomPatterns(Prepared record) {
			if (index.size() == 0) {
				return new int[0];
			}
			SplittableRandom draw = new SplittableRandom(SEED ^ contentHash(record));
			int[] patterns = new int[perRecord];
			for (int k = 0; k < perRecord; k++) {
				patterns[k] = Comparators.pattern(record, index.person(draw.nextInt(index.size())));
			}
			return patterns;
		}

		private void add(int[] candidatePatterns, int[] randomPatterns) {
			for (int pattern : candidatePatterns) {
				candidates.add(pattern);
			}
			for (int pattern : randomPatterns) {
				random.add(pattern);
			}
		}
	}

	/** A hash of what the record says (not of its id or place), to seed its random pairs. */
	private static long contentHash(Prepared record) {
		long hash = record.tokenSet;
		hash = hash * 0x9E3779B97F4A7C15L + (record.documentKey == null ? 0 : record.documentKey.hashCode());
		hash = hash * 0x9E3779B97F4A7C15L + (record.year * 400L + record.month * 32L + record.day);
		hash = hash * 0x9E3779B97F4A7C15L + record.sex;
		return hash * 0x9E3779B97F4A7C15L + (record.nationality == null ? 0 : record.nationality.hashCode());
	}

	private int[] patterns(Prepared record, int[] found) {
		int[] patterns = new int[found.length];
		for (int c = 0; c < found.length; c++) {
			patterns[c] = Comparators.pattern(record, index.person(found[c]));
		}
		return patterns;
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
