package id.pantau.registry.web;

import id.pantau.registry.Category;
import id.pantau.registry.PersonStatus;
import id.pantau.registry.domain.PersonQueries;

/** The search page's query string: q, nationality, region, category, status, permitEndingWithinDays, sort, page. */
record SearchForm(String q, String nationality, String region, Category category, PersonStatus status,
		Integer permitEndingWithinDays, PersonQueries.Sort sort, Integer page) {

	PersonQueries.Filter filter() {
		return new PersonQueries.Filter(q, blankToNull(nationality), blankToNull(region), category, status,
				permitEndingWithinDays);
	}

	PersonQueries.Sort sortOrDefault() {
		if (sort != null) {
			return sort;
		}
		return q != null && !q.isBlank() ? PersonQueries.Sort.RELEVANCE : PersonQueries.Sort.NAME;
	}

	int pageOrZero() {
		return page == null ? 0 : Math.max(0, page);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
