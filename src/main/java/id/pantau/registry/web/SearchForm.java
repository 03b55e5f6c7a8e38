package id.pantau.registry.web;

import id.pantau.registry.Category;
import id.pantau.registry.PersonStatus;
import id.pantau.registry.domain.PersonQueries;

/** The search page's query string: q, kewarganegaraan, wilayah, kategori, status, izinBerakhir, urut, halaman. */
record SearchForm(String q, String kewarganegaraan, String wilayah, Category kategori, PersonStatus status,
		Integer izinBerakhir, PersonQueries.Sort urut, Integer halaman) {

	PersonQueries.Filter filter() {
		return new PersonQueries.Filter(q, blankToNull(kewarganegaraan), blankToNull(wilayah), kategori, status,
				izinBerakhir);
	}

	PersonQueries.Sort sortOrDefault() {
		if (urut != null) {
			return urut;
		}
		return q != null && !q.isBlank() ? PersonQueries.Sort.RELEVANCE : PersonQueries.Sort.NAME;
	}

	int pageOrZero() {
		return halaman == null ? 0 : Math.max(0, halaman);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
