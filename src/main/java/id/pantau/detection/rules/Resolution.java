package id.pantau.detection.rules;

import java.util.List;

/**
 * What a rule makes of facts that are gone: what changed, as a message ({@code alert.resolution.<key>}) with its
 * arguments so that each reader sees it in their language, and whether that change resolves the alert. Dates among
 * the arguments are ISO days; they are shown as the interface shows days.
 */
public record Resolution(String key, List<String> args, boolean closes) {

	public Resolution {
		args = List.copyOf(args);
	}

	public String messageKey() {
		return "alert.resolution." + key;
	}

	public static Resolution closes(String key, Object... args) {
		return new Resolution(key, strings(args), true);
	}

	public static Resolution staysOpen(String key, Object... args) {
		return new Resolution(key, strings(args), false);
	}

	private static List<String> strings(Object... args) {
		return java.util.Arrays.stream(args).map(String::valueOf).toList();
	}
}
