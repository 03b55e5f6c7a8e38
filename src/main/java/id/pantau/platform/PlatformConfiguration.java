package id.pantau.platform;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work (event listeners of other modules, nightly jobs) runs on Spring Boot's task executor. Every
 * scheduled job that must run once however many instances share the database carries ShedLock's
 * {@code @SchedulerLock}: the instance that takes the job's row in {@code shedlock} runs it, the others skip that run.
 * The lock's times are the database's, so instances whose clocks differ still agree; each job's
 * {@code lockAtMostFor} is longer than the job ever takes, so that a job whose instance died is free again for the
 * next run (on whichever instance), and its {@code lockAtLeastFor} covers the clocks' difference, so that an instance
 * whose clock is late does not run the same night's job again.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class PlatformConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource, Instance instance) {
		LockProvider rows = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
				.withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime()
				.withLockedByValue(instance.name()).build());
		return new LoggedLocks(rows, instance);
	}

	/**
	 * Says in the log which instance runs a job and that another one has it, once each time that changes: a job run
	 * every ten seconds would otherwise write 8,640 lines a day on every instance.
	 */
	static final class LoggedLocks implements LockProvider {

		private final LockProvider rows;

		private final Instance instance;

		private final Map<String, Boolean> lastRan = new ConcurrentHashMap<>();

		LoggedLocks(LockProvider rows, Instance instance) {
			this.rows = rows;
			this.instance = instance;
		}

		@Override
		public Optional<SimpleLock> lock(LockConfiguration configuration) {
			Optional<SimpleLock> lock = rows.lock(configuration);
			String job = configuration.getName();
			boolean ran = lock.isPresent();
			boolean changed = !Boolean.valueOf(ran).equals(lastRan.put(job, ran));
			if (ran && changed) {
				log.info("Scheduled job {} runs on instance {}", job, instance.name());
			}
			else if (changed) {
				log.info("Scheduled job {} skipped on instance {}: another instance has run it or is running it",
						job, instance.name());
			}
			else {
				log.debug("Scheduled job {} {} on instance {}", job, ran ? "runs" : "skipped", instance.name());
			}
			return lock;
		}
	}
}
