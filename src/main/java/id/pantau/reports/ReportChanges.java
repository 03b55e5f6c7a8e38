package id.pantau.reports;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.platform.ChangePosition;
import id.pantau.platform.Scope;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Village reports concluded by Kesbangpol with TIMPORA (validated or rejected) after a place in the changes feed, for
 * the exchange with partner systems. Only reports within the reader's scope; only the conclusion and the report's
 * reference, not what the village wrote about the person (partners read the person in the registry).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportChanges {

	private final JdbcClient jdbc;

	/**
	 * @param personId the registry person the report was linked to, if any
	 * @param duplicateOf the report this one repeats, for the outcome DUPLICATE
	 * @param concludedAt when the report reached its state
	 */
	public record ConcludedReport(long id, String number, String villageCode, ReportState state,
			ValidationOutcome outcome, String nationality, Long personId, Long duplicateOf, Instant concludedAt) {
	}

	public record Change(ChangePosition position, ConcludedReport report) {
	}

	/**
	 * At most {@code limit} concluded reports in {@code scope} after {@code after}, in feed order, written by
	 * transactions older than {@code horizon}.
	 */
	public List<Change> after(ChangePosition after, long horizon, Scope scope, int limit) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		params.put("afterTx", after.transaction());
		params.put("afterSeq", after.sequence());
		params.put("horizon", horizon);
		params.put("limit", limit);
		return jdbc.sql("""
				select id, number, village_code, state, outcome, nationality, person_id, duplicate_of, state_since,
				  change_xid::text::bigint as change_tx, change_seq
				from village_report
				where state in ('VALIDATED', 'REJECTED')""" + " and " + scope.sqlCondition("village_code") + " and "
				+ ChangePosition.sqlAfter("change_xid", "change_seq") + """

				order by change_xid, change_seq limit :limit""")
				.params(params)
				.query((rs, n) -> new Change(new ChangePosition(rs.getLong("change_tx"), rs.getLong("change_seq")),
						new ConcludedReport(rs.getLong("id"), rs.getString("number"), rs.getString("village_code"),
								ReportState.valueOf(rs.getString("state")),
								rs.getString("outcome") == null ? null : ValidationOutcome.valueOf(rs.getString("outcome")),
								rs.getString("nationality"),
								rs.getObject("person_id") == null ? null : rs.getLong("person_id"),
								rs.getObject("duplicate_of") == null ? null : rs.getLong("duplicate_of"),
								rs.getTimestamp("state_since").toInstant())))
				.list();
	}
}
