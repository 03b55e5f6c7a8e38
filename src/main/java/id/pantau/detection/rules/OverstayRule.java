package id.pantau.detection.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.pantau.detection.RuleCatalogue;

import org.springframework.stereotype.Component;

/**
 * OVERSTAY: the authorised stay (permit or the stay granted at arrival) has ended, no departure is recorded after it
 * and the person is not recorded as gone. A missing exit record does not prove an overstay: the person may have left
 * through another port.
 */
@Component
public class OverstayRule implements DetectionRule {

	static final String CODE = "OVERSTAY";
	static final String LEGAL = RuleCatalogue.legalReference(CODE);

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(new ParameterSpec("chargePerDay", 1_000_000, 1, 100_000_000),
				new ParameterSpec("chargeMaxDays", 60, 1, 365), new ParameterSpec("minDays", 1, 1, 90));
	}

	@Override
	public List<Finding> evaluate(RuleContext context) {
		OverstayGrading grading = grading(context.parameters());
		LocalDate today = context.today();
		List<Finding> findings = new ArrayList<>();
		for (AuthorisedStay.Row row : AuthorisedStay.endingBetween(context, LocalDate.of(1900, 1, 1),
				today.minusDays(1))) {
			finding(row, grading, today).ifPresent(findings::add);
		}
		return findings;
	}

	static OverstayGrading grading(Parameters parameters) {
		return new OverstayGrading(parameters.get("chargePerDay"), parameters.getInt("chargeMaxDays"),
				parameters.getInt("minDays"));
	}

	static java.util.Optional<Finding> finding(AuthorisedStay.Row row, OverstayGrading grading, LocalDate today) {
		LocalDate until = row.until();
		OverstayGrading.Grade grade = grading.grade(until, today);
		if (grade == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(Finding.aboutPerson(CODE, grade.severity(), row.personId(), row.regionCode(),
				"until:" + until, List.of(Long.toString(grade.days()), until.toString(),
						grade.describe(grading.chargePerDay())),
				row.evidence(), LEGAL));
	}

	@Override
	public Resolution whenGone(RuleContext context, GoneAlert alert) {
		long person = alert.personId();
		return PersonMovements.departure(context, person)
				.orElseGet(() -> Resolution.staysOpen("newPermitCheckGap"));
	}
}
