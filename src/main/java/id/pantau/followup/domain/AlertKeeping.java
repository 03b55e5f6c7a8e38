package id.pantau.followup.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.pantau.followup.AlertBook;
import id.pantau.followup.Evidence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alerts as the detection engine and retention change them. Raising is set-based, inside the caller's
 * transaction (a rule run may find tens of thousands of facts); every change of status goes through
 * {@link Alerts#changeStatus} and its guard, and a change the guard refuses does nothing.
 */
@Service
@Transactional
class AlertKeeping implements AlertBook {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final Alerts alerts;

	AlertKeeping(JdbcClient jdbc, Alerts alerts) {
		this.jdbc = jdbc;
		this.alerts = alerts;
	}

	@Override
	public Raised raise(String rule, String assignedAgency, List<Raising> found, Set<Long> persons, Instant at) {
		jdbc.sql("""
				create temporary table if not exists alert_raising (
				  rule text, severity text, subject_type text, subject_key text, person_id bigint, region_code text,
				  facts_key text, summary_args text, evidence text, legal_reference text) on commit delete rows""")
				.update();
		jdbc.sql("create index if not exists alert_raising_key on alert_raising (subject_key, facts_key)")
				.update();
		jdbc.sql("truncate alert_raising").update();
		stage(rule, found);
		// a temporary table has no statistics until analysed (autovacuum never sees it): without them, or with a
		// generic plan cached from an earlier run, the anti-join below ran as a nested loop over the whole table per
		// alert (minutes for 20,000 alerts in bench/detect); the index and custom plans keep it linear
		jdbc.sql("analyze alert_raising").update();
		Timestamp now = Timestamp.from(at);
		List<String> active = AlertStatus.ACTIVE.stream().map(Enum::name).toList();
		int opened = jdbc.sql("""
				with upserted as (
				  insert into alert (rule, severity, subject_type, subject_key, person_id, region_code, facts_key,
				    summary_args, evidence, legal_reference, status, opened_at, last_seen_at, version)
				  select distinct on (subject_key, facts_key) rule, severity, subject_type, subject_key, person_id,
				    region_code, facts_key, summary_args, evidence, legal_reference, :open, :now, :now, 0
				  from alert_raising
				  order by subject_key, facts_key
				  on conflict (rule, subject_key, facts_key) do update set last_seen_at = excluded.last_seen_at,
				    severity = excluded.severity, summary_args = excluded.summary_args, evidence = excluded.evidence,
				    region_code = excluded.region_code, person_id = excluded.person_id, facts_changed_at = null,
				    facts_note = null
				  where alert.status in (:active)
				  returning (xmax = 0) as inserted
				)
				select count(*) filter (where inserted) from upserted""").param("open", AlertStatus.OPEN.name())
				.param("now", now).param("active", active).query(Integer.class).single();
		if (opened > 0 && assignedAgency != null) {
			jdbc.sql("""
					update alert set assigned_agency = :agency
					where rule = :rule and status = :open and opened_at = :now and assigned_agency is null""")
					.param("agency", assignedAgency).param("rule", rule).param("open", AlertStatus.OPEN.name())
					.param("now", now).update();
		}
		String onlyTouched = persons == null ? "" : " and a.person_id = any(:persons)";
		List<FactsGone> gone = jdbc.sql("""
				select a.id, a.subject_key, a.person_id, a.facts_key from alert a
				where a.rule = :rule and a.status in (:active) and a.facts_changed_at is null %s
				  and not exists (select 1 from alert_raising f
				    where f.subject_key = a.subject_key and f.facts_key = a.facts_key)""".formatted(onlyTouched))
				.param("rule", rule).param("active", active)
				.param("persons", persons == null ? new Long[0] : persons.toArray(Long[]::new))
				.query((rs, n) -> new FactsGone(rs.getLong("id"), rs.getString("subject_key"),
						(Long) rs.getObject("person_id"), rs.getString("facts_key")))
				.list();
		return new Raised(opened, gone);
	}

	@Override
	public boolean closeByFacts(long alertId, String noteKey, List<String> noteArgs, Long linkCase, Instant at) {
		return alerts.find(alertId).filter(alert -> alert.canTransitionTo(AlertStatus.CLOSED))
				.map(alert -> alerts.changeStatus(alert, AlertStatus.CLOSED,
						new Alerts.Closure(at, SYSTEM, Outcome.RESOLVED_BY_FACTS.name(), null, linkCase),
						new Alerts.FactsNote(at, noteKey, noteArgs)))
				.orElse(false);
	}

	@Override
	public void noteFactsChanged(long alertId, String noteKey, List<String> noteArgs, Instant at) {
		alerts.noteFactsChanged(alertId, new Alerts.FactsNote(at, noteKey, noteArgs));
	}

	@Override
	public List<Long> reopenClosedBy(long linkCase, Instant at) {
		Alerts.FactsNote undone = new Alerts.FactsNote(at, "alert.resolution.linkUndone",
				List.of(Long.toString(linkCase)));
		List<Long> persons = new ArrayList<>();
		for (Alert alert : alerts.closedByLink(linkCase)) {
			if (alert.canTransitionTo(AlertStatus.OPEN)
					&& alerts.changeStatus(alert, AlertStatus.OPEN, Alerts.Closure.NONE, undone)) {
				persons.add(alert.personId());
			}
		}
		return persons;
	}

	@Override
	public Optional<Long> find(String rule, String factsKey) {
		return jdbc.sql("select id from alert where rule = :rule and facts_key = :facts").param("rule", rule)
				.param("facts", factsKey).query(Long.class).optional();
	}

	@Override
	public Set<Long> withActiveAlerts(Collection<Long> persons) {
		if (persons.isEmpty()) {
			return Set.of();
		}
		return new LinkedHashSet<>(jdbc.sql("""
				select distinct person_id from alert where person_id = any(:persons) and status in (:active)""")
				.param("persons", persons.toArray(Long[]::new))
				.param("active", AlertStatus.ACTIVE.stream().map(Enum::name).toList()).query(Long.class).list());
	}

	@Override
	public int anonymiseAbout(long personId) {
		return (int) alerts.aboutPerson(personId).stream().filter(alerts::anonymise).count();
	}

	/** The findings into the session's temporary table, one statement per few thousand rows (arrays, unnest). */
	private void stage(String rule, List<Raising> found) {
		int chunk = 5000;
		for (int from = 0; from < found.size(); from += chunk) {
			List<Raising> part = found.subList(from, Math.min(found.size(), from + chunk));
			int n = part.size();
			String[][] text = new String[9][n];
			Long[] persons = new Long[n];
			for (int i = 0; i < n; i++) {
				Raising f = part.get(i);
				text[0][i] = rule;
				text[1][i] = f.severity().name();
				text[2][i] = f.subjectType();
				text[3][i] = f.subjectKey();
				text[4][i] = f.regionCode();
				text[5][i] = f.factsKey();
				text[6][i] = JSON.writeValueAsString(f.summaryArgs());
				text[7][i] = JSON.writeValueAsString(evidence(f.evidence()));
				text[8][i] = f.legalReference();
				persons[i] = f.personId();
			}
			jdbc.sql("""
					insert into alert_raising (rule, severity, subject_type, subject_key, region_code, facts_key,
					  summary_args, evidence, legal_reference, person_id)
					select * from unnest(:a0::text[], :a1::text[], :a2::text[], :a3::text[], :a4::text[], :a5::text[],
					  :a6::text[], :a7::text[], :a8::text[], :persons::bigint[])""")
					.param("a0", text[0]).param("a1", text[1]).param("a2", text[2]).param("a3", text[3])
					.param("a4", text[4]).param("a5", text[5]).param("a6", text[6]).param("a7", text[7])
					.param("a8", text[8]).param("persons", persons).update();
		}
	}

	/** Evidence items as the alert's JSON: dates as yyyy-mm-dd, absent fields left out. */
	private static List<Map<String, String>> evidence(List<Evidence> items) {
		List<Map<String, String>> out = new ArrayList<>(items.size());
		for (Evidence e : items) {
			Map<String, String> item = new LinkedHashMap<>();
			item.put("type", e.type());
			if (e.id() != null) {
				item.put("id", e.id());
			}
			if (e.label() != null) {
				item.put("label", e.label());
			}
			if (e.date() != null) {
				item.put("date", e.date());
			}
			out.add(item);
		}
		return out;
	}
}
