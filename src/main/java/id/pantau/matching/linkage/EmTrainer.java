package id.pantau.matching.linkage;

/**
 * Estimates m, u and the prior by expectation-maximisation (Fellegi-Sunter with conditional independence of the
 * fields) from the patterns of candidate pairs whose status is unknown, together with pairs a person has confirmed as
 * matches or rejected as non-matches, which count with their known status in every round. The starting model's
 * probabilities also act as a weak prior ({@value #PSEUDO_PAIRS} pseudo-pairs per field), so a level no pair showed
 * keeps a sensible weight. Term frequencies take no part: they adjust scores afterwards, as in Splink. On candidate
 * pairs found by blocking, estimate u from random pairs first and keep it fixed (see
 * {@link #train(LinkageModel, PatternCounts, PatternCounts, PatternCounts, boolean)}).
 */
public final class EmTrainer {

	static final double PSEUDO_PAIRS = 5;

	private static final Field[] FIELDS = Field.values();

	private final int maxIterations;

	private final double tolerance;

	public EmTrainer() {
		this(200, 1e-6);
	}

	public EmTrainer(int maxIterations, double tolerance) {
		this.maxIterations = maxIterations;
		this.tolerance = tolerance;
	}

	/** What a run gives: the model, how many rounds it took, and whether it settled within the tolerance. */
	public record Estimate(LinkageModel model, int iterations, boolean converged) {
	}

	/**
	 * @param start the starting point and the prior (its thresholds are kept)
	 * @param unlabelled patterns of candidate pairs whose status is unknown
	 * @param matches patterns of pairs confirmed as matches (may be empty)
	 * @param nonMatches patterns of pairs rejected (may be empty)
	 */
	public Estimate train(LinkageModel start, PatternCounts unlabelled, PatternCounts matches,
			PatternCounts nonMatches) {
		return train(start, unlabelled, matches, nonMatches, false);
	}

	/**
	 * As {@link #train(LinkageModel, PatternCounts, PatternCounts, PatternCounts)}; with {@code fixU}, u stays as in
	 * {@code start} (estimated from random pairs with {@link LinkageModel#withU(PatternCounts)}) and only m and the
	 * prior are estimated: the usual way on blocked pairs, where namesakes would otherwise pass for matches.
	 */
	public Estimate train(LinkageModel start, PatternCounts unlabelled, PatternCounts matches,
			PatternCounts nonMatches, boolean fixU) {
		return train(start, unlabelled, matches, nonMatches, fixU, java.util.EnumSet.allOf(Field.class));
	}

	/**
	 * As above, with only {@code fields} taking part: the others keep their m and u from {@code start} and do not count
	 * in the posterior. For pairs found by a blocking rule, leave out the fields the rule makes agree (as Splink
	 * does): among pairs that share a document number, the document says nothing more, but the pairs tell m of the
	 * name and the birth date.
	 */
	public Estimate train(LinkageModel start, PatternCounts unlabelled, PatternCounts matches,
			PatternCounts nonMatches, boolean fixU, java.util.Set<Field> fields) {
		double[][] m = start.mArray();
		double[][] u = start.uArray();
		double prior = start.prior();
		LinkageModel model = start;
		for (int iteration = 1; iteration <= maxIterations; iteration++) {
			double[][] mSum = pseudo(start.mArray());
			double[][] uSum = pseudo(start.uArray());
			double matched = 0;
			double unlabelledTotal = 0;
			for (int p = 0; p < Patterns.COUNT; p++) {
				long count = unlabelled.count(p);
				long known = matches.count(p);
				long rejected = nonMatches.count(p);
				if (count == 0 && known == 0 && rejected == 0) {
					continue;
				}
				int[] levels = Patterns.decode(p);
				double posterior = count == 0 ? 0 : LinkageModel.probability(weight(model, levels, fields));
				double asMatch = count * posterior + known;
				double asNonMatch = count * (1 - posterior) + rejected;
				matched += count * posterior;
				unlabelledTotal += count;
				for (int f = 0; f < FIELDS.length; f++) {
					if (levels[f] != FIELDS[f].missing()) {
						mSum[f][levels[f]] += asMatch;
						uSum[f][levels[f]] += asNonMatch;
					}
				}
			}
			double newPrior = unlabelledTotal == 0 ? prior
					: Math.min(0.999, Math.max(1e-6, matched / unlabelledTotal));
			double[][] startM = start.mArray();
			double[][] startU = start.uArray();
			for (Field field : FIELDS) {
				if (!fields.contains(field)) {
					mSum[field.ordinal()] = startM[field.ordinal()];
					uSum[field.ordinal()] = startU[field.ordinal()];
				}
			}
			LinkageModel next = LinkageModel.of(newPrior, mSum, fixU ? startU : uSum, start.thresholds());
			double change = Math.max(Math.abs(newPrior - prior),
					Math.max(maxChange(m, next.mArray()), maxChange(u, next.uArray())));
			m = next.mArray();
			u = next.uArray();
			prior = newPrior;
			model = next;
			if (change < tolerance) {
				return new Estimate(model, iteration, true);
			}
		}
		return new Estimate(model, maxIterations, false);
	}

	private static double weight(LinkageModel model, int[] levels, java.util.Set<Field> fields) {
		double sum = model.priorWeight();
		for (Field field : fields) {
			sum += model.weight(field, levels[field.ordinal()]);
		}
		return sum;
	}

	private static double[][] pseudo(double[][] probabilities) {
		double[][] sums = new double[probabilities.length][];
		for (int f = 0; f < probabilities.length; f++) {
			sums[f] = new double[probabilities[f].length];
			for (int l = 0; l < sums[f].length; l++) {
				sums[f][l] = PSEUDO_PAIRS * probabilities[f][l];
			}
		}
		return sums;
	}

	private static double maxChange(double[][] a, double[][] b) {
		double max = 0;
		for (int f = 0; f < a.length; f++) {
			for (int l = 0; l < a[f].length; l++) {
				max = Math.max(max, Math.abs(a[f][l] - b[f][l]));
			}
		}
		return max;
	}
}
