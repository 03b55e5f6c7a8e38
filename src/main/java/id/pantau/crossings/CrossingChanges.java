package id.pantau.crossings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import id.pantau.platform.ChangePosition;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Crossings added or changed after a place in the changes feed, for the exchange with partner systems. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CrossingChanges {

	private final JdbcClient jdbc;

	/** A crossing as partners receive it; {@code personId} is the registry person it is linked to, if any. */
	public record CrossingRecord(long id, Direction direction, Instant crossedAt, String port, String documentNumber,
			String nationality, String fullName, LocalDate birthDate, Integer birthYear, String sex,
			String permitType, LocalDate stayUntil, String transport, Long personId, Long batchId) {
	}

	public record Change(ChangePosition position, CrossingRecord crossing) {
	}

	/**
	 * At most {@code limit} crossings after {@code after}, in feed order, written by transactions older than
	 * {@code horizon}.
	 */
	public List<Change> after(ChangePosition after, long horizon, int limit) {
		return jdbc.sql("""
				select id, direction, crossed_at, port_code, document_number, nationality, full_name, birth_date,
				  birth_year, sex, permit_type, stay_until, transport, person_id, batch_id,
				  change_xid::text::bigint as change_tx, change_seq
				from crossing""" + " where " + ChangePosition.sqlAfter("change_xid", "change_seq") + """

				order by change_xid, change_seq limit :limit""")
				.param("afterTx", after.transaction()).param("afterSeq", after.sequence()).param("horizon", horizon)
				.param("limit", limit)
				.query((rs, n) -> new Change(new ChangePosition(rs.getLong("change_tx"), rs.getLong("change_seq")),
						new CrossingRecord(rs.getLong("id"), Direction.valueOf(rs.getString("direction")),
								rs.getTimestamp("crossed_at").toInstant(), rs.getString("port_code"),
								rs.getString("document_number"), rs.getString("nationality"), rs.getString("full_name"),
								rs.getObject("birth_date", LocalDate.class), (Integer) rs.getObject("birth_year"),
								rs.getString("sex"), rs.getString("permit_type"),
								rs.getObject("stay_until", LocalDate.class), rs.getString("transport"),
								rs.getObject("person_id") == null ? null : rs.getLong("person_id"),
								rs.getObject("batch_id") == null ? null : rs.getLong("batch_id"))))
				.list();
	}
}
