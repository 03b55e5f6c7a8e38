package id.pantau.matching.linkage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import id.pantau.reference.NationalityResolver;

/**
 * How common each name (as heard, in any token order) and each nationality is among the persons, for the
 * term-frequency adjustment: agreeing on a common name ("AUNG KYAW", "NGUYEN VAN NAM") weighs less than agreeing on a
 * rare one. Immutable.
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

	private static final TermFrequencies NONE = new TermFrequencies(new long[0], new int[0], 0, Map.of());

	private final long[] nameKeys;

	private final int[] nameCounts;

	private final long persons;

	private final Map<String, Integer> nationalities;

	private final double nameReference;

	private final double nationalityReference;

	private final long nationalityTotal;

	private final long named;

	private TermFrequencies(long[] nameKeys, int[] nameCounts, long persons, Map<String, Integer> nationalities) {
		this.nameKeys = nameKeys;
		this.nameCounts = nameCounts;
		this.persons = persons;
		this.nationalities = Map.copyOf(nationalities);
		double sum = 0;
		long named = 0;
		for (int count : nameCounts) {
			named += count;
		}
		for (int count : nameCounts) {
			sum += (double) count / named * count / named;
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
		Preparer preparer = new Preparer(nationalities);
		java.util.List<Prepared> prepared = new java.util.ArrayList<>();
		persons.forEach(person -> prepared.add(preparer.prepare(person)));
		return of(prepared.toArray(Prepared[]::new));
	}

	static TermFrequencies of(Prepared[] persons) {
		long[] keys = new long[persons.length];
		int named = 0;
		Map<String, Integer> nationalities = new HashMap<>();
		for (Prepared person : persons) {
			if (person.hasName()) {
				keys[named++] = person.soundSet;
			}
			if (person.nationality != null) {
				nationalities.merge(person.nationality, 1, Integer::sum);
			}
		}
		long[] sorted = Arrays.copyOf(keys, named);
		Arrays.parallelSort(sorted);
		int distinct = 0;
		int[] counts = new int[named];
		long[] unique = new long[named];
		for (int i = 0; i < named; i++) {
			if (distinct > 0 && unique[distinct - 1] == sorted[i]) {
				counts[distinct - 1]++;
			}
			else {
				unique[distinct] = sorted[i];
				counts[distinct++] = 1;
			}
		}
		return new TermFrequencies(Arrays.copyOf(unique, distinct), Arrays.copyOf(counts, distinct), persons.length,
				nationalities);
	}

	public long persons() {
		return persons;
	}

	/** How many persons have this name as heard (the multiset of sounds), at least 1. */
	int nameCount(long soundSet) {
		int index = Arrays.binarySearch(nameKeys, soundSet);
		return index < 0 ? 1 : nameCounts[index];
	}

	/** The adjustment in bits for agreeing on a name heard as {@code soundSet}; 0 without frequencies. */
	double nameAdjustment(long soundSet) {
		if (nameKeys.length == 0) {
			return 0;
		}
		double frequency = (double) nameCount(soundSet) / Math.max(1, named);
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
