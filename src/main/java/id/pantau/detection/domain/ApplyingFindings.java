package id.pantau.detection.domain;

import java.time.Instant;
import java.util.List;

import id.pantau.detection.rules.DetectionRule;
import id.pantau.detection.rules.Finding;
import id.pantau.detection.rules.GoneAlert;
import id.pantau.detection.rules.Resolution;
import id.pantau.detection.rules.RuleContext;
import id.pantau.followup.AlertBook;
import id.pantau.followup.AlertBook.FactsGone;
import id.pantau.matching.AutomaticLinks;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * A rule run's findings made alerts through the follow-up module, which owns them, inside the caller's transaction:
 * new facts open an alert; facts still found keep an active alert fresh; an alert dismissed or closed is never
 * reopened for the same facts; an active alert whose facts are gone gets a note of what changed, and is closed where
 * the rule says the change resolves it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApplyingFindings {

	/** What a run changed. */
	record Applied(int found, int opened, int resolved, int changed) {
	}

	private final AlertBook alerts;
	private final AutomaticLinks links;

	Applied apply(DetectionRule rule, RuleContext context, List<Finding> findings, Instant now) {
		List<AlertBook.Raising> raisings = findings.stream()
				.map(f -> new AlertBook.Raising(f.subjectType().name(), f.subjectKey(), f.personId(), f.regionCode(),
						f.factsKey(), f.severity(), f.summaryArgs(), f.evidence(), f.legalReference()))
				.toList();
		AlertBook.Raised raised = alerts.raise(rule.code(), rule.assignedAgency(), raisings,
				context.incremental() && rule.personScoped() ? context.persons() : null, now);
		int resolved = 0;
		for (FactsGone gone : raised.gone()) {
			Resolution resolution = rule.whenGone(context,
					new GoneAlert(gone.alertId(), gone.subjectKey(), gone.personId(), gone.factsKey()));
			if (!resolution.closes()) {
				alerts.noteFactsChanged(gone.alertId(), resolution.messageKey(), resolution.args(), now);
			}
			else if (alerts.closeByFacts(gone.alertId(), resolution.messageKey(), resolution.args(),
					resolution.crossingId() == null ? null : links.caseOfCrossing(resolution.crossingId()).orElse(null),
					now)) {
				resolved++;
			}
		}
		return new Applied(findings.size(), raised.opened(), resolved, raised.gone().size());
	}
}
