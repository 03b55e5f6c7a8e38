package id.pantau.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import id.pantau.platform.json.Json;

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
		String canonical = canonical(id, occurredAt, actor, action, subjectType, subjectId, regionCode, ip, details);
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

	/** The row's canonical content, in the fixed form of {@link Json}, which every row ever hashed was written in. */
	static String canonical(long id, Instant occurredAt, String actor, String action, String subjectType,
			String subjectId, String regionCode, String ip, String details) {
		return Json.write(Arrays.asList(id, DateTimeFormatter.ISO_INSTANT.format(occurredAt), actor, action,
				subjectType, subjectId, regionCode, ip, details));
	}

	/** Sorted keys, so the same details always give the same text. */
	static String details(Map<String, String> details) {
		return Json.write(new TreeMap<>(details));
	}
}
