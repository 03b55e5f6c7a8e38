package id.pantau.detection.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.pantau.detection.RuleCatalogue;
import id.pantau.followup.Evidence;
import id.pantau.followup.Severity;

import org.springframework.stereotype.Component;

/**
 * PRESENT_AFTER_DEPARTURE: reported by a village (a report past its draft, not rejected) or recorded living in a
 * village after the person's latest recorded departure, with no arrival recorded after it. Identity fraud (someone
 * else left on the papers) or a re-entry nobody recorded.
 */
@Component
public class PresentAfterDepartureRule implements DetectionRule {

	static final String CODE = "PRESENT_AFTER_DEPARTURE";

	/**
	 * @param sightingKind {@code REPORT} (a village report) or {@code VILLAGE} (a residence from that day)
	 */
	record Row(long personId, String regionCode, long exitId, LocalDate exitDate, String exitPort,
			String sightingKind, String sightingId, String sightingLabel, LocalDate seenOn) {
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(new ParameterSpec("graceDays", 0, 0, 60));
	}

	@Override
	public List<Finding> evaluate(RuleContext context) {
		List<Row> rows = context.sql("""
				with departure as (
				  select distinct on (c.person_id) c.person_id, c.id, c.crossed_at, c.port_code
				  from crossing_read c where c.person_id is not null and c.direction = 'EXIT' %1$s
				  order by c.person_id, c.crossed_at desc
				)
				select p.id, p.region_code, x.id as exit_id, (x.crossed_at at time zone 'Asia/Jayapura')::date as exit_date,
				  x.port_code, s.kind, s.sighting_id, s.label, s.seen_on
				from departure x
				join person_read p on p.id = x.person_id and p.status not in ('MERGED', 'DECEASED')
				join lateral (
				  select 'REPORT' as kind, vr.id::text as sighting_id, 'msg:alert.evidence.report|' || vr.number as label,
				    (vr.created_at at time zone 'Asia/Jayapura')::date as seen_on
				  from village_report_read vr
				  where vr.person_id = p.id and vr.state not in ('DRAFT', 'REJECTED') and vr.created_at > x.crossed_at
				  union all
				  select 'VILLAGE', r.region_code, 'msg:alert.evidence.livesSince|' || r.since, r.since
				  from residence_read r
				  where r.person_id = p.id and r.since > (x.crossed_at at time zone 'Asia/Jayapura')::date
				  order by seen_on desc limit 1) s on true
				where not exists (select 1 from crossing_read e where e.person_id = p.id and e.direction = 'ENTRY'
				  and e.crossed_at > x.crossed_at)
				""".formatted(context.onlyPersons("c.person_id")))
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("region_code"), rs.getLong("exit_id"),
						rs.getObject("exit_date", LocalDate.class), rs.getString("port_code"), rs.getString("kind"),
						rs.getString("sighting_id"), rs.getString("label"), rs.getObject("seen_on", LocalDate.class)))
				.list();
		int grace = context.parameters().getInt("graceDays");
		List<Finding> findings = new ArrayList<>();
		rows.forEach(row -> finding(row, grace).ifPresent(findings::add));
		return findings;
	}

	static Optional<Finding> finding(Row row, int graceDays) {
		if (row.seenOn() == null || !row.seenOn().isAfter(row.exitDate().plusDays(graceDays))) {
			return Optional.empty();
		}
		List<Evidence> evidence = List.of(
				Evidence.of("CROSSING", row.exitId(), Texts.evidence("departure", Texts.PORT + row.exitPort()),
						row.exitDate()),
				Evidence.of(row.sightingKind(), row.sightingId(), row.sightingLabel(), row.seenOn()));
		return Optional.of(Finding.aboutPerson(CODE, Severity.HIGH, row.personId(), row.regionCode(),
				"exit:" + row.exitId(), List.of(row.exitDate().toString(), row.seenOn().toString()), evidence,
				RuleCatalogue.legalReference(CODE)));
	}

	@Override
	public Resolution whenGone(RuleContext context, GoneAlert alert) {
		Optional<PersonMovements.Crossing> entry = PersonMovements.latestCrossing(context, alert.personId(), "ENTRY");
		long exitId = Long.parseLong(alert.factsKey().substring("exit:".length()));
		Optional<LocalDate> exit = context.jdbc().sql("""
				select (crossed_at at time zone 'Asia/Jayapura')::date from crossing_read where id = :id and person_id = :person""")
				.param("id", exitId).param("person", alert.personId()).query(LocalDate.class).optional();
		if (exit.isEmpty()) {
			return Resolution.closes("exitUnlinked");
		}
		if (entry.isPresent() && entry.get().day().isAfter(exit.get().minusDays(1))) {
			return Resolution.closes("reentryRecorded", entry.get().day()).fromCrossing(entry.get().id());
		}
		return Resolution.closes("sightingAfterExitGone");
	}
}
