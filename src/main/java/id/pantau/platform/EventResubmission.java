package id.pantau.platform;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again, on one instance at a time, the events whose listener did not complete. Spring Modulith's staleness
 * monitor ({@code spring.modulith.events.staleness.*}) marks a publication failed when it stayed published (its
 * listener never started: the instance died after the commit) or processing (the instance died mid-run, e.g. while
 * matching an import) longer than those limits; this job resubmits the failed ones every minute. Each publication is
 * claimed by one conditional update (its status set to RESUBMITTED unless it already is), so even without the lock no
 * publication is delivered twice at once; the lock spares the other instances the reading.
 * <p>
 * At start-up an instance also delivers again every incomplete publication
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}, {@code PANTAU_EVENTS_REPUBLISH_ON_RESTART}):
 * right for one instance, where nothing else can be running them; with several, set it to false, or a restarting
 * instance takes over publications that a live one is still processing.
 */
@Component
class EventResubmission {

	private final FailedEventPublications failed;

	EventResubmission(FailedEventPublications failed) {
		this.failed = failed;
	}

	@Scheduled(fixedDelayString = "${pantau.events.resubmit-every:PT1M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "event-resubmission", lockAtMostFor = "PT10M")
	void resubmitFailed() {
		failed.resubmit(ResubmissionOptions.defaults());
	}
}
