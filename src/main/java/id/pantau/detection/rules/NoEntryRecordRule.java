package id.pantau.detection.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.pantau.detection.RuleCatalogue;
import id.pantau.followup.Evidence;
import id.pantau.followup.Severity;

import org.springframework.stereotype.Component;

/**
 * NO_ENTRY_RECORD: a person known to be here (present with a residence, or the subject of a validated village
 * report) with no arrival crossing linked and no stay permit on record. Crew with a vessel assignment are left to
 * EX_CREW_ASHORE. Possibly an entry without inspection, possibly an arrival through a port whose data is missing.
 */
@Component
public class NoEntryRecordRule implements DetectionRule {

	static final String CODE = "NO_ENTRY_RECORD";

	record Row(long personId, String regionCode, LocalDate registered, Long reportId, String reportNumber,
			LocalDate reportDate) {
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(new ParameterSpec("graceDays", 0, 0, 365));
	}

	@Override
	public List<Finding> evaluate(RuleContext context) {
		List<Row> rows = context.sql("""
				select p.id, p.region_code, (p.created_at at time zone 'Asia/Jayapura')::date as registered,
				  r.id as report_id, r.number, (r.created_at at time zone 'Asia/Jayapura')::date as report_date
				from person_read p
				left join lateral (
				  select vr.id, vr.number, vr.created_at from village_report_read vr
				  where vr.person_id = p.id and vr.state = 'VALIDATED'
				  order by vr.created_at desc limit 1) r on true
				where p.status = 'PRESENT' %s
				  and (p.region_code is not null or r.id is not null)
				  and not exists (select 1 from crossing_read c where c.person_id = p.id and c.direction = 'ENTRY')
				  and not exists (select 1 from stay_permit_read s where s.person_id = p.id and s.permit_type <> 'TIDAK_ADA')
				  and not exists (select 1 from vessel_assignment_read va where va.person_id = p.id)
				""".formatted(context.onlyPersons("p.id")))
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("region_code"),
						rs.getObject("registered", LocalDate.class),
						rs.getObject("report_id") == null ? null : rs.getLong("report_id"), rs.getString("number"),
						rs.getObject("report_date", LocalDate.class)))
				.list();
		int grace = context.parameters().getInt("graceDays");
		List<Finding> findings = new ArrayList<>();
		rows.forEach(row -> finding(row, context.today(), grace).ifPresent(findings::add));
		return findings;
	}

	static Optional<Finding> finding(Row row, LocalDate today, int graceDays) {
		if (ChronoUnit.DAYS.between(row.registered(), today) < graceDays) {
			return Optional.empty();
		}
		List<Evidence> evidence = new ArrayList<>();
		evidence.add(Evidence.of("PERSON", row.personId(), Texts.evidence("registeredWithoutEntry"),
				row.registered()));
		if (row.reportId() != null) {
			evidence.add(Evidence.of("REPORT", row.reportId(), Texts.evidence("reportValidated", row.reportNumber()),
					row.reportDate()));
		}
		if (row.regionCode() != null) {
			evidence.add(Evidence.of("VILLAGE", row.regionCode(), Texts.evidence("residenceRecorded"), null));
		}
		return Optional.of(Finding.aboutPerson(CODE, Severity.MEDIUM, row.personId(), row.regionCode(), "no-entry",
				List.of(row.registered().toString()), evidence,
				RuleCatalogue.legalReference(CODE)));
	}

	@Override
	public Resolution whenGone(RuleContext context, GoneAlert alert) {
		Optional<PersonMovements.Crossing> entry = PersonMovements.latestCrossing(context, alert.personId(), "ENTRY");
		if (entry.isPresent()) {
			return Resolution.closes("entryRecorded", entry.get().day()).fromCrossing(entry.get().id());
		}
		return PersonMovements.departure(context, alert.personId())
				.orElseGet(() -> Resolution.closes("permitOrVesselRecorded"));
	}
}
