package id.pantau.reports.domain;

import id.pantau.identity.Notifications;
import id.pantau.identity.Role;
import id.pantau.reports.ReportForwarded;
import id.pantau.reports.ReportReturned;
import id.pantau.reports.ReportSubmitted;
import id.pantau.reports.ReportValidated;
import id.pantau.reports.ReportViewRecorded;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the next people in the chain that a report reached them (TIMPORA's members that their view is awaited,
 * Kesbangpol who has given it), and the village what became of its report.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReportNotifier {

	private final Notifications notifications;

	@EventListener
	void on(ReportSubmitted event) {
		notifications.notifyRole(Role.BPMPD, event.villageCode(),
				event.resubmitted() ? "notify.reportResubmitted" : "notify.reportSubmitted", event.number(),
				link(event.reportId()));
	}

	@EventListener
	void on(ReportReturned event) {
		notifications.notifyRole(Role.OHOI, event.villageCode(), "notify.reportReturned", event.number(),
				link(event.reportId()));
	}

	@EventListener
	void on(ReportForwarded event) {
		notifications.notifyRole(Role.KESBANGPOL, event.villageCode(), "notify.reportForwarded", event.number(),
				link(event.reportId()));
		for (Role member : new Role[] { Role.IMIGRASI, Role.TIMPORA }) {
			notifications.notifyRole(member, event.villageCode(), "notify.reportAwaitsView", event.number(),
					link(event.reportId()));
		}
	}

	@EventListener
	void on(ReportViewRecorded event) {
		notifications.notifyRole(Role.KESBANGPOL, event.villageCode(), "notify.reportViewRecorded." + event.agency(),
				event.number(), link(event.reportId()));
	}

	@EventListener
	void on(ReportValidated event) {
		notifications.notifyRole(Role.OHOI, event.villageCode(), "notify.reportConcluded", event.number(),
				link(event.reportId()));
	}

	private static String link(long reportId) {
		return "/laporan/" + reportId;
	}
}
