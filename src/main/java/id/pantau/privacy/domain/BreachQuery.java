package id.pantau.privacy.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.audit.ShownIds;
import id.pantau.registry.Registry;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Whose records did this user, export or API client touch between t1 and t2?" (UU 27/2022 Pasal 46: a breach is
 * notified to the data subjects within 3x24 hours, so they must be found quickly). Answered from the audit trail: each
 * entry of the actor in the period that names a person, a report, a match case, an alert or a crossing, as its subject
 * or among the records a list, search, export or API read showed ({@code shown.*}), is resolved to the person behind
 * it. Records shown that name no registered person (a report or crossing not linked yet) are listed by id. Entries
 * written before reads recorded their ids (issue 16) are listed as bulk reads with their filters and counts only.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class BreachQuery {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final int CHUNK = 1000;

	/** A record kind and the table that says which person it is about. */
	private static final Map<String, String> PERSON_OF = Map.of(
			"REPORT", "select id, person_id from village_report_read where id in (:ids)",
			"MATCH_CASE", "select id, person_id from match_case_read where id in (:ids)",
			"ALERT", "select id, person_id from alert_read where id in (:ids)",
			"CROSSING", "select id, person_id from crossing_read where id in (:ids)");

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Registry registry;

	/** A person whose record the actor touched: how many times, first and last, and through what. */
	public record TouchedPerson(long personId, String name, String regionCode, int times, Instant first, Instant last,
			String actions) {
	}

	/** An entry that read many records at once. */
	public record BulkAccess(long auditId, Instant at, String action, String details) {
	}

	/** Records of a kind that were shown but name no registered person: by id (ranges, as the trail keeps them). */
	public record Unlinked(String type, int count, String ids) {
	}

	public record Answer(String actor, Instant from, Instant to, List<TouchedPerson> persons, List<BulkAccess> bulk,
			List<Unlinked> unlinked) {
	}

	private static final String ENTRIES = """
			select id, occurred_at, action, subject_type, subject_id, details from audit_event_read
			where lower(actor) = :actor and occurred_at >= :from and occurred_at < :to
			  and (subject_type in ('PERSON', 'REPORT', 'MATCH_CASE', 'ALERT') or details like '%"shown.%')
			order by id""";

	private static final String BULK = """
			select id, occurred_at, action, details from audit_event_read
			where lower(actor) = :actor and occurred_at >= :from and occurred_at < :to
			  and action in ('PERSON_LISTED', 'CROSSINGS_LISTED', 'CROSSINGS_EXPORTED', 'REPORTS_EXPORTED',
			                 'CROSSINGS_REFUSED_EXPORTED', 'CHANGES_READ', 'SUBJECT_EXPORTED', 'PERSONS_EXPORTED',
			                 'REPORTS_LISTED', 'ALERTS_LISTED', 'ALERTS_EXPORTED', 'MATCH_CASES_LISTED')
			order by id""";

	private record Entry(Instant at, String action, Map<String, Set<Long>> records) {
	}

	private static final class Touch {
		int times;
		Instant first;
		Instant last;
		final Set<String> actions = new TreeSet<>();
	}

	/** The answer; asking is itself audited (it reads the trail and names persons). */
	@Transactional
	public Answer ask(String actor, Instant from, Instant to) {
		String who = actor.strip().toLowerCase();
		List<Entry> entries = jdbc.sql(ENTRIES).param("actor", who).param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.query((rs, n) -> new Entry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("action"),
						records(rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("details"))))
				.list();

		Map<String, Set<Long>> wanted = new HashMap<>();
		entries.forEach(e -> e.records().forEach((type, ids) -> wanted.computeIfAbsent(type, t -> new TreeSet<>())
				.addAll(ids)));
		Map<String, Map<Long, Long>> personOf = new HashMap<>();
		Map<String, ShownIds> unlinked = new TreeMap<>();
		wanted.forEach((type, ids) -> {
			Map<Long, Long> resolved = resolve(type, ids);
			personOf.put(type, resolved);
			if (!type.equals("PERSON")) {
				ids.stream().filter(id -> resolved.get(id) == null)
						.forEach(id -> unlinked.computeIfAbsent(type, t -> new ShownIds()).add(id));
			}
		});

		Map<Long, Touch> touched = new TreeMap<>();
		for (Entry entry : entries) {
			Set<Long> persons = new TreeSet<>();
			entry.records().forEach((type, ids) -> ids.forEach(id -> {
				Long person = personOf.getOrDefault(type, Map.of()).get(id);
				if (person != null) {
					persons.add(person);
				}
			}));
			for (long person : persons) {
				Touch touch = touched.computeIfAbsent(person, p -> new Touch());
				touch.times++;
				touch.first = touch.first == null || entry.at().isBefore(touch.first) ? entry.at() : touch.first;
				touch.last = touch.last == null || entry.at().isAfter(touch.last) ? entry.at() : touch.last;
				touch.actions.add(entry.action());
			}
		}
		Map<Long, Registry.PersonRef> people = new HashMap<>();
		chunks(touched.keySet()).forEach(chunk -> people.putAll(registry.refs(chunk)));
		List<TouchedPerson> persons = new ArrayList<>();
		touched.forEach((id, touch) -> {
			Registry.PersonRef person = people.get(id);
			if (person != null) {
				persons.add(new TouchedPerson(id, person.primaryName(), person.regionCode(), touch.times, touch.first,
						touch.last, String.join(", ", touch.actions)));
			}
		});

		List<BulkAccess> bulk = jdbc.sql(BULK).param("actor", who).param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.query((rs, n) -> new BulkAccess(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
						rs.getString("action"), rs.getString("details")))
				.list();
		List<Unlinked> notLinked = unlinked.entrySet().stream()
				.map(e -> new Unlinked(e.getKey(), e.getValue().count(), e.getValue().encode())).toList();
		audit.record(AuditEntry.of("BREACH_QUERIED").detail("actor", who).detail("from", from).detail("to", to)
				.detail("persons", persons.size()).detail("bulk", bulk.size())
				.shown("PERSON", persons.stream().map(TouchedPerson::personId).toList()));
		return new Answer(who, from, to, persons, bulk, notLinked);
	}

	/** The records an entry names: its subject, and the ids of every {@code shown.TYPE} detail. */
	private static Map<String, Set<Long>> records(String subjectType, String subjectId, String details) {
		Map<String, Set<Long>> records = new LinkedHashMap<>();
		if (subjectType != null && PERSON_OF.containsKey(subjectType) || "PERSON".equals(subjectType)) {
			try {
				records.computeIfAbsent(subjectType, t -> new TreeSet<>()).add(Long.parseLong(subjectId));
			}
			catch (NumberFormatException notAnId) {
				// a subject that is not one record
			}
		}
		if (details != null && details.contains("\"" + AuditEntry.SHOWN)) {
			JsonNode node = JSON.readTree(details);
			for (String key : node.propertyNames()) {
				if (key.startsWith(AuditEntry.SHOWN)) {
					String type = key.substring(AuditEntry.SHOWN.length());
					if (type.equals("PERSON") || PERSON_OF.containsKey(type)) {
						ShownIds.decode(node.get(key).asString())
								.forEach(id -> records.computeIfAbsent(type, t -> new TreeSet<>()).add(id));
					}
				}
			}
		}
		return records;
	}

	/** Record id to person id (absent or null when the record names no registered person). */
	private Map<Long, Long> resolve(String type, Set<Long> ids) {
		Map<Long, Long> persons = new HashMap<>();
		if (type.equals("PERSON")) {
			ids.forEach(id -> persons.put(id, id));
			return persons;
		}
		chunks(ids).forEach(chunk -> jdbc.sql(PERSON_OF.get(type)).param("ids", chunk)
				.query((rs, n) -> persons.put(rs.getLong("id"), (Long) rs.getObject("person_id"))).list());
		return persons;
	}

	private static List<List<Long>> chunks(Set<Long> ids) {
		List<Long> all = new ArrayList<>(ids);
		List<List<Long>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += CHUNK) {
			chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
		}
		return chunks;
	}
}
