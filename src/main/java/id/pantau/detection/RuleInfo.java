package id.pantau.detection;

import java.util.List;

/**
 * A detection rule as an administrator sees it: figures only, never personal data.
 *
 * @param lastRun the rule's last run, or null when it never ran
 */
public record RuleInfo(String code, boolean enabled, List<Parameter> parameters, RuleRun lastRun) {

	/** A threshold: its value in force, its default and the range it may take. */
	public record Parameter(String name, long value, long defaultValue, long min, long max) {
	}
}
