package id.pantau.matching.domain;

import static id.pantau.platform.CaseFile.label;

import java.util.List;

import id.pantau.platform.CaseFile;
import id.pantau.platform.CaseFile.Entry;
import id.pantau.platform.CaseFile.Kind;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the person's crossings and reports were linked to it: automatically (with the score) or by whose decision and
 * why, for those who review matches, within their territory.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MatchCaseFile implements CaseFile.Part {

	private final JdbcClient jdbc;

	@Override
	public List<Entry> entries(CaseFile.Viewer viewer, long personId) {
		if (!viewer.hasAnyRole("IMIGRASI", "KESBANGPOL")) {
			return List.of();
		}
		return jdbc.sql("""
				select id, record_kind, record_name, region_code, state, score, matched_at, decided_by, decided_at, reason
				from match_case where person_id = :p order by coalesce(decided_at, matched_at) desc limit 500""")
				.param("p", personId).query((rs, n) -> {
					if (!viewer.scope().sees(rs.getString("region_code"))) {
						return null;
					}
					String decidedBy = rs.getString("decided_by");
					var at = rs.getTimestamp(decidedBy == null ? "matched_at" : "decided_at").toInstant();
					List<Object> args = List.of(label("casefile.record.", rs.getString("record_kind")),
							rs.getString("record_name"), label("matching.state.", rs.getString("state")),
							decidedBy == null ? "-" : decidedBy,
							rs.getString("reason") == null ? "-" : rs.getString("reason"));
					return new Entry(Kind.MATCH, at, decidedBy == null ? "casefile.matchAutomatic" : "casefile.matchDecided",
							args, "/pencocokan/" + rs.getLong("id"));
				}).list().stream().filter(e -> e != null).toList();
	}
}
