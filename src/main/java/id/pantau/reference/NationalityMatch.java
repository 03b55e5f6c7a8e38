package id.pantau.reference;

import java.util.List;

/**
 * What a nationality typed or read from a document stands for.
 *
 * @param alpha3 the country's code when the text named exactly one country (after folding case, accents, spaces and
 * punctuation), else {@code null}: a near miss is never taken for a match
 * @param suggestions when {@code alpha3} is null, up to three countries whose codes, names or usual variants come
 * closest to the text, closest first, for a message such as "Kewarganegaraan 'Burmaa' tidak dikenal. Mungkin: Myanmar
 * (MMR)"; empty when resolved or when nothing is close
 */
public record NationalityMatch(String alpha3, List<Country> suggestions) {

	public NationalityMatch {
		suggestions = List.copyOf(suggestions);
	}

	public boolean isResolved() {
		return alpha3 != null;
	}
}
