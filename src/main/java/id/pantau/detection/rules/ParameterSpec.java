package id.pantau.detection.rules;

/** A rule's threshold: a whole number with its default and the range an administrator may set. */
public record ParameterSpec(String name, long defaultValue, long min, long max) {

	public ParameterSpec {
		if (defaultValue < min || defaultValue > max) {
			throw new IllegalArgumentException(name + ": default out of range");
		}
	}

	public boolean accepts(long value) {
		return value >= min && value <= max;
	}
}
