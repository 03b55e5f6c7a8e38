package id.pantau.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Several instances share one database, so every scheduled job runs under ShedLock's lock, which lets one instance
 * run it; only the heartbeats, with which each instance keeps its own claims alive, the audit sequencer's wake-up, whose
 * chaining takes the chain's own advisory lock, and the compactions of the kept counts, which are correct run at once on
 * several instances (each folds only the rows its statement took), run everywhere.
 */
class ScheduledJobsTests {

	/**
	 * Each instance renews what it holds itself and wakes its own sequencer (which chains under the chain's lock): these
	 * must run on every instance. The compactions may.
	 */
	private static final Set<String> ON_EVERY_INSTANCE = Set.of("id.pantau.platform.ImportSlots.heartbeat",
			"id.pantau.crossings.domain.ImportJobs.heartbeat", "id.pantau.audit.domain.AuditSequencer.chainWaiting",
			"id.pantau.crossings.domain.CrossingMonthCounts.compact", "id.pantau.registry.domain.PresentPersonCounts.compact",
			"id.pantau.followup.domain.OpenAlertCounts.compact",
			"id.pantau.reports.domain.ReportStateCounts.compact");

	@Test
	void everyScheduledJobButTheHeartbeatsRunsOnOneInstanceAtATime() {
		List<JavaMethod> scheduled = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("id.pantau").stream().flatMap(type -> type.getMethods().stream())
				.filter(method -> method.isAnnotatedWith(Scheduled.class)).toList();

		assertThat(scheduled).as("the scheduled jobs are found").hasSizeGreaterThan(ON_EVERY_INSTANCE.size());
		assertThat(scheduled.stream().filter(method -> !method.isAnnotatedWith(SchedulerLock.class))
				.map(method -> method.getOwner().getName() + "." + method.getName()))
				.containsExactlyInAnyOrderElementsOf(ON_EVERY_INSTANCE);
		assertThat(scheduled.stream().filter(method -> method.isAnnotatedWith(SchedulerLock.class))
				.map(method -> method.getAnnotationOfType(SchedulerLock.class).name()))
				.as("each lock has a name of its own").doesNotHaveDuplicates();
	}
}
