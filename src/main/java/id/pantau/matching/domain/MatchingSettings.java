package id.pantau.matching.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pantau.matching.*}
 *
 * @param matchThreshold the match probability from which a record is linked without asking anyone
 * @param reviewThreshold the match probability from which the best candidate goes to the review queue; below it a new
 * person is proposed
 * @param namesakeMargin in bits of match weight: a second person scoring this close to the best sends the record to
 * review, not to either of them
 * @param candidatesShown how many persons a case keeps for the review screen
 * @param reestimateEvery how many decisions by people lead to a new estimate of the model
 * @param minimumPairs the fewest compared pairs from which the model is estimated again
 * @param labelsToRefine the fewest pairs decided by people from which they refine the estimate of each batch
 */
@ConfigurationProperties("pantau.matching")
public record MatchingSettings(@DefaultValue("0.99") double matchThreshold, @DefaultValue("0.5") double reviewThreshold,
		@DefaultValue("5") double namesakeMargin, @DefaultValue("5") int candidatesShown,
		@DefaultValue("10") int reestimateEvery, @DefaultValue("1000") int minimumPairs,
		@DefaultValue("100") int labelsToRefine) {
}
