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
 * EX_CREW_ASHORE (eks ABK): crew whose latest vessel departed, was seized or sank, still present and without a stay
 * permit for life on land (a visit, limited, permanent or diplomatic permit still valid).
 */
@Component
public class ExCrewAshoreRule implements DetectionRule {

	static final String CODE = "EX_CREW_ASHORE";

	record Row(long personId, String regionCode, long vesselId, String vesselName, String vesselStatus,
			LocalDate signedOff) {
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(new ParameterSpec("minDaysAshore", 0, 0, 3650), new ParameterSpec("highAfterYears", 5, 1, 50));
	}

	@Override
	public List<Finding> evaluate(RuleContext context) {
		List<Row> rows = context.sql("""
				with latest as (
				  select distinct on (va.person_id) va.person_id, va.vessel_id, va.signed_off
				  from vessel_assignment_read va where true %s
				  order by va.person_id, va.signed_on desc nulls last, va.added_at desc
				)
				select p.id, p.region_code, v.id as vessel_id, v.name, v.status, l.signed_off
				from latest l
				join vessel_read v on v.id = l.vessel_id and v.status in ('DEPARTED', 'SEIZED', 'SUNK')
				join person_read p on p.id = l.person_id and p.category in ('CREW', 'EX_CREW') and p.status = 'PRESENT'
				where not exists (
				  select 1 from stay_permit_read s join permit_type_read t on t.code = s.permit_type
				  where s.person_id = p.id and t.kind in ('VISIT', 'LIMITED', 'PERMANENT', 'DIPLOMATIC')
				    and (s.valid_until is null or s.valid_until >= :today))
				""".formatted(context.onlyPersons("va.person_id")))
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("region_code"), rs.getLong("vessel_id"),
						rs.getString("name"), rs.getString("status"), rs.getObject("signed_off", LocalDate.class)))
				.list();
		Parameters parameters = context.parameters();
		List<Finding> findings = new ArrayList<>();
		rows.forEach(row -> finding(row, context.today(), parameters.getInt("minDaysAshore"),
				parameters.getInt("highAfterYears")).ifPresent(findings::add));
		return findings;
	}

	static Optional<Finding> finding(Row row, LocalDate today, int minDaysAshore, int highAfterYears) {
		if (row.signedOff() != null && ChronoUnit.DAYS.between(row.signedOff(), today) < minDaysAshore) {
			return Optional.empty();
		}
		boolean longAshore = row.signedOff() != null
				&& !row.signedOff().plusYears(highAfterYears).isAfter(today);
		List<Evidence> evidence = new ArrayList<>();
		evidence.add(Evidence.of("VESSEL", row.vesselId(),
				Texts.evidence("vessel." + row.vesselStatus(), row.vesselName()), null));
		evidence.add(Evidence.of("PERSON", row.personId(), row.signedOff() != null
				? Texts.evidence("signedOff", row.signedOff()) : Texts.evidence("signedOffUnknown"), row.signedOff()));
		return Optional.of(Finding.aboutPerson(CODE, longAshore ? Severity.HIGH : Severity.MEDIUM, row.personId(),
				row.regionCode(), "vessel:" + row.vesselId() + ":" + row.vesselStatus(),
				List.of(row.vesselName(), Texts.message("vesselStatus." + row.vesselStatus()), Texts.date(row.signedOff())),
				evidence,
				RuleCatalogue.legalReference(CODE)));
	}

	@Override
	public Resolution whenGone(RuleContext context, GoneAlert alert) {
		return PersonMovements.departure(context, alert.personId())
				.orElseGet(() -> Resolution.closes("ashorePermitOrVesselRecorded"));
	}
}
