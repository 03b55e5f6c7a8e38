package id.pantau.matching.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Persons held in memory in compact form, with the blocking index that finds a record's candidates without comparing
 * it with everyone. Immutable once built, thread-safe.
 * <p>
 * Blocking rules, unioned (a person is a candidate when any key is shared):
 * <ol>
 * <li>the document number with OCR confusions folded ({@code D});</li>
 * <li>every pair of the name's tokens as heard, in any order ({@code P}): survives a dropped middle name, a changed
 * order and respellings;</li>
 * <li>the first three letters of every pair of heard tokens ({@code Q}): survives a typo late in a token;</li>
 * <li>one heard token and the birth year, the record's year also one off ({@code Y}): survives a typo elsewhere in the
 * name, or a name of one token;</li>
 * <li>a name of one token alone ({@code S});</li>
 * <li>the nationality and the full birth date, the record's also with day and month swapped ({@code B}): survives
 * a name written beyond recognition.</li>
 * </ol>
 * A key shared by more than {@link #maxBlock} persons says too little and is skipped (for that record); of the persons
 * found, the {@link #maxCandidates} that share the most keys are kept.
 */
public final class PersonIndex {

	public static final int DEFAULT_MAX_BLOCK = 400;

	public static final int DEFAULT_MAX_CANDIDATES = 200;

	private final Prepared[] persons;

	private final long[] entries;

	private final int indexBits;

	private final long hashMask;

	private final int maxBlock;

	private final int maxCandidates;

	private final TermFrequencies frequencies;

	private PersonIndex(Prepared[] persons, int maxBlock, int maxCandidates) {
		this.persons = persons;
		this.maxBlock = maxBlock;
		this.maxCandidates = maxCandidates;
		this.indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, persons.length - 1)));
		this.hashMask = (1L << (63 - indexBits)) - 1;
		long[][] perPerson = new long[persons.length][];
		IntStream.range(0, persons.length).parallel().forEach(i -> {
			LongList keys = new LongList();
			keys(persons[i], false, keys::add);
			long[] distinct = keys.distinct();
			for (int k = 0; k < distinct.length; k++) {
				distinct[k] = ((distinct[k] & hashMask) << indexBits) | i;
			}
			perPerson[i] = distinct;
		});
		int total = 0;
		for (long[] keys : perPerson) {
			total += keys.length;
		}
		long[] all = new long[total];
		int at = 0;
		for (int i = 0; i < perPerson.length; i++) {
			System.arraycopy(perPerson[i], 0, all, at, perPerson[i].length);
			at += perPerson[i].length;
			perPerson[i] = null;
		}
		Arrays.parallelSort(all);
		this.entries = all;
		this.frequencies = TermFrequencies.of(persons);
	}

	/** Builds the index over {@code persons}, prepared on all cores. */
	public static PersonIndex build(List<LinkageRecord> persons, Linker linker) {
		Builder builder = new Builder(linker);
		builder.addAll(persons);
		return builder.build();
	}

	/** Collects persons in chunks (each prepared on all cores as it comes), so the raw rows need not all be kept. */
	public static final class Builder {

		private final Preparer preparer;

		private final List<Prepared[]> chunks = new ArrayList<>();

		private int size;

		private int maxBlock = DEFAULT_MAX_BLOCK;

		private int maxCandidates = DEFAULT_MAX_CANDIDATES;

		public Builder(Linker linker) {
			this.preparer = linker.preparer();
		}

		public Builder limits(int maxBlock, int maxCandidates) {
			this.maxBlock = maxBlock;
			this.maxCandidates = maxCandidates;
			return this;
		}

		public Builder addAll(List<LinkageRecord> persons) {
			Prepared[] chunk = persons.parallelStream().map(preparer::prepare).toArray(Prepared[]::new);
			chunks.add(chunk);
			size += chunk.length;
			return this;
		}

		public PersonIndex build() {
			Prepared[] all = new Prepared[size];
			int at = 0;
			for (Prepared[] chunk : chunks) {
				System.arraycopy(chunk, 0, all, at, chunk.length);
				at += chunk.length;
			}
			chunks.clear();
			return new PersonIndex(all, maxBlock, maxCandidates);
		}
	}

	public int size() {
		return persons.length;
	}

	/** The persons' names and nationalities counted, for the term-frequency adjustment. */
	public TermFrequencies frequencies() {
		return frequencies;
	}

	public String personId(int index) {
		return persons[index].id;
	}

	Prepared person(int index) {
		return persons[index];
	}

	/**
	 * The record compared with each of its candidates, for a caller that keeps more than the best two (the review
	 * screen shows several). A person indexed under several names or documents appears once per variant.
	 */
	public List<Comparison> compare(LinkageRecord record, Linker linker) {
		Prepared prepared = linker.preparer().prepare(record);
		int[] found = candidates(prepared);
		List<Comparison> comparisons = new ArrayList<>(found.length);
		for (int index : found) {
			comparisons.add(linker.explain(prepared, persons[index]));
		}
		return comparisons;
	}

	/**
	 * Pairs of two persons taken at random (fixed seed), for u where no batch of records is at hand (the application
	 * estimates from the pairs it stored): nearly all non-matches. Variants of one person (the same id) are skipped.
	 */
	public PatternCounts randomPairs(int pairs, long seed) {
		java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
		PatternCounts counts = new PatternCounts();
		if (persons.length < 2) {
			return counts;
		}
		for (int i = 0; i < pairs; i++) {
			Prepared a = persons[random.nextInt(persons.length)];
			Prepared b = persons[random.nextInt(persons.length)];
			if (!a.id.equals(b.id)) {
				counts.add(Comparators.pattern(a, b));
			}
		}
		return counts;
	}

	/** The indexes of the record's candidates, those sharing most keys first kept. */
	int[] candidates(Prepared record) {
		IntList hits = new IntList();
		LongList keys = new LongList();
		keys(record, true, keys::add);
		for (long key : keys.distinct()) {
			long hash = key & hashMask;
			long from = hash << indexBits;
			long to = hash == hashMask ? Long.MAX_VALUE : (hash + 1) << indexBits;
			int lo = lowerBound(from);
			int hi = lowerBound(to);
			if (hi - lo > maxBlock) {
				continue;
			}
			long indexMask = (1L << indexBits) - 1;
			for (int i = lo; i < hi; i++) {
				hits.add((int) (entries[i] & indexMask));
			}
		}
		return hits.mostFrequent(maxCandidates);
	}

	private int lowerBound(long value) {
		int lo = 0;
		int hi = entries.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (entries[mid] < value) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	private static final long D = 1, P = 2, Q = 3, Y = 4, S = 5, B = 6;

	/** The blocking keys of a person, or of a record ({@code recordSide}: the year ±1, the date also swapped). */
	static void keys(Prepared p, boolean recordSide, LongConsumer out) {
		if (p.documentKey.length() >= 5) {
			out.accept(key(D, Hashing.of(p.documentKey), 0));
		}
		String[] sounds = distinctSorted(p.sounds);
		for (int i = 0; i < sounds.length; i++) {
			for (int j = i + 1; j < sounds.length; j++) {
				out.accept(key(P, Hashing.of(sounds[i]), Hashing.of(sounds[j])));
				out.accept(key(Q, Hashing.of(prefix(sounds[i])), Hashing.of(prefix(sounds[j]))));
			}
		}
		if (sounds.length == 1) {
			out.accept(key(S, Hashing.of(sounds[0]), 0));
		}
		if (p.year != 0) {
			for (String sound : sounds) {
				if (sound.length() < 2) {
					continue;
				}
				long soundHash = Hashing.of(sound);
				out.accept(key(Y, soundHash, p.year));
				if (recordSide) {
					out.accept(key(Y, soundHash, p.year - 1));
					out.accept(key(Y, soundHash, p.year + 1));
				}
			}
		}
		if (p.month != 0 && p.nationality != null) {
			long nationality = Hashing.of(p.nationality);
			out.accept(key(B, nationality, p.year * 10000L + p.month * 100 + p.day));
			if (recordSide && p.day <= 12 && p.day != p.month) {
				out.accept(key(B, nationality, p.year * 10000L + p.day * 100 + p.month));
			}
		}
	}

	private static String prefix(String sound) {
		return sound.length() <= 3 ? sound : sound.substring(0, 3);
	}

	private static long key(long rule, long a, long b) {
		return Hashing.mix(Hashing.mix(a * 31 + rule) ^ (b * 0x9e3779b97f4a7c15L + rule));
	}

	private static String[] distinctSorted(String[] sounds) {
		if (sounds.length <= 1) {
			return sounds;
		}
		return Arrays.stream(sounds).distinct().sorted().toArray(String[]::new);
	}

	/** A growable int array. */
	static final class IntList {

		int[] values = new int[64];

		int size;

		void add(int value) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = value;
		}

		/** The distinct values, those added most often first, at most {@code limit}. */
		int[] mostFrequent(int limit) {
			if (size == 0) {
				return new int[0];
			}
			int[] sorted = Arrays.copyOf(values, size);
			Arrays.sort(sorted);
			int distinct = 0;
			long[] counted = new long[size];
			for (int i = 0; i < size;) {
				int j = i;
				while (j < size && sorted[j] == sorted[i]) {
					j++;
				}
				// count high, then index low: sorting descending keeps the most shared first
				counted[distinct++] = ((long) (j - i) << 32) | (0xFFFFFFFFL - sorted[i]);
				i = j;
			}
			int[] result;
			if (distinct <= limit) {
				result = new int[distinct];
				for (int k = 0; k < distinct; k++) {
					result[k] = (int) (0xFFFFFFFFL - (counted[k] & 0xFFFFFFFFL));
				}
				return result;
			}
			long[] top = Arrays.copyOf(counted, distinct);
			Arrays.sort(top);
			result = new int[limit];
			for (int k = 0; k < limit; k++) {
				result[k] = (int) (0xFFFFFFFFL - (top[distinct - 1 - k] & 0xFFFFFFFFL));
			}
			return result;
		}
	}

	/** A growable long array. */
	static final class LongList {

		long[] values = new long[32];

		int size;

		void add(long value) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = value;
		}

		long[] distinct() {
			long[] sorted = Arrays.copyOf(values, size);
			Arrays.sort(sorted);
			int n = 0;
			for (int i = 0; i < sorted.length; i++) {
				if (n == 0 || sorted[n - 1] != sorted[i]) {
					sorted[n++] = sorted[i];
				}
			}
			return Arrays.copyOf(sorted, n);
		}
	}
}
