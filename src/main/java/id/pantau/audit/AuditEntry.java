package id.pantau.audit;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened, to what, where: one entry for the audit trail. Details are short facts (never a password, never
 * more personal data than the entry needs to be understood).
 */
public record AuditEntry(String action, String subjectType, String subjectId, String regionCode,
		Map<String, String> details) {

	public AuditEntry {
		details = Collections.unmodifiableMap(new TreeMap<>(details));
	}

	public static AuditEntry of(String action) {
		return new AuditEntry(action, null, null, null, Map.of());
	}

	public AuditEntry subject(String type, Object id) {
		return new AuditEntry(action, type, id == null ? null : id.toString(), regionCode, details);
	}

	public AuditEntry region(String code) {
		return new AuditEntry(action, subjectType, subjectId, code, details);
	}

	public AuditEntry detail(String key, Object value) {
		Map<String, String> more = new TreeMap<>(details);
		more.put(key, value == null ? "" : value.toString());
		return new AuditEntry(action, subjectType, subjectId, regionCode, more);
	}
}
