package id.pantau.detection.domain;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.followup.AlertBook;
import id.pantau.matching.LinkUndone;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Undoes what an automatic link caused: the alerts that closed themselves on a departure or an arrival the link
 * brought open again, and the person's rules run anew on the facts that remain.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LinkUndoing {

	private final AlertBook alerts;
	private final DetectionTriggers triggers;
	private final AuditTrail audit;
	private final Clock clock;

	@ApplicationModuleListener
	void on(LinkUndone undone) {
		List<Long> reopened = alerts.reopenClosedBy(undone.caseId(), clock.instant());
		if (!reopened.isEmpty()) {
			audit.recordAs(AlertBook.SYSTEM, AuditEntry.of("ALERTS_REOPENED_LINK_UNDONE")
					.subject("MATCH_CASE", undone.caseId()).detail("alerts", reopened.size()));
		}
		if (undone.personId() != null) {
			triggers.request(Set.of(undone.personId()), DetectionTriggers.PERSONS_CHANGED);
		}
	}
}
