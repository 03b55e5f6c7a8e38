package id.pantau.matching.linkage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A record compared with one person, explained field by field.
 *
 * @param recordId the record's id
 * @param personId the person's id
 * @param priorWeight {@code log2(prior/(1-prior))}, in bits
 * @param contributions one per {@link Field}, in the order of {@link Field#values()}
 * @param matchWeight the prior weight plus every contribution's weight, in bits
 * @param probability the match probability, {@code 1/(1+2^-matchWeight)}
 * @param decision what the thresholds make of the probability for this pair alone (a {@link LinkResult} may lower a
 * MATCH to REVIEW when namesakes score alike)
 * @param pattern the levels of all fields packed as {@link Patterns} does, for counting in {@link PatternCounts}
 */
public record Comparison(String recordId, String personId, double priorWeight, List<Contribution> contributions,
		double matchWeight, double probability, Decision decision, int pattern) {

	public Comparison {
		contributions = List.copyOf(contributions);
	}

	public Contribution contribution(Field field) {
		return contributions.get(field.ordinal());
	}

	/** One line: the prior, then each field, e.g. {@code prior -4.25; name EXACT +3.91 [...]; ...}. */
	public String explain() {
		return String.format(java.util.Locale.ROOT, "prior %+.2f; ", priorWeight)
				+ contributions.stream().map(Contribution::describe).collect(Collectors.joining("; "))
				+ String.format(java.util.Locale.ROOT, "; total %+.2f", matchWeight);
	}
}
