package id.pantau.matching.linkage;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import id.pantau.reference.NationalityMatch;
import id.pantau.reference.NationalityResolver;
import id.pantau.registry.BirthDate;
import id.pantau.registry.names.DocumentNumbers;
import id.pantau.registry.names.NameNormalizer;
import id.pantau.registry.names.NormalizedName;

/**
 * Folds {@link LinkageRecord}s into {@link Prepared} ones. Thread-safe: the caches of tokens, sounds and nationalities
 * are concurrent, and share one string instance per distinct token among a million persons.
 */
final class Preparer {

	/** A name's first tokens only: longer names are noise, and the pairs of tokens grow with the square. */
	static final int MAX_TOKENS = 6;

	private final NationalityResolver nationalities;

	private final ConcurrentHashMap<String, String> tokens = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, String> sounds = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, String> resolved = new ConcurrentHashMap<>();

	Preparer(NationalityResolver nationalities) {
		this.nationalities = nationalities;
	}

	Prepared prepare(LinkageRecord record) {
		NormalizedName name = NameNormalizer.normalize(record.fullName());
		List<String> written = name.tokens();
		int count = Math.min(MAX_TOKENS, written.size());
		String[] folded = count == 0 ? Prepared.NO_TOKENS : new String[count];
		String[] heard = count == 0 ? Prepared.NO_TOKENS : new String[count];
		for (int i = 0; i < count; i++) {
			String token = written.get(i);
			String shared = tokens.putIfAbsent(token, token);
			folded[i] = shared == null ? token : shared;
			heard[i] = sounds.computeIfAbsent(folded[i], Sounds::of);
		}
		String document = DocumentNumbers.normalize(record.documentNumber());
		BirthDate birth = record.birthDate();
		int year = birth.year() == null ? 0 : birth.year();
		// 1 January is what many papers print when the day is unknown (Myanmar, Cambodia, Afghanistan): the year only
		boolean placeholder = birth.date() != null && birth.date().getMonthValue() == 1
				&& birth.date().getDayOfMonth() == 1;
		int month = birth.date() == null || placeholder ? 0 : birth.date().getMonthValue();
		int day = birth.date() == null || placeholder ? 0 : birth.date().getDayOfMonth();
		return new Prepared(record.id(), folded, heard, document, Comparators.documentKey(document), year, month, day,
				sex(record.sex()), nationality(record.nationality()));
	}

	String nationality(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return resolved.computeIfAbsent(text, raw -> {
			NationalityMatch match = nationalities.resolve(raw);
			if (match.isResolved()) {
				return match.alpha3();
			}
			String key = Normalizer.normalize(raw, Normalizer.Form.NFKD).toUpperCase(Locale.ROOT)
					.replaceAll("[^\\p{L}]", "");
			return key.isEmpty() ? null : "?" + key;
		});
	}

	static char sex(String text) {
		if (text == null) {
			return 0;
		}
		String value = text.trim().toUpperCase(Locale.ROOT);
		return switch (value) {
			case "M", "L", "MALE", "LAKI-LAKI", "PRIA" -> 'M';
			case "F", "P", "FEMALE", "PEREMPUAN", "WANITA" -> 'F';
			default -> 0;
		};
	}
}
