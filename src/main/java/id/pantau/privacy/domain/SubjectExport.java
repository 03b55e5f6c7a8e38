package id.pantau.privacy.domain;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.crossings.CrossingPersonalData;
import id.pantau.followup.AlertBook;
import id.pantau.matching.MatchingPersonalData;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.Scope;
import id.pantau.platform.SubjectRows;
import id.pantau.registry.Registry;
import id.pantau.registry.RegistryPersonalData;
import id.pantau.reports.ReportPersonalData;
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

	/**
	 * The part of the export that this module reads itself: who accessed the person's records, with {@code :person}
	 * the person's id. The other parts come from the modules that own them.
	 */
	private static final SubjectRows ACCESS_LOG = SubjectRows.of("access_log", """
				select id, occurred_at, actor, action, subject_type, subject_id, region_code, ip, details
				from audit_event_read
				where (subject_type = 'PERSON' and subject_id = :personText)
				   or (subject_type = 'REPORT' and subject_id in
				        (select id::text from village_report_read where person_id = :person))
				   or (subject_type = 'MATCH_CASE' and subject_id in
				        (select id::text from match_case_read where person_id = :person))
				   or (subject_type = 'ALERT' and subject_id in (select id::text from alert_read where person_id = :person))
				order by id""");

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;
	private final Registry registry;
	private final List<Function<Long, Map<String, String>>> owners;

	SubjectExport(JdbcClient jdbc, AuditTrail audit, Clock clock, Registry registry, RegistryPersonalData persons,
			CrossingPersonalData crossings, ReportPersonalData reports, MatchingPersonalData matching, AlertBook alerts) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.registry = registry;
		this.owners = List.of(persons::export, crossings::export, reports::export, matching::export, alerts::export);
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
		String region = Optional.ofNullable(registry.refs(List.of(personId)).get(personId))
				.map(person -> Objects.toString(person.regionCode(), ""))
				.orElseThrow(() -> new NotFoundException("person"));
		if (!scope.sees(region.isEmpty() ? null : region)) {
			throw new NotFoundException("person");
		}
		StringBuilder json = new StringBuilder("{\"exportedAt\":\"").append(clock.instant()).append("\",\"personId\":")
				.append(personId);
		Map<String, String> parts = new LinkedHashMap<>();
		owners.forEach(owner -> parts.putAll(owner.apply(personId)));
		parts.putAll(ACCESS_LOG.rowsOf(jdbc, personId));
		parts.forEach((name, rows) -> json.append(",\"").append(name).append("\":").append(rows));
		audit.record(AuditEntry.of("SUBJECT_EXPORTED").subject("PERSON", personId)
				.region(region.isEmpty() ? null : region).text("reason", reason));
		return json.append('}').toString();
	}
}
