package id.pantau.detection.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.detection.AlertsRaised;
import id.pantau.detection.RuleRun;
import id.pantau.detection.rules.DetectionRule;
import id.pantau.detection.rules.Finding;
import id.pantau.detection.rules.Parameters;
import id.pantau.detection.rules.RuleContext;
import id.pantau.followup.AlertBook;
import id.pantau.platform.DisplayTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of one rule, in one transaction: evaluate, apply to the alerts, record the run, audit it and tell others.
 * Runs of the same rule queue behind each other (a transaction-scoped advisory lock), whichever node or thread starts
 * them. A run that fails changes no alert and is recorded with its error.
 */
@Service
public class RuleRunner {

	private static final Logger log = LoggerFactory.getLogger(RuleRunner.class);

	private final JdbcClient jdbc;
	private final ApplyingFindings findings;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	RuleRunner(JdbcClient jdbc, ApplyingFindings findings, AuditTrail audit, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.findings = findings;
		this.audit = audit;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * @param persons the persons touched, for an incremental run of a person-scoped rule; null for everyone
	 */
	public RuleRun run(DetectionRule rule, Parameters parameters, String trigger, Set<Long> persons) {
		try {
			return transactions.execute(status -> {
				jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "detection:" + rule.code())
						.query((rs, n) -> 1).list();
				// each statement of a run runs once: plan it for its parameters, never from a cached generic plan
				jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
				Instant started = clock.instant();
				LocalDate today = LocalDate.ofInstant(started, DisplayTime.ZONE);
				RuleContext context = new RuleContext(jdbc, today, parameters,
						rule.personScoped() ? persons : null);
				List<Finding> found = rule.evaluate(context);
				Instant now = clock.instant();
				ApplyingFindings.Applied applied = this.findings.apply(rule, context, found, now);
				Instant finished = clock.instant();
				RuleRun run = new RuleRun(rule.code(), trigger, started, finished, applied.found(), applied.opened(),
						applied.resolved(), null);
				record(run);
				audit.recordAs(AlertBook.SYSTEM, AuditEntry.of("DETECTION_RUN").subject("RULE", rule.code())
						.detail("trigger", trigger).detail("incremental", context.incremental())
						.detail("found", applied.found()).detail("opened", applied.opened())
						.detail("resolved", applied.resolved()).detail("factsChanged", applied.changed()));
				if (applied.opened() > 0 || applied.resolved() > 0) {
					events.publishEvent(new AlertsRaised(rule.code(), applied.opened(), applied.resolved()));
				}
				return run;
			});
		}
		catch (RuntimeException e) {
			log.error("Detection rule {} failed ({})", rule.code(), trigger, e);
			Instant now = clock.instant();
			String error = e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""));
			RuleRun run = new RuleRun(rule.code(), trigger, now, now, null, null, null,
					error.length() > 500 ? error.substring(0, 500) : error);
			transactions.executeWithoutResult(status -> record(run));
			return run;
		}
	}

	private void record(RuleRun run) {
		jdbc.sql("""
				insert into rule_run (rule, trigger, started_at, finished_at, found, opened, resolved, error)
				values (:rule, :trigger, :started, :finished, :found, :opened, :resolved, :error)""")
				.param("rule", run.rule()).param("trigger", run.trigger())
				.param("started", Timestamp.from(run.startedAt())).param("finished", Timestamp.from(run.finishedAt()))
				.param("found", run.found()).param("opened", run.opened()).param("resolved", run.resolved())
				.param("error", run.error()).update();
	}

	/** The latest run of each rule. */
	public java.util.Map<String, RuleRun> lastRuns() {
		java.util.Map<String, RuleRun> runs = new java.util.HashMap<>();
		jdbc.sql("""
				select distinct on (rule) rule, trigger, started_at, finished_at, found, opened, resolved, error
				from rule_run order by rule, started_at desc, id desc""")
				.query((rs, n) -> new RuleRun(rs.getString("rule"), rs.getString("trigger"),
						rs.getTimestamp("started_at").toInstant(),
						rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
						(Integer) rs.getObject("found"), (Integer) rs.getObject("opened"),
						(Integer) rs.getObject("resolved"), rs.getString("error")))
				.list().forEach(run -> runs.put(run.rule(), run));
		return runs;
	}
}
