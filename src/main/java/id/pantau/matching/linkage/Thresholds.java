package id.pantau.matching.linkage;

/**
 * When a score becomes a decision. Settings, never constants in code.
 *
 * @param match the match probability from which the best candidate is linked (MATCH)
 * @param review the match probability from which the best candidate goes to review (REVIEW); below it, NONE
 * @param namesakeMargin in bits of match weight: when the second-best candidate scores within this margin of the
 * best and at least {@code review}, nothing separates them enough and a MATCH becomes REVIEW
 */
public record Thresholds(double match, double review, double namesakeMargin) {

	public static final Thresholds DEFAULT = new Thresholds(0.99, 0.5, 5);

	public Thresholds {
		if (!(review > 0 && review <= match && match < 1)) {
			throw new IllegalArgumentException("Need 0 < review <= match < 1, got review " + review + ", match " + match);
		}
		if (!(namesakeMargin >= 0)) {
			throw new IllegalArgumentException("The namesake margin must not be negative");
		}
	}

	public Decision decide(double probability) {
		return probability >= match ? Decision.MATCH : probability >= review ? Decision.REVIEW : Decision.NONE;
	}
}
