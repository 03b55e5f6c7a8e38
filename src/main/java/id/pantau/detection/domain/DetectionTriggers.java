package id.pantau.detection.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;

import id.pantau.detection.DetectionRules;
import id.pantau.matching.CrossingsMatched;
import id.pantau.matching.PersonLinked;
import id.pantau.registry.PersonsChanged;
import id.pantau.reports.ReportValidated;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the rules run: after a crossing batch is matched (in full: the batch may touch anyone), after a record is
 * linked to a person, a report is validated or a person is registered or changed (for those persons only), and every
 * night in full. Events arrive in the
 * background after their transaction committed; a burst (an import links hundreds of records) is gathered for a few
 * seconds into one run. Work gathered but not yet run when the application stops is done by the nightly run.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DetectionTriggers {

	private static final Logger log = LoggerFactory.getLogger(DetectionTriggers.class);

	static final String NIGHTLY = "NIGHTLY";
	static final String CROSSINGS_MATCHED = "CROSSINGS_MATCHED";
	static final String PERSONS_CHANGED = "PERSONS_CHANGED";

	private final DetectionRules rules;
	private final DetectionSettings settings;
	private final TaskScheduler scheduler;

	private final Object lock = new Object();
	private Set<Long> persons = new HashSet<>();
	private boolean everyone;
	private final Set<String> triggers = new TreeSet<>();
	private ScheduledFuture<?> pending;

	@ApplicationModuleListener
	void on(CrossingsMatched matched) {
		if (matched.linked() > 0) {
			request(null, CROSSINGS_MATCHED);
		}
	}

	@ApplicationModuleListener
	void on(PersonLinked linked) {
		// an undone link does not say whose it was: look at everyone
		request(linked.personId() == null ? null : Set.of(linked.personId()), PERSONS_CHANGED);
	}

	@ApplicationModuleListener
	void on(PersonsChanged changed) {
		request(Set.copyOf(changed.personIds()), PERSONS_CHANGED);
	}

	@ApplicationModuleListener
	void on(ReportValidated validated) {
		if (validated.personId() != null) {
			request(Set.of(validated.personId()), PERSONS_CHANGED);
		}
	}

	/** Once a night across all instances (ShedLock): a full run takes seconds; two hours free a dead instance's lock. */
	@Scheduled(cron = "${pantau.detection.nightly-cron:0 30 2 * * *}", zone = "Asia/Jayapura")
	@SchedulerLock(name = "detection-nightly", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
	void nightly() {
		log.info("Nightly detection run");
		rules.runAll(NIGHTLY);
	}

	/** Gathers work; {@code touched} null means everyone. The first request of a burst schedules the run. */
	void request(Set<Long> touched, String trigger) {
		synchronized (lock) {
			if (touched == null) {
				everyone = true;
			}
			else {
				persons.addAll(touched);
			}
			triggers.add(trigger);
			if (pending == null) {
				// the scheduler's own clock: it is the one that decides when the moment has come
				pending = scheduler.schedule(this::runGathered, scheduler.getClock().instant().plus(settings.debounce()));
			}
		}
	}

	void runGathered() {
		Set<Long> touched;
		boolean all;
		String trigger;
		synchronized (lock) {
			touched = persons;
			all = everyone || persons.size() > settings.maxIncrementalPersons();
			trigger = triggers.contains(CROSSINGS_MATCHED) ? CROSSINGS_MATCHED : String.join("+", triggers);
			persons = new HashSet<>();
			everyone = false;
			triggers.clear();
			pending = null;
		}
		try {
			rules.runFor(all ? null : touched, trigger);
		}
		catch (RuntimeException e) {
			log.error("Detection run after {} failed", trigger, e);
		}
	}
}
