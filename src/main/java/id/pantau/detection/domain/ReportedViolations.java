package id.pantau.detection.domain;

import id.pantau.detection.DetectionRules;
import id.pantau.detection.rules.ReportedViolationRule;
import id.pantau.followup.AlertBook;
import id.pantau.identity.Notifications;
import id.pantau.identity.Role;
import id.pantau.reports.ReportValidated;
import id.pantau.reports.ValidationOutcome;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The hand-off of a report concluded as a possible violation: Immigration's case is opened at once (not after the
 * next run) and Immigration's officers are told, in the application and by e-mail where configured.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReportedViolations {

	private final DetectionRules rules;
	private final AlertBook alerts;
	private final Notifications notifications;

	@ApplicationModuleListener
	void on(ReportValidated validated) {
		if (validated.outcome() != ValidationOutcome.POSSIBLE_VIOLATION) {
			return;
		}
		rules.run(ReportedViolationRule.CODE, "REPORT_VALIDATED");
		// with the rule switched off there is no case to open, but the report still reaches Immigration
		String link = alerts.find(ReportedViolationRule.CODE, "report:" + validated.reportId())
				.map(id -> "/peringatan/" + id)
				.orElse("/laporan/" + validated.reportId());
		notifications.notifyRole(Role.IMIGRASI, validated.villageCode(), "notify.violationReported",
				validated.number(), link);
	}
}
