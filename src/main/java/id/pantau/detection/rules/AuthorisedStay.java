package id.pantau.detection.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import id.pantau.followup.Evidence;

/**
 * Each present person's authorised stay as the records show it: the end of the latest stay permit (an open-ended
 * permit such as an ITAP means no end) or of the stay granted at the latest arrival, whichever is later; only for
 * persons whose latest recorded movement is not a departure. Shared by OVERSTAY and PERMIT_EXPIRING.
 */
final class AuthorisedStay {

	record Row(long personId, String regionCode, String permitType, String permitNumber, LocalDate permitFrom,
			LocalDate permitUntil, Long entryId, LocalDate entryDate, String entryPort, LocalDate entryStayUntil) {

		/** The last day of the authorised stay. */
		LocalDate until() {
			if (permitUntil == null) {
				return entryStayUntil;
			}
			return entryStayUntil == null || permitUntil.isAfter(entryStayUntil) ? permitUntil : entryStayUntil;
		}

		boolean endsWithPermit() {
			return permitUntil != null && permitUntil.equals(until());
		}

		List<Evidence> evidence() {
			var items = new java.util.ArrayList<Evidence>();
			if (permitUntil != null) {
				items.add(Evidence.of("PERMIT", permitNumber != null ? permitNumber : permitType + ":" + permitUntil,
						Texts.evidence("permitUntil", permitType + (permitNumber != null ? " " + permitNumber : ""),
								permitUntil),
						permitFrom));
			}
			if (entryId != null) {
				items.add(Evidence.of("CROSSING", entryId, entryStayUntil != null
						? Texts.evidence("arrivalWithStay", Texts.PORT + entryPort, entryStayUntil)
						: Texts.evidence("arrival", Texts.PORT + entryPort), entryDate));
			}
			return items;
		}
	}

	/**
	 * Persons whose authorised stay ends on or before {@code :last}, from {@code :first} on. Open-ended permits and
	 * persons whose latest movement is a departure are left out.
	 */
	static List<Row> endingBetween(RuleContext context, LocalDate first, LocalDate last) {
		String sql = """
				with permit as (
				  select distinct on (s.person_id) s.person_id, s.permit_type, s.number, s.valid_from, s.valid_until
				  from stay_permit_read s
				  where s.permit_type <> 'TIDAK_ADA' %1$s
				  order by s.person_id, s.valid_until desc nulls first
				), entry as (
				  select distinct on (c.person_id) c.person_id, c.id, c.crossed_at, c.port_code, c.stay_until
				  from crossing_read c
				  where c.person_id is not null and c.direction = 'ENTRY' %2$s
				  order by c.person_id, c.crossed_at desc
				), departure as (
				  select c.person_id, max(c.crossed_at) as crossed_at
				  from crossing_read c
				  where c.person_id is not null and c.direction = 'EXIT' %2$s
				  group by c.person_id
				)
				select p.id, p.region_code, pm.permit_type, pm.number, pm.valid_from, pm.valid_until,
				  e.id as entry_id, (e.crossed_at at time zone 'Asia/Jayapura')::date as entry_date, e.port_code,
				  e.stay_until
				from person_read p
				left join permit pm on pm.person_id = p.id
				left join entry e on e.person_id = p.id
				left join departure x on x.person_id = p.id
				where p.status in ('PRESENT', 'WHEREABOUTS_UNKNOWN') %3$s
				  and (pm.person_id is null or pm.valid_until is not null)
				  and greatest(pm.valid_until, e.stay_until) between :first and :last
				  and (x.crossed_at is null or x.crossed_at < e.crossed_at)
				""".formatted(context.onlyPersons("s.person_id"), context.onlyPersons("c.person_id"),
				context.onlyPersons("p.id"));
		return context.sql(sql).param("first", first).param("last", last).query(AuthorisedStay::row).list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		long entry = rs.getLong("entry_id");
		return new Row(rs.getLong("id"), rs.getString("region_code"), rs.getString("permit_type"),
				rs.getString("number"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_until", LocalDate.class), entry == 0 ? null : entry,
				rs.getObject("entry_date", LocalDate.class), rs.getString("port_code"),
				rs.getObject("stay_until", LocalDate.class));
	}

	private AuthorisedStay() {
	}
}
