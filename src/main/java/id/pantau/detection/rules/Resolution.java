package id.pantau.detection.rules;

import java.util.List;

/**
 * What a rule makes of facts that are gone: what changed, as a message ({@code alert.resolution.<key>}) with its
 * arguments so that each reader sees it in their language, and whether that change resolves the alert. Dates among
 * the arguments are ISO days; they are shown as the interface shows days. {@code crossingId} is the crossing the
 * change rests on, when it is one: a closure that rests on an automatic link names the link and is undone with it.
 */
public record Resolution(String key, List<String> args, boolean closes, Long crossingId) {

	public Resolution {
		args = List.copyOf(args);
	}

	/** The same resolution, resting on a crossing (a departure, an arrival) whose link to the person brought it. */
	public Resolution fromCrossing(long crossing) {
		return new Resolution(key, args, closes, crossing);
	}

	public String messageKey() {
		return "alert.resolution." + key;
	}

	public static Resolution closes(String key, Object... args) {
		return new Resolution(key, strings(args), true, null);
	}

	public static Resolution staysOpen(String key, Object... args) {
		return new Resolution(key, strings(args), false, null);
	}

	private static List<String> strings(Object... args) {
		return java.util.Arrays.stream(args).map(String::valueOf).toList();
	}
}
