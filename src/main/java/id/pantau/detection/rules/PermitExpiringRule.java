package id.pantau.detection.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.pantau.detection.RuleCatalogue;
import id.pantau.followup.Severity;

import org.springframework.stereotype.Component;

/** PERMIT_EXPIRING: the authorised stay of a present person ends within the next days (an early warning). */
@Component
public class PermitExpiringRule implements DetectionRule {

	static final String CODE = "PERMIT_EXPIRING";

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(new ParameterSpec("days", 30, 1, 180), new ParameterSpec("urgentDays", 7, 0, 180));
	}

	@Override
	public List<Finding> evaluate(RuleContext context) {
		int days = context.parameters().getInt("days");
		int urgent = context.parameters().getInt("urgentDays");
		List<Finding> findings = new ArrayList<>();
		for (AuthorisedStay.Row row : AuthorisedStay.endingBetween(context, context.today(),
				context.today().plusDays(days))) {
			finding(row, context.today(), days, urgent).ifPresent(findings::add);
		}
		return findings;
	}

	static Optional<Finding> finding(AuthorisedStay.Row row, LocalDate today, int days, int urgentDays) {
		LocalDate until = row.until();
		long left = ChronoUnit.DAYS.between(today, until);
		if (left < 0 || left > days) {
			return Optional.empty();
		}
		Severity severity = left <= urgentDays ? Severity.MEDIUM : Severity.LOW;
		String kind = row.endsWithPermit() ? row.permitType() : Texts.message("arrivalPermit");
		return Optional.of(Finding.aboutPerson(CODE, severity, row.personId(), row.regionCode(), "until:" + until,
				List.of(until.toString(), Long.toString(left), kind), row.evidence(),
				RuleCatalogue.legalReference(CODE)));
	}

	@Override
	public Resolution whenGone(RuleContext context, GoneAlert alert) {
		Optional<Resolution> departure = PersonMovements.departure(context, alert.personId());
		if (departure.isPresent()) {
			return departure.get();
		}
		LocalDate until = LocalDate.parse(alert.factsKey().substring("until:".length()));
		return until.isBefore(context.today()) ? Resolution.closes("permitEnded", until)
				: Resolution.closes("permitExtended");
	}
}
