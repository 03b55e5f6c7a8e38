package id.pantau.reports.domain;

import static id.pantau.platform.CaseFile.label;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import id.pantau.platform.CaseFile;
import id.pantau.platform.CaseFile.Entry;
import id.pantau.platform.CaseFile.Kind;
import id.pantau.reference.ReferenceData;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The village reports about a person, one entry per step (sent, returned, forwarded, validated with its outcome), in
 * the viewer's territory only: a village sees its own reports, never another village's.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReportCaseFile implements CaseFile.Part {

	private final JdbcClient jdbc;
	private final ReferenceData reference;

	@Override
	public List<Entry> entries(CaseFile.Viewer viewer, long personId) {
		List<Entry> entries = jdbc.sql("""
				select r.id, r.number, r.village_code, r.outcome, e.to_state, e.actor, e.at from report_event e
				join village_report r on r.id = e.village_report_id
				where r.person_id = :p and e.to_state <> 'DRAFT' order by e.at desc limit 500""")
				.param("p", personId).query((rs, n) -> {
					String village = rs.getString("village_code");
					if (!viewer.scope().covers(village)) {
						return null;
					}
					String state = rs.getString("to_state");
					String outcome = rs.getString("outcome");
					String villageName = reference.region(village).map(r -> r.name()).orElse(village);
					boolean validated = "VALIDATED".equals(state) && outcome != null;
					return new Entry(Kind.REPORT, rs.getTimestamp("at").toInstant(),
							validated ? "casefile.reportValidated" : "casefile.report",
							validated ? List.of(rs.getString("number"), villageName, label("reportState.", state),
									rs.getString("actor"), label("outcome.", outcome))
									: List.of(rs.getString("number"), villageName, label("reportState.", state),
											rs.getString("actor")),
							"/laporan/" + rs.getLong("id"));
				}).list().stream().filter(e -> e != null).collect(Collectors.toCollection(ArrayList::new));
		if (!viewer.hasAnyRole("OHOI")) {
			entries.addAll(viewsGiven(viewer, personId));
		}
		return entries;
	}

	/** Who gave a view at TIMPORA's table, and how; what they said stays on the report, for the agencies. */
	private List<Entry> viewsGiven(CaseFile.Viewer viewer, long personId) {
		return jdbc.sql("""
				select r.id, r.number, r.village_code, w.agency, w.recorded_by, w.recorded_at, w.on_paper
				from report_agency_view w join village_report r on r.id = w.village_report_id
				where r.person_id = :p order by w.recorded_at desc limit 500""").param("p", personId)
				.query((rs, n) -> viewer.scope().covers(rs.getString("village_code"))
						? new Entry(Kind.REPORT, rs.getTimestamp("recorded_at").toInstant(),
								rs.getBoolean("on_paper") ? "casefile.reportViewOnPaper" : "casefile.reportView",
								List.of(label("agency.", rs.getString("agency")), rs.getString("number"),
										rs.getString("recorded_by")),
								"/laporan/" + rs.getLong("id"))
						: null)
				.list().stream().filter(e -> e != null).toList();
	}
}
