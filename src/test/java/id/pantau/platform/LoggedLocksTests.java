package id.pantau.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggedLocksTests {

	private final Deque<Boolean> outcomes = new ArrayDeque<>();

	private final LockProvider rows = configuration -> outcomes.removeFirst() ? Optional.of(() -> { })
			: Optional.<SimpleLock>empty();

	private final PlatformConfiguration.LoggedLocks locks = new PlatformConfiguration.LoggedLocks(rows,
			new Instance("pantau-2"));

	private final Logger logger = (Logger) LoggerFactory.getLogger(PlatformConfiguration.class);

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	private Level level;

	@BeforeEach
	void listen() {
		level = logger.getLevel();
		logger.setLevel(Level.DEBUG);
		logged.start();
		logger.addAppender(logged);
	}

	@AfterEach
	void stopListening() {
		logger.detachAppender(logged);
		logger.setLevel(level);
	}

	@Test
	void aJobRunEveryFewSecondsIsLoggedOnlyWhenThisInstanceTakesItOrLosesIt() {
		outcomes.addAll(List.of(true, true, true, false, false, true));
		List<Boolean> locked = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			locked.add(locks.lock(job("import-jobs-takeover")).isPresent());
		}

		assertThat(locked).containsExactly(true, true, true, false, false, true);
		assertThat(info()).containsExactly("Scheduled job import-jobs-takeover runs on instance pantau-2",
				"Scheduled job import-jobs-takeover skipped on instance pantau-2: another instance has run it"
						+ " or is running it",
				"Scheduled job import-jobs-takeover runs on instance pantau-2");
	}

	@Test
	void eachJobIsLoggedTheFirstTimeItRuns() {
		outcomes.addAll(List.of(true, true));
		locks.lock(job("audit-chain"));
		locks.lock(job("alert-digest"));

		assertThat(info()).containsExactly("Scheduled job audit-chain runs on instance pantau-2",
				"Scheduled job alert-digest runs on instance pantau-2");
	}

	private List<String> info() {
		return logged.list.stream().filter(event -> event.getLevel() == Level.INFO)
				.map(ILoggingEvent::getFormattedMessage).toList();
	}

	private static LockConfiguration job(String name) {
		return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(1), Duration.ZERO);
	}
}
