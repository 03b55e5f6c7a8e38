package id.pantau.privacy.domain;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything Pantau holds on one person, for a data subject's request (UU 27/2022 Pasal 7 and 8): the person's row and
 * every table that refers to it (names, documents, permits, residences, crew service, NIK links, humanitarian flags,
 * status history), the crossings and village reports linked to the person, the match cases and candidates, the alerts
 * with their actions, and who accessed the person's records (every audit entry about the person, its reports, match
 * cases and alerts). One JSON document, built by PostgreSQL ({@code json_agg}); the export itself is audited with the
 * stated reason.
 */
@Service
public class SubjectExport {

	/** Each part of the export: its name and the query of its rows, with {@code :person} the person's id. */
	private static final Map<String, String> PARTS = new LinkedHashMap<>();

	static {
		PARTS.put("person", "select * from person where id = :person");
		for (String table : new String[] { "person_name", "travel_document", "stay_permit", "residence",
				"vessel_assignment", "identity_link", "humanitarian_flag", "person_status_change" }) {
			PARTS.put(table, "select * from " + table + " where person_id = :person");
		}
		PARTS.put("merged_records", "select * from person where merged_into = :person");
		PARTS.put("crossing", "select * from crossing where person_id = :person order by crossed_at");
		PARTS.put("village_report", "select * from village_report where person_id = :person order by id");
		PARTS.put("report_event", """
				select * from report_event where village_report_id in
				  (select id from village_report where person_id = :person) order by at""");
		PARTS.put("report_agency_view", """
				select * from report_agency_view where village_report_id in
				  (select id from village_report where person_id = :person)""");
		PARTS.put("person_list_row", "select * from person_list_row where person_id = :person order by id");
		PARTS.put("match_case", "select * from match_case where person_id = :person order by id");
		PARTS.put("match_candidate", "select * from match_candidate where person_id = :person");
		PARTS.put("alert", "select * from alert where person_id = :person order by id");
		PARTS.put("alert_action", """
				select * from alert_action where alert_id in (select id from alert where person_id = :person)
				order by id""");
		PARTS.put("meeting_view", """
				select * from meeting_view where alert_id in (select id from alert where person_id = :person)""");
		PARTS.put("access_log", """
				select id, occurred_at, actor, action, subject_type, subject_id, region_code, ip, details
				from audit_event
				where (subject_type = 'PERSON' and subject_id = :personText)
				   or (subject_type = 'REPORT' and subject_id in
				        (select id::text from village_report where person_id = :person))
				   or (subject_type = 'MATCH_CASE' and subject_id in
				        (select id::text from match_case where person_id = :person))
				   or (subject_type = 'ALERT' and subject_id in (select id::text from alert where person_id = :person))
				order by id""");
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	SubjectExport(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @throws NotFoundException when the person does not exist or lies outside {@code scope}
	 * @throws IllegalArgumentException when no reason is given
	 */
	@Transactional
	public String export(long personId, Scope scope, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("reason");
		}
		String region = jdbc.sql("select coalesce(region_code, '') from person where id = :id").param("id", personId)
				.query(String.class).optional().orElseThrow(() -> new NotFoundException("person"));
		if (!scope.sees(region.isEmpty() ? null : region)) {
			throw new NotFoundException("person");
		}
		StringBuilder json = new StringBuilder("{\"exportedAt\":\"").append(clock.instant()).append("\",\"personId\":")
				.append(personId);
		PARTS.forEach((name, query) -> {
			String rows = jdbc.sql("select coalesce(json_agg(t), '[]'::json)::text from (" + query + ") t")
					.param("person", personId).param("personText", Long.toString(personId)).query(String.class)
					.single();
			json.append(",\"").append(name).append("\":").append(rows);
		});
		audit.record(AuditEntry.of("SUBJECT_EXPORTED").subject("PERSON", personId)
				.region(region.isEmpty() ? null : region).text("reason", reason));
		return json.append('}').toString();
	}
}
