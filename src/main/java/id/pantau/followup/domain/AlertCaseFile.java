package id.pantau.followup.domain;

import static id.pantau.platform.CaseFile.day;
import static id.pantau.platform.CaseFile.label;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.pantau.platform.CaseFile;
import id.pantau.platform.CaseFile.Entry;
import id.pantau.platform.CaseFile.Kind;
import id.pantau.platform.DisplayTime;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's alerts (raised and closed), what was done about them and the TIMPORA meetings' decisions, for those who
 * follow alerts up, within their territory. Villages see none of it: notes and decisions are the agencies' own.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AlertCaseFile implements CaseFile.Part {

	private final JdbcClient jdbc;

	@Override
	public List<Entry> entries(CaseFile.Viewer viewer, long personId) {
		if (!viewer.hasAnyRole("KESBANGPOL", "IMIGRASI", "TIMPORA", "BPMPD")) {
			return List.of();
		}
		List<Entry> entries = new ArrayList<>();
		List<Long> visible = new ArrayList<>();
		jdbc.sql("""
				select id, rule, severity, status, outcome, region_code, opened_at, closed_at, closed_by, assigned_agency from alert
				where person_id = :p order by opened_at desc limit 500""").param("p", personId).query((rs, n) -> {
					if (!viewer.scope().sees(rs.getString("region_code"))) {
						return null;
					}
					long id = rs.getLong("id");
					visible.add(id);
					String rule = rs.getString("rule");
					String link = "/peringatan/" + id;
					String assignedTo = rs.getString("assigned_agency");
					List<Object> opened = new ArrayList<>(List.of(label("alert.rule.", rule, ".name"),
							label("followup.severity.", rs.getString("severity")),
							label("followup.status.", rs.getString("status"))));
					if (assignedTo != null) {
						opened.add(label("agency.", assignedTo));
					}
					entries.add(new Entry(Kind.ALERT, rs.getTimestamp("opened_at").toInstant(),
							assignedTo == null ? "casefile.alertOpened" : "casefile.alertOpenedFor", opened, link));
					if (rs.getTimestamp("closed_at") != null) {
						String outcome = rs.getString("outcome");
						entries.add(new Entry(Kind.ALERT, rs.getTimestamp("closed_at").toInstant(),
								"casefile.alertClosed", List.of(label("alert.rule.", rule, ".name"),
										label("followup.status.", rs.getString("status")),
										outcome == null ? "-" : label("followup.outcome.", outcome),
										rs.getString("closed_by") == null ? "-" : rs.getString("closed_by")),
								link));
					}
					return null;
				}).list();
		if (visible.isEmpty()) {
			return entries;
		}
		jdbc.sql("""
				select a.alert_id, a.kind, a.actor, a.agency, a.recorded_at, al.rule from alert_action a
				join alert al on al.id = a.alert_id where a.alert_id in (:ids)""").param("ids", visible)
				.query((rs, n) -> entries.add(new Entry(Kind.ACTION, rs.getTimestamp("recorded_at").toInstant(),
						"casefile.action", List.of(label("followup.action.", rs.getString("kind")),
								label("alert.rule.", rs.getString("rule"), ".name"), rs.getString("actor"),
								rs.getString("agency") == null ? "-" : rs.getString("agency")),
						"/peringatan/" + rs.getLong("alert_id")))).list();
		jdbc.sql("""
				select m.id, m.held_at, i.decision, a.rule from meeting_item i
				join timpora_meeting m on m.id = i.meeting_id join alert a on a.id = i.alert_id
				where i.alert_id in (:ids) and i.decision is not null""").param("ids", visible)
				.query((rs, n) -> {
					var held = rs.getTimestamp("held_at").toInstant();
					return entries.add(new Entry(Kind.DECISION, held, "casefile.decision",
							List.of(day(LocalDate.ofInstant(held, DisplayTime.ZONE)),
									label("alert.rule.", rs.getString("rule"), ".name"), rs.getString("decision")),
							"/timpora/" + rs.getLong("id")));
				}).list();
		return entries;
	}
}
