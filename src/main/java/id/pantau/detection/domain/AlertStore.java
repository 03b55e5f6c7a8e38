package id.pantau.detection.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import id.pantau.detection.rules.DetectionRule;
import id.pantau.detection.rules.Finding;
import id.pantau.detection.rules.GoneAlert;
import id.pantau.detection.rules.Resolution;
import id.pantau.detection.rules.RuleContext;
import id.pantau.followup.Evidence;
import id.pantau.matching.AutomaticLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts from findings, set-based, inside the caller's transaction: new facts open an alert; facts still found keep
 * an open alert fresh (last seen, severity, summary); an alert dismissed or closed is never reopened for the same
 * facts; an open alert whose facts are gone gets a note of what changed, and closes itself where the rule says the
 * change resolves it.
 */
@Repository
class AlertStore {

	static final String SYSTEM = "system";
	static final String RESOLVED_BY_FACTS = "RESOLVED_BY_FACTS";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What a run changed. */
	record Applied(int found, int opened, int resolved, int changed) {
	}

	private final JdbcClient jdbc;
	private final AutomaticLinks links;

	AlertStore(JdbcClient jdbc, AutomaticLinks links) {
		this.links = links;
		this.jdbc = jdbc;
	}

	Applied apply(DetectionRule rule, RuleContext context, List<Finding> findings, Instant now) {
		jdbc.sql("""
				create temporary table if not exists detection_finding (
				  rule text, severity text, subject_type text, subject_key text, person_id bigint, region_code text,
				  facts_key text, summary_args text, evidence text, legal_reference text) on commit delete rows""")
				.update();
		jdbc.sql("create index if not exists detection_finding_key on detection_finding (subject_key, facts_key)")
				.update();
		jdbc.sql("truncate detection_finding").update();
		stage(findings);
		// a temporary table has no statistics until analysed (autovacuum never sees it): without them, or with a
		// generic plan cached from an earlier run, the anti-join below ran as a nested loop over the whole table per
		// alert (minutes for 20,000 alerts in bench/detect); the index and custom plans keep it linear
		jdbc.sql("analyze detection_finding").update();
		Timestamp at = Timestamp.from(now);
		int opened = jdbc.sql("""
				with upserted as (
				  insert into alert (rule, severity, subject_type, subject_key, person_id, region_code, facts_key,
				    summary_args, evidence, legal_reference, status, opened_at, last_seen_at, version)
				  select distinct on (subject_key, facts_key) rule, severity, subject_type, subject_key, person_id,
				    region_code, facts_key, summary_args, evidence, legal_reference, 'OPEN', :now, :now, 0
				  from detection_finding
				  order by subject_key, facts_key
				  on conflict (rule, subject_key, facts_key) do update set last_seen_at = excluded.last_seen_at,
				    severity = excluded.severity, summary_args = excluded.summary_args, evidence = excluded.evidence,
				    region_code = excluded.region_code, person_id = excluded.person_id, facts_changed_at = null,
				    facts_note = null
				  where alert.status in ('OPEN', 'ACKNOWLEDGED')
				  returning (xmax = 0) as inserted
				)
				select count(*) filter (where inserted) from upserted""").param("now", at).query(Integer.class)
				.single();
		if (opened > 0 && rule.assignedAgency() != null) {
			jdbc.sql("""
					update alert set assigned_agency = :agency
					where rule = :rule and status = 'OPEN' and opened_at = :now and assigned_agency is null""")
					.param("agency", rule.assignedAgency()).param("rule", rule.code()).param("now", at).update();
		}
		String onlyTouched = context.incremental() && rule.personScoped() ? " and a.person_id = any(:persons)" : "";
		List<GoneAlert> gone = context.sql("""
				select a.id, a.subject_key, a.person_id, a.facts_key from alert a
				where a.rule = :rule and a.status in ('OPEN', 'ACKNOWLEDGED') and a.facts_changed_at is null %s
				  and not exists (select 1 from detection_finding f
				    where f.subject_key = a.subject_key and f.facts_key = a.facts_key)""".formatted(onlyTouched))
				.param("rule", rule.code())
				.query((rs, n) -> new GoneAlert(rs.getLong("id"), rs.getString("subject_key"),
						rs.getObject("person_id") == null ? null : rs.getLong("person_id"), rs.getString("facts_key")))
				.list();
		int resolved = 0;
		for (GoneAlert alert : gone) {
			Resolution resolution = rule.whenGone(context, alert);
			if (resolution.closes()) {
				resolved += jdbc.sql("""
						update alert set status = 'CLOSED', outcome = :outcome, closed_by = :system, closed_at = :now,
						  close_note = null, facts_changed_at = :now, facts_note = null, facts_note_key = :key,
						  facts_note_args = :args, closed_by_link = :link, version = version + 1
						where id = :id and status in ('OPEN', 'ACKNOWLEDGED')""").param("outcome", RESOLVED_BY_FACTS)
						.param("system", SYSTEM).param("now", at).param("key", resolution.messageKey())
						.param("args", JSON.writeValueAsString(resolution.args()))
						.param("link", resolution.crossingId() == null ? null
								: links.caseOfCrossing(resolution.crossingId()).orElse(null), java.sql.Types.BIGINT)
						.param("id", alert.id()).update();
			}
			else {
				jdbc.sql("""
						update alert set facts_changed_at = :now, facts_note = null, facts_note_key = :key,
						  facts_note_args = :args where id = :id""").param("now", at)
						.param("key", resolution.messageKey()).param("args", JSON.writeValueAsString(resolution.args()))
						.param("id", alert.id()).update();
			}
		}
		return new Applied(findings.size(), opened, resolved, gone.size());
	}

