package id.pantau.detection.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A rule's thresholds as in force: the stored values over the defaults in code. */
public record Parameters(Map<String, Long> values) {

	public Parameters {
		values = Map.copyOf(values);
	}

	public static Parameters defaults(List<ParameterSpec> specs) {
		return with(specs, Map.of());
	}

	/** The defaults, overlaid by those stored values that are known and in range. */
	public static Parameters with(List<ParameterSpec> specs, Map<String, Long> stored) {
		Map<String, Long> values = new TreeMap<>();
		for (ParameterSpec spec : specs) {
			Long value = stored.get(spec.name());
			values.put(spec.name(), value != null && spec.accepts(value) ? value : spec.defaultValue());
		}
		return new Parameters(values);
	}

	public long get(String name) {
		Long value = values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("unknown parameter " + name);
		}
		return value;
	}

	public int getInt(String name) {
		return Math.toIntExact(get(name));
	}
}
