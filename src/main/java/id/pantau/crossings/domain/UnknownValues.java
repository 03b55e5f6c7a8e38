package id.pantau.crossings.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.pantau.crossings.domain.ValueMappings.Field;
import id.pantau.crossings.importing.CrossingRow;
import id.pantau.crossings.importing.WrittenValues;

/**
 * The ports and permit types that a batch's rows wrote and that are neither known nor mapped for the origin, with how
 * many rows wrote each: the warnings of an import. Kept to the first {@value #MAX_VALUES} values of each field, so that
 * a column of nonsense cannot fill the memory; the rows beyond are still counted.
 */
final class UnknownValues {

	static final int MAX_VALUES = 100;

	private final Map<Field, Map<String, ImportResult.Unknown>> byField = new EnumMap<>(Field.class);
	private final Map<Field, Integer> beyond = new EnumMap<>(Field.class);

	void note(CrossingRow row) {
		if (!row.portKnown()) {
			add(Field.PORT, row.portWritten());
		}
		if (!row.permitKnown()) {
			add(Field.PERMIT_TYPE, row.permitWritten());
		}
	}

	private void add(Field field, String written) {
		Map<String, ImportResult.Unknown> values = byField.computeIfAbsent(field, f -> new LinkedHashMap<>());
		String key = WrittenValues.key(written);
		ImportResult.Unknown seen = values.get(key);
		if (seen != null) {
			values.put(key, new ImportResult.Unknown(field, seen.written(), seen.rows() + 1));
		}
		else if (values.size() < MAX_VALUES) {
			values.put(key, new ImportResult.Unknown(field, written, 1));
		}
		else {
			beyond.merge(field, 1, Integer::sum);
		}
	}

	/** The values, ports first, each field's most frequent first; a last line per field for the values not kept. */
	List<ImportResult.Unknown> list() {
		List<ImportResult.Unknown> list = new ArrayList<>();
		byField.forEach((field, values) -> {
			values.values().stream().sorted(Comparator.comparingInt(ImportResult.Unknown::rows).reversed())
					.forEach(list::add);
			if (beyond.containsKey(field)) {
				list.add(new ImportResult.Unknown(field, null, beyond.get(field)));
			}
		});
		return List.copyOf(list);
	}
}
