package id.pantau.detection;

import java.time.Instant;

/**
 * One run of one rule: why it ran and what it found.
 *
 * @param trigger e.g. {@code NIGHTLY}, {@code MANUAL}, {@code CROSSINGS_MATCHED}, {@code PERSONS_CHANGED}
 * @param error a short description when the run failed, else null
 */
public record RuleRun(String rule, String trigger, Instant startedAt, Instant finishedAt, Integer found,
		Integer opened, Integer resolved, String error) {
}
