package id.pantau.platform;

/** The version a client read, from the {@code If-Match} header of a change (the {@code ETag} of its read). */
public final class IfMatch {

	private IfMatch() {
	}

	/** @throws InvalidInput when the header is missing or holds no version */
	public static int version(String ifMatch) {
		String value = ifMatch == null ? "" : ifMatch.replace("W/", "").replace("\"", "").strip();
		if (!value.matches("\\d{1,9}")) {
			throw InvalidInput.of("If-Match", "api.versionRequired");
		}
		return Integer.parseInt(value);
	}
}
