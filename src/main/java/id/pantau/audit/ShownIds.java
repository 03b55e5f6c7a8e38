package id.pantau.audit;

import java.util.BitSet;
import java.util.stream.LongStream;

/**
 * The ids of the records a read showed, gathered as they are written (an export of thousands of rows included) and
 * kept in the audit trail as sorted ranges: {@code "3-7,12,40-41"}. Compact where ids run together, exact always.
 */
public final class ShownIds {

	private final BitSet ids = new BitSet();

	public ShownIds add(long id) {
		if (id < 0 || id > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("id out of range: " + id);
		}
		ids.set((int) id);
		return this;
	}

	/** Adds the id and gives it back, to gather ids inside a row mapper: {@code asList(shown.addAndGet(id), ...)}. */
	public long addAndGet(long id) {
		add(id);
		return id;
	}

	public int count() {
		return ids.cardinality();
	}

	public String encode() {
		StringBuilder text = new StringBuilder();
		for (int start = ids.nextSetBit(0); start >= 0; start = ids.nextSetBit(start + 1)) {
			int end = ids.nextClearBit(start) - 1;
			if (!text.isEmpty()) {
				text.append(',');
			}
			text.append(start);
			if (end > start) {
				text.append('-').append(end);
			}
			start = end;
		}
		return text.toString();
	}

	/** The ids of an encoded text; an empty or blank text gives none. */
	public static LongStream decode(String encoded) {
		if (encoded == null || encoded.isBlank()) {
			return LongStream.empty();
		}
		return java.util.Arrays.stream(encoded.split(",")).flatMapToLong(part -> {
			int dash = part.indexOf('-');
			if (dash < 0) {
				return LongStream.of(Long.parseLong(part.strip()));
			}
			return LongStream.rangeClosed(Long.parseLong(part.substring(0, dash).strip()),
					Long.parseLong(part.substring(dash + 1).strip()));
		});
	}
}
