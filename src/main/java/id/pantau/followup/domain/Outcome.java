package id.pantau.followup.domain;

import java.util.Arrays;
import java.util.List;

/** How a closed alert ended. {@link #RESOLVED_BY_FACTS} is the detection engine's own, when the facts changed. */
public enum Outcome {

	RESOLVED_COMPLIANT, ADMINISTRATIVE_ACTION, REGULARISED, DEPARTED, REFERRED, OTHER, RESOLVED_BY_FACTS;

	public static List<Outcome> choosable() {
		return Arrays.stream(values()).filter(o -> o != RESOLVED_BY_FACTS).toList();
	}

	/** Outcomes only immigration may record: they state that its powers were used. */
	public boolean isImmigrationOutcome() {
		return this == ADMINISTRATIVE_ACTION || this == REGULARISED;
	}
}
