package id.pantau.detection;

/**
 * A run of a detection rule opened new alerts or resolved old ones (closed them because the facts changed).
 *
 * @param rule the rule's code, e.g. {@code OVERSTAY}
 */
public record AlertsRaised(String rule, int opened, int resolved) {
}
