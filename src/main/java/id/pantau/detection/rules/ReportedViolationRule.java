package id.pantau.detection.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.pantau.detection.RuleCatalogue;
import id.pantau.followup.Evidence;
import id.pantau.followup.Severity;

import org.springframework.stereotype.Component;

/**
 * REPORTED_VIOLATION: Kesbangpol and TIMPORA concluded a village report as a possible violation. It is Immigration's
 * case from then on: the alert is assigned to IMIGRASI, with the report (and the person, when known) as evidence, and
 * Immigration's decision closes it.
 */
@Component
public class ReportedViolationRule implements DetectionRule {

	public static final String CODE = "REPORTED_VIOLATION";

	/** The agency whose case it is. */
	public static final String AGENCY = "IMIGRASI";

	/** @param personName the registry's name of the person, or else the names as the village heard them */
	record Row(long reportId, String number, String villageCode, String villageName, Long personId, String personName,
			LocalDate validated) {
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of();
	}

	/** A report may be about nobody in the registry yet: every run looks at all such reports. */
	@Override
	public boolean personScoped() {
		return false;
	}

	@Override
	public String assignedAgency() {
		return AGENCY;
	}

	@Override
	public List<Finding> evaluate(RuleContext context) {
		return context.sql("""
				select r.id, r.number, r.village_code, g.name as village_name, r.person_id,
				  coalesce(p.primary_name, r.names_as_heard) as person_name,
				  (r.state_since at time zone 'Asia/Jayapura')::date as validated
				from village_report_read r
				join region_read g on g.code = r.village_code
				left join person_read p on p.id = r.person_id
				where r.state = 'VALIDATED' and r.outcome = 'POSSIBLE_VIOLATION'""")
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("number"), rs.getString("village_code"),
						rs.getString("village_name"), rs.getObject("person_id") == null ? null : rs.getLong("person_id"),
						rs.getString("person_name"), rs.getObject("validated", LocalDate.class)))
				.list().stream().map(ReportedViolationRule::finding).toList();
	}

	static Finding finding(Row row) {
		List<Evidence> evidence = new ArrayList<>();
		evidence.add(Evidence.of("REPORT", row.reportId(), Texts.evidence("reportPossibleViolation", row.number()),
				row.validated()));
		if (row.personId() != null) {
			evidence.add(Evidence.of("PERSON", row.personId(), row.personName(), null));
		}
		evidence.add(Evidence.of("VILLAGE", row.villageCode(), row.villageName(), null));
		String facts = "report:" + row.reportId();
		List<String> args = List.of(row.number(), row.villageName(), row.personName() == null ? "-" : row.personName());
		String legal = RuleCatalogue.legalReference(CODE);
		return row.personId() != null
				? Finding.aboutPerson(CODE, Severity.HIGH, row.personId(), row.villageCode(), facts, args, evidence, legal)
				: new Finding(CODE, Severity.HIGH, SubjectType.VILLAGE, row.villageCode(), null, row.villageCode(), facts,
						args, evidence, legal);
	}

	@Override
	public Resolution whenGone(RuleContext context, GoneAlert alert) {
		return Resolution.closes("reportNoLongerViolation");
	}
}
