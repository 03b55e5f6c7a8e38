package id.pantau.audit;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened, to what, where: one entry for the audit trail. Details are short facts: ids, counts, codes. Never a
 * password, a name, a document number or a text someone typed: the trail is kept for years and never erased, so
 * whatever sits in it outlives the retention of the record it is about. A free text that must be accounted for (a
 * reason) goes in through {@link #text}, which keeps only its length and a keyed hash. Which records a list, a search,
 * an export or an API read showed goes in through {@link #shown}, so the breach query can name them.
 *
 * @param texts free texts, each written to the trail as {@code key + "Length"} and {@code key + "Hash"} only
 */
public record AuditEntry(String action, String subjectType, String subjectId, String regionCode,
		Map<String, String> details, Map<String, String> texts) {

	/** The detail key prefix under which the ids of the records shown are kept ({@code shown.PERSON} and so on). */
	public static final String SHOWN = "shown.";

	public AuditEntry {
		details = Collections.unmodifiableMap(new TreeMap<>(details));
		texts = Collections.unmodifiableMap(new TreeMap<>(texts));
	}

	public AuditEntry(String action, String subjectType, String subjectId, String regionCode,
			Map<String, String> details) {
		this(action, subjectType, subjectId, regionCode, details, Map.of());
	}

	public static AuditEntry of(String action) {
		return new AuditEntry(action, null, null, null, Map.of(), Map.of());
	}

	public AuditEntry subject(String type, Object id) {
		return new AuditEntry(action, type, id == null ? null : id.toString(), regionCode, details, texts);
	}

	public AuditEntry region(String code) {
		return new AuditEntry(action, subjectType, subjectId, code, details, texts);
	}

	public AuditEntry detail(String key, Object value) {
		Map<String, String> more = new TreeMap<>(details);
		more.put(key, value == null ? "" : value.toString());
		return new AuditEntry(action, subjectType, subjectId, regionCode, more, texts);
	}

	/**
	 * A free text (a reason, a note) that must not sit in the trail: the trail keeps its length and a hash keyed with
	 * a key outside the database, so the text a person wrote elsewhere can be matched to the entry, never read from it.
	 */
	public AuditEntry text(String key, String text) {
		Map<String, String> more = new TreeMap<>(texts);
		more.put(key, text == null ? "" : text);
		return new AuditEntry(action, subjectType, subjectId, regionCode, details, more);
	}

	/**
	 * The records of one kind ({@code PERSON}, {@code REPORT}, {@code CROSSING}, {@code ALERT}, {@code MATCH_CASE})
	 * that a read showed, by id: {@code shown.PERSON = "3-7,12"}.
	 */
	public AuditEntry shown(String type, Collection<? extends Number> ids) {
		ShownIds shown = new ShownIds();
		ids.forEach(id -> shown.add(id.longValue()));
		return shown(type, shown);
	}

	public AuditEntry shown(String type, ShownIds ids) {
		return detail(SHOWN + type, ids.encode());
	}
}
