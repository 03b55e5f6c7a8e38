package id.pantau.reference.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.pantau.platform.tables.DelimitedRows;
import id.pantau.reference.Country;
import id.pantau.reference.NationalityMatch;
import id.pantau.reference.NationalityResolver;

/**
 * Resolves a nationality as people write it to a country. Immutable and thread-safe once built.
 * <p>
 * Text and keys are compared after {@link #key(String) folding} (case, accents, spaces and punctuation ignored). When
 * the same key means different countries, the first of these sources wins: the alpha-3 codes (MRZ codes included), the
 * variants file, the alpha-2 codes, the Indonesian and English names. Two countries with the same key in one source
 * make the key ambiguous: it resolves to neither and suggests both.
 * <p>
 * Only an exact key resolves. Anything else gets suggestions, never a guess: {@code Myanmr} is one letter from
 * {@code Myanmar}, but a wrong nationality in a supervision record costs more than asking again.
 */
final class Nationalities implements NationalityResolver {

	static final String VARIANTS = "reference/nationality-variants.csv";

	/**
	 * MRZ-only codes that stand for an ISO country: Germany's passports write {@code D}, and the British nationality
	 * classes (overseas territories citizen, national (overseas), overseas citizen, protected person, subject) are all
	 * British nationality. The other MRZ-only codes (UN, stateless, refugee, EU, Malta order, Interpol) stay
	 * themselves.
	 */
	static final Map<String, String> MRZ_ALIASES = Map.of("D", "DEU", "GBD", "GBR", "GBN", "GBR", "GBO", "GBR", "GBP",
			"GBR", "GBS", "GBR");

	private static final int MAX_SUGGESTIONS = 3;

	private static final int PREFIX_MIN_LENGTH = 3;

	private record Candidate(String key, String alpha3) {
	}

	private final Map<String, Country> countries;

	private final Map<String, String> exact = new HashMap<>();

	private final Set<String> ambiguous = new HashSet<>();

	private final List<Candidate> candidates = new ArrayList<>();

