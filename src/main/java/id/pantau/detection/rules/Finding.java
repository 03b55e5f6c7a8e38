package id.pantau.detection.rules;

import java.util.List;
import java.util.Objects;

import id.pantau.detection.RuleCatalogue;
import id.pantau.followup.Evidence;
import id.pantau.followup.Severity;

/**
 * What a rule found: a question for people, never a verdict. The same rule, subject and facts key never open a
 * second alert.
 *
 * @param factsKey identifies the facts (e.g. the permit's end date); new facts about the same subject make a new key
 * @param summaryArgs arguments of the message {@code alert.rule.<CODE>.summary}
 */
public record Finding(String rule, Severity severity, SubjectType subjectType, String subjectKey, Long personId,
		String regionCode, String factsKey, List<String> summaryArgs, List<Evidence> evidence, String legalReference) {

	public Finding {
		Objects.requireNonNull(rule);
		Objects.requireNonNull(severity);
		Objects.requireNonNull(subjectType);
		Objects.requireNonNull(subjectKey);
		Objects.requireNonNull(factsKey);
		RuleCatalogue.find(rule).filter(catalogued -> !catalogued.takes(severity.name())).ifPresent(catalogued -> {
			throw new IllegalArgumentException(rule + " raises no " + severity + " alert: " + catalogued.severities());
		});
		summaryArgs = List.copyOf(summaryArgs);
		evidence = List.copyOf(evidence);
	}

	/** A finding about a person. */
	public static Finding aboutPerson(String rule, Severity severity, long personId, String regionCode,
			String factsKey, List<String> summaryArgs, List<Evidence> evidence, String legalReference) {
		return new Finding(rule, severity, SubjectType.PERSON, Long.toString(personId), personId, regionCode, factsKey,
				summaryArgs, evidence, legalReference);
	}
}
