package id.pantau.reports.domain;

import java.util.Map;

/**
 * Kesbangpol's conclusion on a forwarded report.
 *
 * @param personId the registry person, for KNOWN_IN_ORDER (required) and POSSIBLE_VIOLATION (optional)
 * @param category the new person's category, for NEW_PERSON_ADDED
 * @param duplicateOf the report this one repeats, for DUPLICATE
 * @param views each TIMPORA agency's view, by agency
 */
public record ValidationForm(String outcome, Long personId, String category, Long duplicateOf, String note,
		Map<String, String> views) {
}
