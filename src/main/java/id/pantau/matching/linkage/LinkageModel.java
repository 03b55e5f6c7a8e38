package id.pantau.matching.linkage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Fellegi-Sunter parameters: the prior probability that a candidate pair is a match, and for every field and
 * level (but {@code MISSING}, whose weight is 0) m, the probability of the level among matches, and u, among
 * non-matches, plus the {@link Thresholds}. The weight of a level is {@code log2(m/u)}; the match weight of a pair is
 * {@code log2(prior/(1-prior))} plus its levels' weights plus the term-frequency adjustments. Immutable.
 * <p>
 * Estimated by {@link EmTrainer}; saved and loaded with {@link #toProperties()} and {@link #fromProperties(Map)}
 * (keys such as {@code prior}, {@code name.EXACT.m}, {@code name.EXACT.u}, {@code threshold.match}).
 */
public final class LinkageModel {

	/** The smallest probability kept, so that no level weighs infinitely. */
	static final double FLOOR = 1e-7;

	private static final Field[] FIELDS = Field.values();

	private final double prior;

	private final double[][] m;

	private final double[][] u;

	private final Thresholds thresholds;

	private final double[] patternWeights;

	private LinkageModel(double prior, double[][] m, double[][] u, Thresholds thresholds) {
		if (!(prior > 0 && prior < 1)) {
			throw new IllegalArgumentException("The prior must lie between 0 and 1, got " + prior);
		}
		this.prior = prior;
		this.m = normalise(m);
		this.u = normalise(u);
		this.thresholds = thresholds;
		this.patternWeights = new double[Patterns.COUNT];
		for (int p = 0; p < Patterns.COUNT; p++) {
			int[] levels = Patterns.decode(p);
			double sum = 0;
			for (int f = 0; f < FIELDS.length; f++) {
				sum += weight(FIELDS[f], levels[f]);
			}
			patternWeights[p] = sum;
		}
	}

	/**
	 * Parameters that work before any estimate: m as seen on village-style records, u as among pairs taken at random,
	 * and a prior of one candidate pair in twenty a match.
	 */
	public static LinkageModel defaults() {
		double[][] m = new double[FIELDS.length][];
		double[][] u = new double[FIELDS.length][];
		m[0] = new double[] { 0.45, 0.15, 0.12, 0.14, 0.10, 0.04 };
		u[0] = new double[] { 0.0002, 0.0001, 0.0002, 0.0003, 0.08, 0.9192 };
		m[1] = new double[] { 0.75, 0.08, 0.07, 0.10 };
		u[1] = new double[] { 0.00001, 0.000005, 0.0001, 0.999885 };
		m[2] = new double[] { 0.55, 0.05, 0.08, 0.20, 0.08, 0.04 };
		u[2] = new double[] { 0.0001, 0.00001, 0.003, 0.02, 0.04, 0.93689 };
		m[3] = new double[] { 0.90, 0.06, 0.04 };
		u[3] = new double[] { 0.30, 0.20, 0.50 };
		m[4] = new double[] { 0.97, 0.03 };
		u[4] = new double[] { 0.5, 0.5 };
		return new LinkageModel(0.05, m, u, Thresholds.DEFAULT);
	}

	/**
	 * @param m per field (in the order of {@link Field#values()}) the probabilities of its levels but MISSING among
	 * matches; normalised to sum to 1
	 * @param u likewise among non-matches
	 */
	public static LinkageModel of(double prior, double[][] m, double[][] u, Thresholds thresholds) {
		return new LinkageModel(prior, m, u, thresholds);
	}

	public double prior() {
		return prior;
	}

	public Thresholds thresholds() {
		return thresholds;
	}

	/**
	 * The same model with u estimated from pairs taken at random (nearly all non-matches), as Splink does: u then
	 * stays fixed while EM estimates m, which keeps EM from taking namesakes for matches. Each field's levels are
	 * counted over the pairs where it is not missing, with half a pair added to every level.
	 */
	public LinkageModel withU(PatternCounts randomPairs) {
		double[][] counted = new double[FIELDS.length][];
		for (int f = 0; f < FIELDS.length; f++) {
			counted[f] = new double[FIELDS[f].missing()];
			java.util.Arrays.fill(counted[f], 0.5);
		}
		for (int p = 0; p < Patterns.COUNT; p++) {
			long count = randomPairs.count(p);
			if (count == 0) {
				continue;
			}
			int[] levels = Patterns.decode(p);
			for (int f = 0; f < FIELDS.length; f++) {
				if (levels[f] != FIELDS[f].missing()) {
					counted[f][levels[f]] += count;
				}
			}
		}
		return new LinkageModel(prior, m, counted, thresholds);
	}

	/**
	 * As {@link #withU(PatternCounts)}, but each random pair counted by this model's probability that it is a
	 * non-match. Pairs taken at random among records and persons hold the true matches in the share of the prior; for
	 * a level that nearly only matches show (the same document number, the same full birth date) those few matches are
	 * most of the count, and u taken raw would make the level weigh no more than about {@code -log2(prior)}: just
	 * enough to cancel the prior, never enough to decide. Counting every pair as a non-match by its posterior takes
	 * them out.
	 */
	public LinkageModel withNonMatchU(PatternCounts randomPairs) {
		double[][] counted = new double[FIELDS.length][];
		for (int f = 0; f < FIELDS.length; f++) {
			counted[f] = new double[FIELDS[f].missing()];
			java.util.Arrays.fill(counted[f], 0.5);
		}
		for (int p = 0; p < Patterns.COUNT; p++) {
			long count = randomPairs.count(p);
			if (count == 0) {
				continue;
			}
			double nonMatch = count * (1 - probability(patternWeight(p)));
			int[] levels = Patterns.decode(p);
			for (int f = 0; f < FIELDS.length; f++) {
				if (levels[f] != FIELDS[f].missing()) {
					counted[f][levels[f]] += nonMatch;
				}
			}
		}
		return new LinkageModel(prior, m, counted, thresholds);
	}

	/** The same model with another prior. */
	public LinkageModel withPrior(double prior) {
		return new LinkageModel(prior, m, u, thresholds);
	}

	/** The same model with {@code field}'s m taken from {@code other}. */
	LinkageModel withM(Field field, LinkageModel other) {
		double[][] copy = mArray();
		copy[field.ordinal()] = other.m[field.ordinal()].clone();
		return new LinkageModel(prior, copy, u, thresholds);
	}

	public LinkageModel withThresholds(Thresholds thresholds) {
		return new LinkageModel(prior, m, u, thresholds);
	}

	/** The probability of {@code level} among matches (0 for MISSING, which is not modelled). */
	public double m(Field field, int level) {
		return level == field.missing() ? 0 : m[field.ordinal()][level];
	}

	public double u(Field field, int level) {
		return level == field.missing() ? 0 : u[field.ordinal()][level];
	}

	/** {@code log2(m/u)}, 0 for MISSING. */
	public double weight(Field field, int level) {
		return level == field.missing() ? 0 : log2(m[field.ordinal()][level] / u[field.ordinal()][level]);
	}

	/** {@code log2(prior / (1 - prior))}. */
	public double priorWeight() {
		return log2(prior / (1 - prior));
	}

	/** The prior weight plus the weights of the pattern's levels, without term-frequency adjustment. */
	public double patternWeight(int pattern) {
		return priorWeight() + patternWeights[pattern];
	}

	double[][] mArray() {
		return copy(m);
	}

	double[][] uArray() {
		return copy(u);
	}

	public static double probability(double matchWeight) {
		return 1 / (1 + Math.pow(2, -matchWeight));
	}

	static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

	public Map<String, String> toProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("prior", Double.toString(prior));
		properties.put("threshold.match", Double.toString(thresholds.match()));
		properties.put("threshold.review", Double.toString(thresholds.review()));
		properties.put("threshold.namesake_margin", Double.toString(thresholds.namesakeMargin()));
		for (Field field : FIELDS) {
			for (int level = 0; level < field.missing(); level++) {
				String key = field.key() + "." + field.levels().get(level);
				properties.put(key + ".m", Double.toString(m[field.ordinal()][level]));
				properties.put(key + ".u", Double.toString(u[field.ordinal()][level]));
			}
		}
		return properties;
	}

	/**
	 * Reads what {@link #toProperties()} wrote. A key that is absent keeps its value from {@link #defaults()}.
	 *
	 * @throws IllegalArgumentException for a value that is not a number, or an out-of-range one
	 */
	public static LinkageModel fromProperties(Map<String, String> properties) {
		LinkageModel base = defaults();
		double[][] m = base.mArray();
		double[][] u = base.uArray();
		for (Field field : FIELDS) {
			for (int level = 0; level < field.missing(); level++) {
				String key = field.key() + "." + field.levels().get(level);
				m[field.ordinal()][level] = number(properties, key + ".m", m[field.ordinal()][level]);
				u[field.ordinal()][level] = number(properties, key + ".u", u[field.ordinal()][level]);
			}
		}
		Thresholds thresholds = new Thresholds(number(properties, "threshold.match", base.thresholds.match()),
				number(properties, "threshold.review", base.thresholds.review()),
				number(properties, "threshold.namesake_margin", base.thresholds.namesakeMargin()));
		return new LinkageModel(number(properties, "prior", base.prior), m, u, thresholds);
	}

	private static double number(Map<String, String> properties, String key, double fallback) {
		String value = properties.get(key);
		if (value == null) {
			return fallback;
		}
		try {
			double number = Double.parseDouble(value.trim());
			if (!(number >= 0) || Double.isInfinite(number)) {
				throw new IllegalArgumentException(key + " = " + value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(key + " = " + value);
		}
	}

	private static double[][] normalise(double[][] probabilities) {
		if (probabilities.length != FIELDS.length) {
			throw new IllegalArgumentException("One array per field expected");
		}
		double[][] out = new double[FIELDS.length][];
		for (int f = 0; f < FIELDS.length; f++) {
			if (probabilities[f].length != FIELDS[f].missing()) {
				throw new IllegalArgumentException(FIELDS[f] + ": one probability per level but MISSING expected");
			}
			double sum = 0;
			out[f] = new double[probabilities[f].length];
			for (int l = 0; l < out[f].length; l++) {
				out[f][l] = Math.max(FLOOR, probabilities[f][l]);
				sum += out[f][l];
			}
			for (int l = 0; l < out[f].length; l++) {
				out[f][l] /= sum;
			}
		}
		return out;
	}

	private static double[][] copy(double[][] array) {
		return Arrays.stream(array).map(double[]::clone).toArray(double[][]::new);
	}

	@Override
	public String toString() {
		return toProperties().toString();
	}
}