	/**
	 * @param countries every country and MRZ code, as {@code ReferenceData.countries()} gives them
	 * @param variants variant text to alpha-3 code, as {@link #readVariants(BufferedReader)} reads them
	 * @throws IllegalArgumentException when a variant names a code that is not among {@code countries}
	 */
	Nationalities(List<Country> countries, Map<String, String> variants) {
		this.countries = countries.stream()
				.collect(Collectors.toMap(Country::alpha3, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		variants.forEach((variant, alpha3) -> {
			if (!this.countries.containsKey(alpha3)) {
				throw new IllegalArgumentException("Variant '" + variant + "' names unknown country " + alpha3);
			}
		});
		addSource(countries.stream().map(c -> new Candidate(key(c.alpha3()), target(c.alpha3()))).toList());
		addSource(variants.entrySet().stream().map(v -> new Candidate(key(v.getKey()), target(v.getValue()))).toList());
		addSource(countries.stream().filter(c -> c.alpha2() != null)
				.map(c -> new Candidate(key(c.alpha2()), target(c.alpha3()))).toList());
		addSource(countries.stream()
				.flatMap(c -> List.of(new Candidate(key(c.nameId()), target(c.alpha3())),
						new Candidate(key(c.nameEn()), target(c.alpha3()))).stream())
				.toList());
	}

	/** Resolves {@code text} exactly, or suggests the closest countries. Null or blank gives neither. */
	@Override
	public NationalityMatch resolve(String text) {
		String key = key(text);
		if (key.isEmpty()) {
			return new NationalityMatch(null, List.of());
		}
		String alpha3 = exact.get(key);
		if (alpha3 != null) {
			return new NationalityMatch(alpha3, List.of());
		}
		return new NationalityMatch(null, suggest(key));
	}

	/**
	 * The closest countries by Damerau-Levenshtein distance over every code, name and variant, each country once by
	 * its best key, closest first and then by Indonesian name. A key that starts with the text (of 3 letters or more)
	 * ranks between an exact key and one edit, so {@code Filip} suggests the Philippines and {@code Bur} Myanmar
	 * (Burma) before Belarus (BLR). Only keys within {@link #maxDistance(int)} are suggested: far-off countries would
	 * only be noise.
	 */
	private List<Country> suggest(String key) {
		int limit = maxDistance(key.length());
		// In half edits, so that a prefix (1) ranks between an exact key (0) and one edit (2).
		Map<String, Integer> best = new HashMap<>();
		for (Candidate candidate : candidates) {
			int distance = StringDistance.damerauLevenshtein(key, candidate.key(), limit);
			int score = 2 * distance;
			if (key.length() >= PREFIX_MIN_LENGTH && candidate.key().startsWith(key)) {
				score = Math.min(score, 1);
			}
			if (score <= 2 * limit) {
				best.merge(candidate.alpha3(), score, Math::min);
			}
		}
		return best.entrySet().stream()
				.map(entry -> Map.entry(countries.get(entry.getKey()), entry.getValue()))
				.sorted(Comparator.comparing((Map.Entry<Country, Integer> entry) -> entry.getValue())
						.thenComparing(entry -> entry.getKey().nameId()))
				.limit(MAX_SUGGESTIONS).map(Map.Entry::getKey).toList();
	}

	/** 1 edit for up to 3 letters, 2 for up to 8, then one more per 3 letters. */
	static int maxDistance(int length) {
		return length <= 3 ? 1 : Math.max(2, length / 3);
	}

	/** Adds one source's keys: those an earlier source already decided keep that decision. */
	private void addSource(List<Candidate> source) {
		Map<String, Set<String>> meanings = new LinkedHashMap<>();
		for (Candidate candidate : source) {
			if (!candidate.key().isEmpty()) {
				candidates.add(candidate);
				meanings.computeIfAbsent(candidate.key(), key -> new LinkedHashSet<>()).add(candidate.alpha3());
			}
		}
		meanings.forEach((key, codes) -> {
			if (exact.containsKey(key) || ambiguous.contains(key)) {
				return;
			}
			if (codes.size() == 1) {
				exact.put(key, codes.iterator().next());
			}
			else {
				ambiguous.add(key);
			}
		});
	}

	private String target(String alpha3) {
		String alias = MRZ_ALIASES.get(alpha3);
		return alias != null && countries.containsKey(alias) ? alias : alpha3;
	}

	/**
	 * Upper-case letters only: accents and marks removed (NFKD), spaces, hyphens, apostrophes, dots and digits
	 * dropped. {@code "Viet Nam"}, {@code "VIETNAM"} and {@code "Việt-nam"} all give {@code VIETNAM}.
	 */
	static String key(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).toUpperCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(decomposed.length());
		decomposed.codePoints().filter(Character::isLetter).forEach(out::appendCodePoint);
		return out.toString();
	}

	/** Reads the bundled variants file. */
	static Map<String, String> loadVariants() {
		return readVariants(DelimitedRows.bundled(VARIANTS));
	}

	/**
	 * Reads {@code variant,alpha3} rows (a header, blank lines and lines starting with {@code #} already left out by
	 * {@link DelimitedRows}).
	 *
	 * @throws IllegalArgumentException when a line lacks a field, or when two lines give the same folded variant
	 * different codes
	 */
	static Map<String, String> readVariants(List<List<String>> rows) {
		Map<String, String> variants = new LinkedHashMap<>();
		Map<String, String> byKey = new HashMap<>();
		for (List<String> fields : rows) {
			if (fields.size() != 2 || fields.get(0).isEmpty() || fields.get(1).isEmpty()) {
				throw new IllegalArgumentException("Not a variant,alpha3 line: " + String.join(",", fields));
			}
			String variant = fields.get(0);
			String alpha3 = fields.get(1).toUpperCase(Locale.ROOT);
			String earlier = byKey.putIfAbsent(key(variant), alpha3);
			if (earlier != null && !earlier.equals(alpha3)) {
				throw new IllegalArgumentException(
						"Variant '" + variant + "' means both " + earlier + " and " + alpha3);
			}
			variants.put(variant, alpha3);
		}
		return variants;
	}
}
