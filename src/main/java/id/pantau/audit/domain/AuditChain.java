package id.pantau.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;

/**
 * The hash of a row: SHA-256 over the previous row's hash, a newline, and the row's canonical content, a JSON array of
 * its fields in a fixed order ({@code [id, occurred_at as ISO-8601 UTC, actor, action, subject_type, subject_id,
 * region_code, ip, details]}, where details is itself a JSON object with sorted keys).
 */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	static String hash(String previousHash, long id, Instant occurredAt, String actor, String action,
			String subjectType, String subjectId, String regionCode, String ip, String details) {
		String canonical = "[" + id + "," + json(DateTimeFormatter.ISO_INSTANT.format(occurredAt)) + "," + json(actor)
				+ "," + json(action) + "," + json(subjectType) + "," + json(subjectId) + "," + json(regionCode) + ","
				+ json(ip) + "," + json(details) + "]";
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
			sha256.update((byte) '\n');
			sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Sorted keys, so the same details always give the same text. */
	static String details(Map<String, String> details) {
		StringBuilder json = new StringBuilder("{");
		details.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append(json(e.getKey())).append(':').append(json(e.getValue()));
		});
		return json.append('}').toString();
	}

	static String json(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}
}
