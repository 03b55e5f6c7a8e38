package id.pantau.privacy.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Whose records did this user, export or API client touch between t1 and t2?" (UU 27/2022 Pasal 46: a breach is
 * notified to the data subjects within 3x24 hours, so they must be found quickly). Answered from the audit trail: each
 * entry of the actor in the period that names a person, a report, a match case or an alert is resolved to the person
 * behind it; entries that read many records at once (lists, exports, the change feed) are listed with their filters
 * and counts, since the trail does not name each row of them.
 */
@Service
public class BreachQuery {

	private final JdbcClient jdbc;
	private final AuditTrail audit;

	BreachQuery(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A person whose record the actor touched: how many times, first and last, and through what. */
	public record TouchedPerson(long personId, String name, String regionCode, int times, Instant first, Instant last,
			String actions) {
	}

	/** An entry that read many records at once. */
	public record BulkAccess(long auditId, Instant at, String action, String details) {
	}

	public record Answer(String actor, Instant from, Instant to, List<TouchedPerson> persons, List<BulkAccess> bulk) {
	}

	private static final String PERSONS = """
			with entries as (
			  select e.id, e.occurred_at, e.action,
			    case e.subject_type
			      when 'PERSON' then (select p.id from person p where p.id::text = e.subject_id)
			      when 'REPORT' then (select r.person_id from village_report r where r.id::text = e.subject_id)
			      when 'MATCH_CASE' then (select m.person_id from match_case m where m.id::text = e.subject_id)
			      when 'ALERT' then (select a.person_id from alert a where a.id::text = e.subject_id)
			    end as person_id
			  from audit_event e
			  where lower(e.actor) = :actor and e.occurred_at >= :from and e.occurred_at < :to
			    and e.subject_type in ('PERSON', 'REPORT', 'MATCH_CASE', 'ALERT'))
			select p.id, p.primary_name, p.region_code, count(*) as times, min(x.occurred_at) as first,
			  max(x.occurred_at) as last, string_agg(distinct x.action, ', ' order by x.action) as actions
			from entries x join person p on p.id = x.person_id
			group by p.id, p.primary_name, p.region_code
			order by p.id""";

	private static final String BULK = """
			select id, occurred_at, action, details from audit_event
			where lower(actor) = :actor and occurred_at >= :from and occurred_at < :to
			  and action in ('PERSON_LISTED', 'CROSSINGS_LISTED', 'CROSSINGS_EXPORTED', 'REPORTS_EXPORTED',
			                 'CROSSINGS_REFUSED_EXPORTED', 'CHANGES_READ', 'SUBJECT_EXPORTED')
			order by id""";

	/** The answer; asking is itself audited (it reads the trail and names persons). */
	@Transactional
	public Answer ask(String actor, Instant from, Instant to) {
		String who = actor.strip().toLowerCase();
		List<TouchedPerson> persons = jdbc.sql(PERSONS).param("actor", who).param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.query((rs, n) -> new TouchedPerson(rs.getLong("id"), rs.getString("primary_name"),
						rs.getString("region_code"), rs.getInt("times"), rs.getTimestamp("first").toInstant(),
						rs.getTimestamp("last").toInstant(), rs.getString("actions")))
				.list();
		List<BulkAccess> bulk = jdbc.sql(BULK).param("actor", who).param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.query((rs, n) -> new BulkAccess(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
						rs.getString("action"), rs.getString("details")))
				.list();
		audit.record(AuditEntry.of("BREACH_QUERIED").detail("actor", who).detail("from", from).detail("to", to)
				.detail("persons", persons.size()).detail("bulk", bulk.size()));
		return new Answer(who, from, to, persons, bulk);
	}
}
