package id.pantau.matching.linkage;

import java.util.Optional;

/**
 * The decision for one record among its candidates.
 *
 * @param recordId the record's id
 * @param best the best-scoring candidate, or null when there was none
 * @param second the second best, or null
 * @param decision MATCH, REVIEW or NONE for {@code best}; MATCH only with strong evidence (the same document, or the
 * complete birth date with the name)
 * @param namesakes true when the MATCH of {@code best} was lowered to REVIEW because {@code second} scores within the
 * namesake margin
 */
public record LinkResult(String recordId, Comparison best, Comparison second, Decision decision, boolean namesakes) {

	public Optional<Comparison> bestCandidate() {
		return Optional.ofNullable(best);
	}

	/**
	 * Whether a pair (by its comparison pattern) agrees on something only one person has: the same document, or the
	 * complete birth date with the name. No pair without it is linked automatically.
	 */
	public static boolean strongEvidence(int pattern) {
		return Comparators.strongEvidence(pattern);
	}

	/** A MATCH without strong evidence (see {@link Comparators#strongEvidence}) is only worth a REVIEW. */
	static Decision gated(Decision decision, int pattern) {
		return decision == Decision.MATCH && !Comparators.strongEvidence(pattern) ? Decision.REVIEW : decision;
	}

	/** The same result with a MATCH lowered to REVIEW: for a model that rests on no data. */
	public LinkResult withoutAutomaticMatch() {
		return decision == Decision.MATCH ? new LinkResult(recordId, best, second, Decision.REVIEW, namesakes) : this;
	}

	/** Decides from the best two candidates by the thresholds; a MATCH needs strong evidence. */
	public static LinkResult of(String recordId, Comparison best, Comparison second, Thresholds thresholds) {
		if (best == null) {
			return new LinkResult(recordId, null, null, Decision.NONE, false);
		}
		Decision decision = thresholds.decide(best.probability());
		boolean namesakes = decision == Decision.MATCH && second != null
				&& second.probability() >= thresholds.review()
				&& best.matchWeight() - second.matchWeight() < thresholds.namesakeMargin();
		return new LinkResult(recordId, best, second, namesakes ? Decision.REVIEW : gated(decision, best.pattern()),
				namesakes);
	}
}
