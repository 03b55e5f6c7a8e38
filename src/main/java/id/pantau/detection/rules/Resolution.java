package id.pantau.detection.rules;

/**
 * What a rule makes of facts that are gone: a note saying what changed, and whether that change resolves the alert.
 */
public record Resolution(String note, boolean closes) {

	public static Resolution closes(String note) {
		return new Resolution(note, true);
	}

	public static Resolution staysOpen(String note) {
		return new Resolution(note, false);
	}
}
