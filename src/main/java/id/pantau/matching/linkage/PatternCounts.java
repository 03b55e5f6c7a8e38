package id.pantau.matching.linkage;

/**
 * How many pairs showed each comparison pattern: what {@link EmTrainer} learns from. Not thread-safe; merge counts
 * made on several threads with {@link #addAll(PatternCounts)}.
 */
public final class PatternCounts {

	private final long[] counts = new long[Patterns.COUNT];

	private long total;

	public PatternCounts add(int pattern) {
		return add(pattern, 1);
	}

	public PatternCounts add(int pattern, long count) {
		counts[pattern] += count;
		total += count;
		return this;
	}

	public PatternCounts add(Comparison comparison) {
		return add(comparison.pattern());
	}

	public PatternCounts addAll(PatternCounts other) {
		for (int p = 0; p < counts.length; p++) {
			counts[p] += other.counts[p];
		}
		total += other.total;
		return this;
	}

	public long count(int pattern) {
		return counts[pattern];
	}

	public long total() {
		return total;
	}
}
