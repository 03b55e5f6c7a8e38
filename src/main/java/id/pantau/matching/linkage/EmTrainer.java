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

	/** Fewer pairs than this in a session teach nothing: the fields keep the m they had. */
	static final int MIN_SESSION_PAIRS = 50;

	/**
	 * Splink's recipe for pairs found by blocking, which are mostly namesakes and only a few matches:
	 * <ol>
	 * <li>u from pairs taken at random among all pairs ({@code randomPairs}), kept fixed;</li>
	 * <li>m by EM in two sessions, each on the candidate pairs one blocking rule would find, without the fields that
	 * rule makes agree: pairs sharing a document number (which tell m of name, birth date, nationality and sex), and
	 * pairs sharing nationality and full birth date (which tell m of the document);</li>
	 * <li>the prior by EM over all candidate pairs with m and u fixed, brought back to the share of matches among all
	 * {@code allPairs} pairs (as u is): the expected number of matches over all pairs;</li>
	 * <li>then u again from the random pairs, each counted by its probability of being a non-match (see
	 * {@link LinkageModel#withNonMatchU(PatternCounts)}), and m and the prior once more with that u.</li>
	 * </ol>
	 * Confirmed and rejected pairs count with their known status in the sessions they belong to and in the prior.
	 *
	 * @param start the starting m (and thresholds, which are kept)
	 * @param candidates patterns of the candidate pairs whose status is unknown
	 * @param randomPairs patterns of pairs taken at random among all pairs of records and persons
	 * @param matches patterns of pairs confirmed as matches (may be empty)
	 * @param nonMatches patterns of pairs rejected (may be empty)
	 * @param allPairs how many pairs there are in all (records times persons)
	 */
	public Estimate trainOnBlockedPairs(LinkageModel start, PatternCounts candidates, PatternCounts randomPairs,
			PatternCounts matches, PatternCounts nonMatches, double allPairs) {
		LinkageModel model = start.withU(randomPairs);
		int iterations = 0;
		boolean converged = true;
		for (int round = 0; round < 2; round++) {
			Estimate sessions = sessions(model, candidates, matches, nonMatches);
			iterations += sessions.iterations();
			converged &= sessions.converged();
			model = sessions.model();
			model = model.withPrior(estimatePrior(model, candidates, matches, allPairs));
			if (round == 0) {
				model = model.withNonMatchU(randomPairs);
			}
		}
		return new Estimate(model, iterations, converged);
	}

	private Estimate sessions(LinkageModel start, PatternCounts candidates, PatternCounts matches,
			PatternCounts nonMatches) {
		java.util.function.IntPredicate sameDocument = pattern -> {
			int document = Patterns.level(pattern, Field.DOCUMENT);
			return document == Comparators.DOC_EXACT || document == Comparators.DOC_OCR;
		};
		java.util.function.IntPredicate sameBirth = pattern -> {
			int birth = Patterns.level(pattern, Field.BIRTH_DATE);
			return (birth == Comparators.DATE_EXACT || birth == Comparators.DATE_SWAPPED)
					&& Patterns.level(pattern, Field.NATIONALITY) == Comparators.NAT_EXACT;
		};
		LinkageModel model = start;
		int iterations = 0;
		boolean converged = true;
		java.util.Set<Field> byDocumentFields = java.util.EnumSet.of(Field.NAME, Field.BIRTH_DATE, Field.NATIONALITY,
				Field.SEX);
		PatternCounts documentPairs = only(candidates, sameDocument);
		if (documentPairs.total() >= MIN_SESSION_PAIRS) {
			Estimate byDocument = train(start, documentPairs, only(matches, sameDocument),
					only(nonMatches, sameDocument), true, byDocumentFields);
			iterations += byDocument.iterations();
			converged &= byDocument.converged();
			for (Field field : byDocumentFields) {
				model = model.withM(field, byDocument.model());
			}
		}
		PatternCounts birthPairs = only(candidates, sameBirth);
		if (birthPairs.total() >= MIN_SESSION_PAIRS) {
			Estimate byBirth = train(model, birthPairs, only(matches, sameBirth), only(nonMatches, sameBirth), true,
					java.util.EnumSet.of(Field.DOCUMENT, Field.SEX));
			iterations += byBirth.iterations();
			converged &= byBirth.converged();
			model = model.withM(Field.DOCUMENT, byBirth.model());
		}
		return new Estimate(model, iterations, converged);
	}

	private static PatternCounts only(PatternCounts counts, java.util.function.IntPredicate keep) {
		PatternCounts kept = new PatternCounts();
		if (counts.total() == 0) {
			return kept;
		}
		for (int p = 0; p < Patterns.COUNT; p++) {
			long count = counts.count(p);
			if (count > 0 && keep.test(p)) {
				kept.add(p, count);
			}
		}
		return kept;
	}

	/**
	 * The share of matches among all pairs, by EM with m and u fixed: the pairs that are no candidates count as
	 * non-matches, confirmed ones as matches.
	 */
	static double estimatePrior(LinkageModel model, PatternCounts candidates, PatternCounts matches,
			double allPairs) {
		double lambda = Math.max(1e-12, Math.min(0.5, 1 / Math.max(2, allPairs)));
		for (int round = 0; round < 200; round++) {
			LinkageModel current = model.withPrior(lambda);
			double matched = matches.total();
			for (int p = 0; p < Patterns.COUNT; p++) {
				long count = candidates.count(p);
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