	/**
	 * Reopens the alerts that closed themselves on facts an automatic link brought, now that a reviewer undid the
	 * link: the facts they closed on are no longer this person's. Gives the persons of the reopened alerts.
	 */
	List<Long> reopenClosedBy(long linkCase, Instant at) {
		return jdbc.sql("""
				update alert set status = 'OPEN', outcome = null, closed_by = null, closed_at = null, close_note = null,
				  closed_by_link = null, facts_changed_at = :now, facts_note = null,
				  facts_note_key = 'alert.resolution.linkUndone', facts_note_args = :args, version = version + 1
				where closed_by_link = :link and status = 'CLOSED' and outcome = :outcome
				returning person_id""").param("now", Timestamp.from(at)).param("link", linkCase)
				.param("args", JSON.writeValueAsString(List.of(Long.toString(linkCase))))
				.param("outcome", RESOLVED_BY_FACTS).query((rs, n) -> rs.getLong("person_id")).list();
	}

	/** The findings into the session's temporary table, one statement per few thousand rows (arrays, unnest). */
	private void stage(List<Finding> findings) {
		int chunk = 5000;
		for (int from = 0; from < findings.size(); from += chunk) {
			List<Finding> part = findings.subList(from, Math.min(findings.size(), from + chunk));
			int n = part.size();
			String[][] text = new String[9][n];
			Long[] persons = new Long[n];
			for (int i = 0; i < n; i++) {
				Finding f = part.get(i);
				text[0][i] = f.rule();
				text[1][i] = f.severity().name();
				text[2][i] = f.subjectType().name();
				text[3][i] = f.subjectKey();
				text[4][i] = f.regionCode();
				text[5][i] = f.factsKey();
				text[6][i] = JSON.writeValueAsString(f.summaryArgs());
				text[7][i] = JSON.writeValueAsString(evidence(f.evidence()));
				text[8][i] = f.legalReference();
				persons[i] = f.personId();
			}
			jdbc.sql("""
					insert into detection_finding (rule, severity, subject_type, subject_key, region_code, facts_key,
					  summary_args, evidence, legal_reference, person_id)
					select * from unnest(:a0::text[], :a1::text[], :a2::text[], :a3::text[], :a4::text[], :a5::text[],
					  :a6::text[], :a7::text[], :a8::text[], :persons::bigint[])""")
					.param("a0", text[0]).param("a1", text[1]).param("a2", text[2]).param("a3", text[3])
					.param("a4", text[4]).param("a5", text[5]).param("a6", text[6]).param("a7", text[7])
					.param("a8", text[8]).param("persons", persons).update();
		}
	}

	/** Evidence items as the alert's JSON: dates as yyyy-mm-dd, absent fields left out. */
	private static List<java.util.Map<String, String>> evidence(List<Evidence> items) {
		List<java.util.Map<String, String>> out = new ArrayList<>(items.size());
		for (Evidence e : items) {
			java.util.Map<String, String> item = new java.util.LinkedHashMap<>();
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
