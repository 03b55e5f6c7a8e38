package id.pantau.matching.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.matching.linkage.EmTrainer;
import id.pantau.matching.linkage.LinkageModel;
import id.pantau.matching.linkage.PatternCounts;
import id.pantau.matching.linkage.PersonIndex;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-estimates the model for what villages and lists write (village reports come one at a time, with no batch to
 * estimate from) from the pairs the linker has compared for them, with the pairs people confirmed counted as matches
 * and those they rejected as non-matches: every few decisions, and nightly. Crossings are estimated batch by batch
 * ({@link Matching#matchBatch}). The
 * recipe is the batch linker's ({@link EmTrainer#trainOnBlockedPairs}): u from pairs of registry persons taken at
 * random, m by EM on the stored candidate pairs in blocking sessions, the prior over all record-person pairs.
 * <p>
 * An estimate reads the pairs, saves the model and audits it in one explicit transaction (a
 * {@link TransactionTemplate}: the event listener and the nightly job call it on this object, where a
 * {@code @Transactional} proxy would never apply). Estimates run one at a time through a transaction-scoped advisory
 * lock taken first in that transaction: it is held until the commit (a {@code synchronized} method is left before the
 * proxy commits, so the next estimate could read the pairs before the last one's model is saved) and holds across
 * nodes, as the detection rules' runs do.
 */
@Component
class ModelEstimation {

	static final int RANDOM_PAIRS = 200_000;

	private static final Logger log = LoggerFactory.getLogger(ModelEstimation.class);

	private final MatchCases cases;
	private final ModelStore models;
	private final MatchingSettings settings;
	private final AuditTrail audit;
	private final RegistryIndex registry;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final AtomicReference<Instant> lastEstimate = new AtomicReference<>(Instant.EPOCH);

	ModelEstimation(MatchCases cases, ModelStore models, MatchingSettings settings, AuditTrail audit,
			RegistryIndex registry, JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.cases = cases;
		this.registry = registry;
		this.models = models;
		this.settings = settings;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Async
	@TransactionalEventListener
	void on(MatchDecided decided) {
		if (cases.decisionsSince(lastEstimate()) >= settings.reestimateEvery()) {
			estimate();
		}
	}

	/** Once a night across all instances (ShedLock); estimates also wait for each other on the advisory lock below. */
	@Scheduled(cron = "${pantau.matching.estimate-cron:0 30 2 * * *}", zone = "Asia/Jayapura")
	@SchedulerLock(name = "matching-estimate-nightly", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
	void nightly() {
		estimate();
	}

	/**
	 * @return what the new model was estimated from, or null when there were fewer pairs than the settings' minimum
	 * (a handful of pairs would move the weights by chance; the model stays as it is)
	 */
	ModelStore.Estimate estimate() {
		return estimate(settings.minimumPairs());
	}

	ModelStore.Estimate estimate(int minimumPairs) {
		return transactions.execute(status -> estimateInTransaction(minimumPairs));
	}

	/**
	 * When the last estimate started, by the application's clock (decisions after it count towards the next): the
	 * later of this instance's last attempt and the last model saved by any instance, so that an estimate made on
	 * another instance counts here too.
	 */
	Instant lastEstimate() {
		Instant here = lastEstimate.get();
		return models.estimatedAt(ModelStore.Source.VILLAGE).filter(saved -> saved.isAfter(here)).orElse(here);
	}

	private ModelStore.Estimate estimateInTransaction(int minimumPairs) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "matching:estimate")
				.query((rs, n) -> 1).list();
		Instant started = clock.instant();
		PatternCounts unlabelled = new PatternCounts();
		PatternCounts matches = new PatternCounts();
		PatternCounts nonMatches = new PatternCounts();
		for (int[] pair : cases.labelledPatterns(ModelStore.Source.VILLAGE)) {
			switch (pair[1]) {
				case 1 -> matches.add(pair[0]);
				case 0 -> nonMatches.add(pair[0]);
				default -> unlabelled.add(pair[0]);
			}
		}
		lastEstimate.set(started);
		if (unlabelled.total() + matches.total() + nonMatches.total() < Math.max(1, minimumPairs)) {
			return null;
		}
		LinkageModel start = models.current(ModelStore.Source.VILLAGE);
		PersonIndex persons = registry.current().index();
		EmTrainer.Estimate estimate;
		if (persons.size() >= 2) {
			double allPairs = Math.max(1, cases.caseCount(ModelStore.Source.VILLAGE)) * (double) persons.size();
			estimate = new EmTrainer().trainOnBlockedPairs(start, unlabelled, persons.randomPairs(RANDOM_PAIRS, 20260601L),
					matches, nonMatches, allPairs);
		}
		else {
			estimate = new EmTrainer().train(start, unlabelled, matches, nonMatches, true);
		}
		ModelStore.Estimate figures = new ModelStore.Estimate((int) matches.total(), (int) nonMatches.total(),
				(int) unlabelled.total(), estimate.iterations());
		models.save(ModelStore.Source.VILLAGE, estimate.model(), figures);
		audit.recordAs(Matching.SYSTEM, AuditEntry.of("MATCHING_MODEL_ESTIMATED").detail("confirmed", figures.confirmed())
				.detail("rejected", figures.rejected()).detail("unlabelled", figures.unlabelled())
				.detail("iterations", figures.iterations()).detail("converged", estimate.converged()));
		log.info("Linkage model re-estimated from {} confirmed, {} rejected and {} undecided pairs ({} rounds)",
				figures.confirmed(), figures.rejected(), figures.unlabelled(), figures.iterations());
		return figures;
	}
}
