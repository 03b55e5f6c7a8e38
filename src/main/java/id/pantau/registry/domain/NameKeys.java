package id.pantau.registry.domain;

import java.time.Instant;

import id.pantau.registry.NameSource;
import id.pantau.registry.names.DocumentNumbers;
import id.pantau.registry.names.NameNormalizer;
import id.pantau.registry.names.NormalizedName;

/** The normalised forms under which names and document numbers are stored and searched. */
final class NameKeys {

	private NameKeys() {
	}

	static PersonName entry(String fullName, NameSource source, boolean primary, Instant now) {
		return entry(fullName, source, null, primary, now);
	}

	static PersonName entry(String fullName, NameSource source, String sourceRef, boolean primary, Instant now) {
		String display = fullName.trim().replaceAll("\\s+", " ");
		return new PersonName(display, source, primary, searchKey(display), phoneticKey(display), now, sourceRef);
	}

	static String searchKey(String name) {
		return NameNormalizer.normalize(name).sortedKey();
	}

	static String phoneticKey(String name) {
		NormalizedName normalized = NameNormalizer.normalize(name);
		return normalized.phoneticKey();
	}

	static String documentNumber(String number) {
		return DocumentNumbers.normalize(number);
	}

	static String documentKey(String number) {
		return DocumentNumbers.searchKey(number);
	}
}
