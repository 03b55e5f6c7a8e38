package id.pantau.matching.linkage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import id.pantau.reference.NationalityResolver;
import id.pantau.registry.BirthDate;

/**
 * How common each name (as heard, in any token order) and each nationality is in the population the records come
 * from, for the term-frequency adjustment: agreeing on a common name ("AUNG KYAW", "NGUYEN VAN NAM") weighs less than
 * agreeing on a rare one. The population is the registry's persons together with the records (crossings, reports) at
 * hand, and a name known to be common ({@link CommonNames}) counts at least as often as its known share of the
 * persons of its nationality. Immutable.
 * <p>
 * The adjustment of an agreeing value {@code v} is {@code log2(r / f(v))}, where {@code f(v)} is the share of persons
 * with that value and {@code r = sum of f(w)^2 over all values} is the chance that two persons taken at random agree;
 * a value of average commonness is adjusted by about 0, a common one down, a rare one up. It is capped (names
 * {@value #NAME_MAX_DOWN} bits down and {@value #NAME_MAX_UP} up, nationalities {@value #NATIONALITY_MAX} either way), so
 * that no single frequency overrules the other fields.
 */
public final class TermFrequencies {

	static final double NAME_MAX_DOWN = 8;

	static final double NAME_MAX_UP = 2;

	static final double NATIONALITY_MAX = 2;

	private static final TermFrequencies NONE = new TermFrequencies(new long[0], new double[0], 0, Map.of());

	private final long[] nameKeys;

	private final double[] nameCounts;

	private final long persons;

	private final Map<String, Integer> nationalities;

	private final double nameReference;

	private final double nationalityReference;

	private final long nationalityTotal;

	private final double named;

	private TermFrequencies(long[] nameKeys, double[] nameCounts, long persons, Map<String, Integer> nationalities) {
		this.nameKeys = nameKeys;
		this.nameCounts = nameCounts;
		this.persons = persons;
		this.nationalities = Map.copyOf(nationalities);
		double sum = 0;
		double named = 0;
		for (double count : nameCounts) {
			named += count;
		}
		for (double count : nameCounts) {
			sum += count / named * count / named;
		}
		this.nameReference = sum;
		this.named = named;
		long total = nationalities.values().stream().mapToLong(Integer::longValue).sum();
		double nationalitySum = 0;
		for (int count : nationalities.values()) {
			nationalitySum += (double) count / total * count / total;
		}
		this.nationalityTotal = total;
		this.nationalityReference = nationalitySum;
	}

	/** No adjustment at all. */
	public static TermFrequencies none() {
		return NONE;
	}

	/** Counts the names and nationalities of {@code persons}. */
	public static TermFrequencies of(Iterable<LinkageRecord> persons, NationalityResolver nationalities) {
		Counter counter = new Counter(new Preparer(nationalities));
		persons.forEach(counter::add);
		return counter.build(CommonNames.none());
	}

	static TermFrequencies of(Prepared[] persons) {
		Counter counter = new Counter(null);
		for (Prepared person : persons) {
			counter.add(person);
		}
		return counter.build(CommonNames.none());
	}

	/**
	 * Counts a population as it comes: the registry's persons, the records stored or at hand. Not thread-safe.
	 */
	public static final class Counter {

		private final Preparer preparer;

		private final Map<Long, int[]> names = new HashMap<>();

		private final Map<String, Integer> nationalities = new HashMap<>();

		private long population;

		Counter(Preparer preparer) {
			this.preparer = preparer;
		}

		/** Counts a record or person as it is written. */
		public Counter add(LinkageRecord record) {
			return add(preparer.prepare(record));
		}

		/** Counts the persons of an index (every variant, as the index holds them). */
		public Counter addAll(PersonIndex index) {
			for (int i = 0; i < index.size(); i++) {
				add(index.person(i));
			}
			return this;
		}

		/** Adds the counts of another counter (folded alike). */
		public Counter addAll(Counter other) {
			other.names.forEach((key, count) -> names.computeIfAbsent(key, k -> new int[1])[0] += count[0]);
			other.nationalities.forEach((nationality, count) -> nationalities.merge(nationality, count, Integer::sum));
			population += other.population;
			return this;
		}

		Counter add(Prepared person) {
			population++;
			if (person.hasName()) {
				names.computeIfAbsent(person.soundSet, key -> new int[1])[0]++;
			}
			if (person.nationality != null) {
				nationalities.merge(person.nationality, 1, Integer::sum);
			}
			return this;
		}

		/**
		 * The frequencies, each name of {@code prior} counted at least as its share of the persons of its nationality
		 * in this population.
		 */
		public TermFrequencies build(CommonNames prior) {
			Map<Long, Double> counts = new HashMap<>(names.size() * 2);
			names.forEach((key, count) -> counts.put(key, (double) count[0]));
			for (CommonNames.Entry entry : prior.entries()) {
				long key = preparer.prepare(new LinkageRecord("", entry.name(), null, BirthDate.UNKNOWN, null, null))
						.soundSet;
				double expected = entry.share() * nationalities.getOrDefault(entry.nationality(), 0);
				counts.merge(key, expected, Math::max);
			}
			long[] keys = new long[counts.size()];
			int at = 0;
			for (long key : counts.keySet()) {
				keys[at++] = key;
			}
			Arrays.sort(keys);
			double[] values = new double[keys.length];
			for (int i = 0; i < keys.length; i++) {
				values[i] = counts.get(keys[i]);
			}
			return new TermFrequencies(keys, values, population, nationalities);
		}
	}

	public long persons() {
		return persons;
	}

	/** About how many in the population have this name as heard (the multiset of sounds), at least 1. */
	int nameCount(long soundSet) {
		int index = Arrays.binarySearch(nameKeys, soundSet);
		return index < 0 ? 1 : (int) Math.max(1, Math.round(nameCounts[index]));
	}

	/** The adjustment in bits for agreeing on a name heard as {@code soundSet}; 0 without frequencies. */
	double nameAdjustment(long soundSet) {
		if (nameKeys.length == 0) {
			return 0;
		}
		int index = Arrays.binarySearch(nameKeys, soundSet);
		double frequency = Math.max(1, index < 0 ? 1 : nameCounts[index]) / Math.max(1, named);
		return clamp(LinkageModel.log2(nameReference / frequency), -NAME_MAX_DOWN, NAME_MAX_UP);
	}

	/** The adjustment in bits for agreeing on this nationality; 0 without frequencies. */
	double nationalityAdjustment(String nationality) {
		if (nationalityTotal == 0) {
			return 0;
		}
		double frequency = (double) nationalities.getOrDefault(nationality, 1) / nationalityTotal;
		return clamp(LinkageModel.log2(nationalityReference / frequency), -NATIONALITY_MAX, NATIONALITY_MAX);
	}

	private static double clamp(double value, double low, double high) {
		return Math.max(low, Math.min(high, value));
	}
}
