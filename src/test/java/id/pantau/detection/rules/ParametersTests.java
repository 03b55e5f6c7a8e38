package id.pantau.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParametersTests {

	private final List<ParameterSpec> specs = List.of(new ParameterSpec("days", 30, 1, 180),
			new ParameterSpec("urgentDays", 7, 0, 180));

	@Test
	void storedValuesOverrideDefaultsAndOutOfRangeOrUnknownOnesAreIgnored() {
		Parameters parameters = Parameters.with(specs, Map.of("days", 45L, "urgentDays", 999L, "other", 1L));
		assertThat(parameters.values()).containsExactlyInAnyOrderEntriesOf(Map.of("days", 45L, "urgentDays", 7L));
	}
}
