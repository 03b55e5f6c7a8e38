package id.pantau.followup.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import id.pantau.followup.Severity;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.InvalidInput.Problem;
import id.pantau.platform.Scope;

/**
 * The list's filters, sorting and page, as given (page query or API); {@link #checked()} turns them into values the
 * query can use or refuses them with a message per field. Sort keys come from an allow-list.
 *
 * @param status ACTIVE (open or acknowledged, the default), ALL, or one status
 * @param region a kecamatan or village code within the user's scope
 * @param assignee an officer's user name, an agency, or NONE for alerts not yet assigned
 * @param minAgeDays only alerts open at least this many days
 */
public record AlertFilter(String severity, String rule, String region, String status, String assignee,
		Integer minAgeDays, String sort, Integer page) {

	public static final List<String> SORTS = List.of("severity", "oldest", "newest", "rule", "village");

	public static AlertFilter active() {
		return new AlertFilter(null, null, null, null, null, null, null, 0);
	}

	/** The filter's values, checked. */
	public record Checked(Severity severity, String rule, String region, List<AlertStatus> statuses, String assignee,
			int minAgeDays, String sort, int page) {
	}

	public Checked checked(Scope scope) {
		List<Problem> problems = new ArrayList<>();
		Severity sev = null;
		if (hasText(severity)) {
			sev = Arrays.stream(Severity.values()).filter(s -> s.name().equalsIgnoreCase(severity.strip())).findFirst()
					.orElse(null);
			if (sev == null) {
				problems.add(new Problem("severity", "input.choice"));
			}
		}
		String code = null;
		if (hasText(rule)) {
			code = rule.strip().toUpperCase(Locale.ROOT);
			if (!code.matches("[A-Z_]{2,40}")) {
				problems.add(new Problem("rule", "input.choice"));
			}
		}
		String regionCode = null;
		if (hasText(region)) {
			regionCode = region.strip();
			if (!Scope.isRegionCode(regionCode) || !scope.covers(regionCode)) {
				problems.add(new Problem("region", "followup.filter.region"));
			}
		}
		List<AlertStatus> statuses = AlertStatus.ACTIVE;
		if (hasText(status) && !status.strip().equalsIgnoreCase("ACTIVE")) {
			if (status.strip().equalsIgnoreCase("ALL")) {
				statuses = List.of(AlertStatus.values());
			}
			else {
				statuses = Arrays.stream(AlertStatus.values()).filter(s -> s.name().equalsIgnoreCase(status.strip()))
						.toList();
				if (statuses.isEmpty()) {
					problems.add(new Problem("status", "input.choice"));
				}
			}
		}
		String who = hasText(assignee) ? assignee.strip() : null;
		if (who != null && who.length() > 100) {
			problems.add(new Problem("assignee", "input.tooLong", 100));
		}
		int age = minAgeDays == null ? 0 : minAgeDays;
		if (age < 0 || age > 36_500) {
			problems.add(new Problem("minAgeDays", "followup.filter.age"));
		}
		String order = hasText(sort) ? sort.strip().toLowerCase(Locale.ROOT) : "severity";
		if (!SORTS.contains(order)) {
			problems.add(new Problem("sort", "input.choice"));
		}
		int pageNumber = page == null ? 0 : page;
		if (pageNumber < 0 || pageNumber > 100_000) {
			problems.add(new Problem("page", "followup.filter.page"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Checked(sev, code, regionCode, statuses, who, age, order, pageNumber);
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}
}
