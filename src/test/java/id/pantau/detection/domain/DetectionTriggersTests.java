package id.pantau.detection.domain;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Set;

import id.pantau.detection.DetectionRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class DetectionTriggersTests {

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	@AfterEach
	void stop() {
		scheduler.shutdown();
	}

	@Test
	void thePersonsTouchedInABurstAreCheckedInOneRunWhenTheBurstIsOver() {
		scheduler.initialize();
		DetectionRules rules = mock(DetectionRules.class);
		DetectionTriggers triggers = new DetectionTriggers(rules,
				new DetectionSettings("0 30 2 * * *", Duration.ofMillis(200), 2000), scheduler);

		triggers.request(Set.of(42L), DetectionTriggers.PERSONS_CHANGED);
		triggers.request(Set.of(43L), DetectionTriggers.PERSONS_CHANGED);

		verify(rules, timeout(5_000)).runFor(Set.of(42L, 43L), DetectionTriggers.PERSONS_CHANGED);
	}
}
