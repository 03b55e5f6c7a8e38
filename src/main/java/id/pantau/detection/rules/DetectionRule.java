package id.pantau.detection.rules;

import java.util.List;

/**
 * One rule of the early-detection catalogue. The selection is set-based SQL over the registry, reports and crossings;
 * the judgement (grading, thresholds, date arithmetic) is plain Java each rule's unit test covers.
 */
public interface DetectionRule {

	/** The rule's code, e.g. {@code OVERSTAY}; also the key of its messages {@code alert.rule.<CODE>.*}. */
	String code();

	/** Its thresholds with their defaults and ranges. */
	List<ParameterSpec> parameters();

	/** Everything the rule finds now (for the context's persons only in an incremental run). */
	List<Finding> evaluate(RuleContext context);

	/** Whether the rule can look at some persons only; otherwise an incremental run evaluates it in full. */
	default boolean personScoped() {
		return true;
	}

	/** The agency a new alert of this rule is assigned to, or null when people assign it. */
	default String assignedAgency() {
		return null;
	}

	/** What changed when an open alert's facts are no longer found, and whether that resolves it. */
	default Resolution whenGone(RuleContext context, GoneAlert alert) {
		return Resolution.closes("factsGone", context.today());
	}
}
