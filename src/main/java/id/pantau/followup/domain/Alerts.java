package id.pantau.followup.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.pantau.followup.AlertBook;
import id.pantau.followup.Evidence;
import id.pantau.followup.Severity;
import id.pantau.platform.Scope;
import id.pantau.platform.SubjectRows;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert and alert_action tables, which this module owns: alerts as people read and change them, each person's
 * change at the version they saw, a rule run's findings raised set-based, and every change of status through
 * {@link #changeStatus}.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Alerts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SubjectRows PERSONAL_DATA = SubjectRows.of(
			"alert", "select * from alert where person_id = :person order by id",
			"alert_action", """
					select * from alert_action where alert_id in (select id from alert where person_id = :person)
					order by id""",
			"meeting_view", """
					select * from meeting_view where alert_id in (select id from alert where person_id = :person)""");

	private static final Map<String, String> ORDER = Map.of(
			"severity", "case a.severity when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end, a.opened_at",
			"oldest", "a.opened_at", "newest", "a.opened_at desc", "rule", "a.rule, a.opened_at",
			"village", "a.region_code nulls first, a.opened_at");

	private final JdbcClient jdbc;

	Optional<Alert> find(long id) {
		return jdbc.sql("select * from alert a where a.id = :id").param("id", id).query(Alerts::alert).optional();
	}

	record Found(List<Alert> alerts, long total) {
	}

	Found list(Scope scope, AlertFilter.Checked filter, Instant now, int limit) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		StringBuilder where = new StringBuilder(" where ").append(scope.sqlVisibility("a.region_code"));
		where.append(" and a.status in (:statuses)");
		params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
		if (filter.severity() != null) {
			where.append(" and a.severity = :severity");
			params.put("severity", filter.severity().name());
		}
		if (filter.rule() != null) {
			where.append(" and a.rule = :rule");
			params.put("rule", filter.rule());
		}
		if (filter.region() != null) {
			where.append(" and (a.region_code = :region or a.region_code like :regionPrefix)");
			params.put("region", filter.region());
			params.put("regionPrefix", filter.region() + ".%");
		}
		if (filter.assignee() != null) {
			if (filter.assignee().equalsIgnoreCase("NONE")) {
				where.append(" and a.assigned_to is null and a.assigned_agency is null");
			}
			else {
				where.append(" and (a.assigned_to = :assignee or a.assigned_agency = :assignee)");
				params.put("assignee", filter.assignee());
			}
		}
		if (filter.minAgeDays() > 0) {
			where.append(" and a.opened_at <= :openedBefore");
			params.put("openedBefore", Timestamp.from(now.minusSeconds(86_400L * filter.minAgeDays())));
		}
		long total = jdbc.sql("select count(*) from alert a" + where).params(params).query(Long.class).single();
		params.put("limit", limit);
		params.put("offset", (long) filter.page() * limit);
		List<Alert> alerts = jdbc.sql("select a.* from alert a" + where + " order by " + ORDER.get(filter.sort())
				+ ", a.id limit :limit offset :offset").params(params).query(Alerts::alert).list();
		return new Found(alerts, total);
	}

	/**
	 * Active alerts within the scope that are not on the meeting's agenda yet, most severe and oldest first, with
	 * how many there are in all (the page shows that some were left out).
	 */
	Found activeNotOnAgenda(Scope scope, long meetingId, int limit) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		params.put("statuses", AlertStatus.ACTIVE.stream().map(Enum::name).toList());
		params.put("meeting", meetingId);
		String where = " where " + scope.sqlVisibility("a.region_code") + " and a.status in (:statuses)"
				+ " and not exists (select 1 from meeting_item i where i.meeting_id = :meeting and i.alert_id = a.id)";
		long total = jdbc.sql("select count(*) from alert a" + where).params(params).query(Long.class).single();
		params.put("limit", limit);
		List<Alert> alerts = jdbc.sql("select a.* from alert a" + where + " order by " + ORDER.get("severity")
				+ ", a.id limit :limit").params(params).query(Alerts::alert).list();
		return new Found(alerts, total);
	}

	/** Alerts about a person, newest first. */
	List<Alert> aboutPerson(long personId) {
		return jdbc.sql("select a.* from alert a where a.person_id = :person order by a.opened_at desc, a.id desc")
				.param("person", personId).query(Alerts::alert).list();
	}

	/** The person's alerts, their actions and the meetings' views of them, each part a JSON array. */
	Map<String, String> export(long personId) {
		return PERSONAL_DATA.rowsOf(jdbc, personId);
	}

	/** The rules that have raised alerts, for the list's filter. */
	List<String> rules() {
		return jdbc.sql("select distinct rule from alert order by rule").query(String.class).list();
	}

	/**
	 * A rule run's findings as alerts, set-based (a run may find tens of thousands of facts): see
	 * {@link AlertBook#raise}.
	 */
	AlertBook.Raised raise(String rule, String assignedAgency, List<AlertBook.Raising> found, Set<Long> persons, Instant at) {
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
		List<AlertBook.FactsGone> gone = jdbc.sql("""
				select a.id, a.subject_key, a.person_id, a.facts_key from alert a
				where a.rule = :rule and a.status in (:active) and a.facts_changed_at is null %s
				  and not exists (select 1 from alert_raising f
				    where f.subject_key = a.subject_key and f.facts_key = a.facts_key)""".formatted(onlyTouched))
				.param("rule", rule).param("active", active)
				.param("persons", persons == null ? new Long[0] : persons.toArray(Long[]::new))
				.query((rs, n) -> new AlertBook.FactsGone(rs.getLong("id"), rs.getString("subject_key"),
						(Long) rs.getObject("person_id"), rs.getString("facts_key")))
				.list();
		return new AlertBook.Raised(opened, gone);
	}

	/** The alert a rule raised on these facts. */
	Optional<Long> find(String rule, String factsKey) {
		return jdbc.sql("select id from alert where rule = :rule and facts_key = :facts").param("rule", rule)
				.param("facts", factsKey).query(Long.class).optional();
	}

	/** Those of the persons with an active alert. */
	Set<Long> withActiveAlerts(Collection<Long> persons) {
		if (persons.isEmpty()) {
			return Set.of();
		}
		return new LinkedHashSet<>(jdbc.sql("""
				select distinct person_id from alert where person_id = any(:persons) and status in (:active)""")
				.param("persons", persons.toArray(Long[]::new))
				.param("active", AlertStatus.ACTIVE.stream().map(Enum::name).toList()).query(Long.class).list());
	}

	void assign(Alert alert, int version, String officer, String agency) {
		changed(jdbc.sql("""
				update alert set assigned_to = :officer, assigned_agency = :agency, version = version + 1
				where id = :id and version = :version""").param("officer", officer).param("agency", agency)
				.param("id", alert.id()).param("version", version).update(), alert);
	}

	/** How an alert was concluded; {@link #NONE} for a change to an active status, which clears it. */
	record Closure(Instant at, String by, String outcome, String note, Long byLink) {

		static final Closure NONE = new Closure(null, null, null, null, null);
	}

	/** What changed in an alert's facts: a message and its arguments, which each reader sees in their language. */
	record FactsNote(Instant at, String key, List<String> args) {
	}

	/**
	 * The one statement that changes an alert's status, whoever asks: refused unless the alert's guard
	 * ({@link Alert#canTransitionTo}) allows it; made at the version and status the alert was read with, so it gives
	 * false when the alert changed meanwhile. {@code facts}, when the change rests on changed facts, is noted with it.
	 */
	boolean changeStatus(Alert alert, AlertStatus next, Closure closure, FactsNote facts) {
		if (!alert.canTransitionTo(next)) {
			throw new IllegalStateException("alert " + alert.id() + " cannot go from " + alert.status() + " to " + next);
		}
		return jdbc.sql("""
				update alert set status = :status, closed_at = :closedAt, closed_by = :closedBy, outcome = :outcome,
				  close_note = :note, closed_by_link = :link, version = version + 1,
				  facts_changed_at = case when :noted then :factsAt else facts_changed_at end,
				  facts_note = case when :noted then null else facts_note end,
				  facts_note_key = case when :noted then :factsKey else facts_note_key end,
				  facts_note_args = case when :noted then :factsArgs else facts_note_args end
				where id = :id and version = :version and status = :from""").param("status", next.name())
				.param("closedAt", closure.at() == null ? null : Timestamp.from(closure.at()), Types.TIMESTAMP)
				.param("closedBy", closure.by()).param("outcome", closure.outcome()).param("note", closure.note())
				.param("link", closure.byLink(), Types.BIGINT).param("noted", facts != null)
				.param("factsAt", facts == null ? null : Timestamp.from(facts.at()), Types.TIMESTAMP)
				.param("factsKey", facts == null ? null : facts.key(), Types.VARCHAR)
				.param("factsArgs", facts == null ? null : JSON.writeValueAsString(facts.args()), Types.VARCHAR)
				.param("id", alert.id()).param("version", alert.version()).param("from", alert.status().name())
				.update() == 1;
	}

	/** A person's change of status, at the version they saw: refused when the alert changed meanwhile. */
	void changeStatusAsSeen(Alert alert, AlertStatus next, Closure closure) {
		changed(changeStatus(alert, next, closure, null) ? 1 : 0, alert);
	}

	/** Notes what changed in the alert's facts, its status unchanged. */
	void noteFactsChanged(long alertId, FactsNote facts) {
		jdbc.sql("""
				update alert set facts_changed_at = :now, facts_note = null, facts_note_key = :key,
				  facts_note_args = :args where id = :id""").param("now", Timestamp.from(facts.at()))
				.param("key", facts.key()).param("args", JSON.writeValueAsString(facts.args())).param("id", alertId)
				.update();
	}

	/** The alerts a closure resting on an automatic link concluded (or once concluded), oldest first. */
	List<Alert> closedByLink(long linkCase) {
		return jdbc.sql("select a.* from alert a where a.closed_by_link = :link order by a.id").param("link", linkCase)
				.query(Alerts::alert).list();
	}

	/**
	 * Erases what the alert and its history say about the person (evidence, summary, notes), if its guard allows;
	 * what was decided and when stays for the figures. Gives whether it was erased.
	 */
	boolean anonymise(Alert alert) {
		if (!alert.mayBeAnonymised()) {
			return false;
		}
		int rows = jdbc.sql("""
				update alert set evidence = '[]', summary_args = '[]', facts_note = null, close_note = null
				where id = :id and status = :status""").param("id", alert.id()).param("status", alert.status().name())
				.update();
		if (rows == 1) {
			jdbc.sql("update alert_action set note = null where alert_id = :id").param("id", alert.id()).update();
		}
		return rows == 1;
	}

	/** Marks the alert changed (a new entry in its history), so that a form read before is refused. */
	void touch(Alert alert, int version) {
		changed(jdbc.sql("update alert set version = version + 1 where id = :id and version = :version")
				.param("id", alert.id()).param("version", version).update(), alert);
	}

	void touch(long alertId) {
		jdbc.sql("update alert set version = version + 1 where id = :id").param("id", alertId).update();
	}

	void addAction(long alertId, ActionKind kind, String note, LocalDate happenedOn, Actor actor, Instant at,
			Long meetingId) {
		jdbc.sql("""
				insert into alert_action (alert_id, kind, note, happened_on, actor, agency, recorded_at, meeting_id)
				values (:alert, :kind, :note, :on, :actor, :agency, :at, :meeting)""").param("alert", alertId)
				.param("kind", kind.name()).param("note", note).param("on", happenedOn).param("actor", actor.name())
				.param("agency", actor.agency() == null ? null : actor.agency().name()).param("at", Timestamp.from(at))
				.param("meeting", meetingId).update();
	}

	List<AlertAction> actions(long alertId) {
		return jdbc.sql("""
				select id, alert_id, kind, note, happened_on, actor, agency, recorded_at, meeting_id
				from alert_action where alert_id = :alert order by recorded_at, id""").param("alert", alertId)
				.query((rs, n) -> new AlertAction(rs.getLong("id"), rs.getLong("alert_id"), rs.getString("kind"),
						rs.getString("note"), rs.getObject("happened_on", LocalDate.class), rs.getString("actor"),
						rs.getString("agency"), rs.getTimestamp("recorded_at").toInstant(),
						(Long) rs.getObject("meeting_id")))
				.list();
	}

	/** Decisions taken on the alert in TIMPORA meetings, oldest meeting first. */
	List<MeetingDecision> decisions(long alertId) {
		return jdbc.sql("""
				select m.id, m.held_at, m.place, m.status, i.decision from meeting_item i
				join timpora_meeting m on m.id = i.meeting_id
				where i.alert_id = :alert and i.decision is not null order by m.held_at, m.id""").param("alert", alertId)
				.query((rs, n) -> new MeetingDecision(rs.getLong("id"), rs.getTimestamp("held_at").toInstant(),
						rs.getString("place"), rs.getString("status"), rs.getString("decision")))
				.list();
	}

	private static void changed(int rows, Alert alert) {
		if (rows != 1) {
			throw new OptimisticLockingFailureException("alert " + alert.id() + " changed meanwhile");
		}
	}

	static Alert alert(ResultSet rs, int row) throws SQLException {
		return new Alert(rs.getLong("id"), rs.getString("rule"), Severity.valueOf(rs.getString("severity")),
				rs.getString("subject_type"), rs.getString("subject_key"), (Long) rs.getObject("person_id"),
				rs.getString("region_code"), strings(rs.getString("summary_args")), evidence(rs.getString("evidence")),
				rs.getString("legal_reference"), AlertStatus.valueOf(rs.getString("status")),
				rs.getString("assigned_agency"), rs.getString("assigned_to"), instant(rs, "opened_at"),
				instant(rs, "last_seen_at"), instant(rs, "facts_changed_at"), rs.getString("facts_note"),
				rs.getString("facts_note_key"), strings(rs.getString("facts_note_args")), instant(rs, "closed_at"), rs.getString("closed_by"), rs.getString("outcome"),
				rs.getString("close_note"), (Long) rs.getObject("closed_by_link"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/** The summary's arguments; text that is not a JSON array of values gives none (the summary still shows). */
	static List<String> strings(String json) {
		List<String> values = new ArrayList<>();
		JsonNode node = read(json);
		if (node != null && node.isArray()) {
			node.forEach(v -> values.add(v.isNull() ? "" : v.isValueNode() ? v.asString() : v.toString()));
		}
		return values;
	}

	static List<Evidence> evidence(String json) {
		List<Evidence> items = new ArrayList<>();
		JsonNode node = read(json);
		if (node != null && node.isArray()) {
			node.forEach(e -> {
				if (e.isObject()) {
					items.add(new Evidence(text(e, "type"), text(e, "id"), text(e, "label"), text(e, "date")));
				}
			});
		}
		return items;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString();
	}

	private static JsonNode read(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		try {
			return JSON.readTree(json);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	/** The findings into the session's temporary table, one statement per few thousand rows (arrays, unnest). */
	private void stage(String rule, List<AlertBook.Raising> found) {
		int chunk = 5000;
		for (int from = 0; from < found.size(); from += chunk) {
			List<AlertBook.Raising> part = found.subList(from, Math.min(found.size(), from + chunk));
			int n = part.size();
			String[][] text = new String[9][n];
			Long[] persons = new Long[n];
			for (int i = 0; i < n; i++) {
				AlertBook.Raising f = part.get(i);
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
