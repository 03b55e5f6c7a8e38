package id.pantau.matching.domain;

import id.pantau.crossings.CrossingRecords;
import id.pantau.crossings.CrossingsImported;
import id.pantau.platform.Commands;
import id.pantau.reports.ReportForwarded;
import id.pantau.reports.ReportRecords;
import id.pantau.reports.ReportSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * When matching runs: after each crossing import and each report submission or forwarding, in the background and
 * after the user's transaction committed (the event publication registry re-delivers what a crash interrupted); and at
 * start-up, for batches and reports that have not been matched yet.
 */
@Component
class MatchingTriggers {

	private static final Logger log = LoggerFactory.getLogger(MatchingTriggers.class);

	private final Matching matching;
	private final CrossingRecords crossings;
	private final ReportRecords reports;
	private final String command;
	private volatile boolean closing;

	MatchingTriggers(Matching matching, CrossingRecords crossings, ReportRecords reports,
			@Value("${" + Commands.PROPERTY + ":" + Commands.SERVE + "}") String command) {
		this.matching = matching;
		this.crossings = crossings;
		this.reports = reports;
		this.command = command;
	}

	@ApplicationModuleListener
	void on(CrossingsImported imported) {
		Matching.BatchOutcome outcome = matching.matchBatch(imported.batchId());
		log.info("Batch {} matched: {} records, {} linked, {} to review, {} with no match", imported.batchId(),
				outcome.records(), outcome.linked(), outcome.review(), outcome.unmatched());
	}

	@ApplicationModuleListener
	void on(ReportSubmitted submitted) {
		matching.matchReport(submitted.reportId());
	}

	@ApplicationModuleListener
	void on(ReportForwarded forwarded) {
		matching.matchReport(forwarded.reportId());
	}

	/** Catches up on what arrived while matching was not there (demo data, data from before this version). */
	@Async
	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		if (!Commands.SERVE.equals(command)) {
			return;
		}
		try {
			for (long batchId : crossings.batchIds()) {
				if (closing) {
					return;
				}
				matching.matchBatch(batchId);
			}
			for (long reportId : reports.awaitingValidation()) {
				if (closing) {
					return;
				}
				if (matching.isUnmatched(reportId)) {
					matching.matchReport(reportId);
				}
			}
		}
		catch (RuntimeException e) {
			if (!closing) {
				throw e;
			}
			// the database or its pool closed under a batch: its transaction rolled back, the next start matches it
			log.info("Start-up matching stopped by the shutdown ({}); it resumes at the next start", e.getClass()
					.getSimpleName());
		}
	}

	@EventListener(ContextClosedEvent.class)
	void stopCatchingUp() {
		closing = true;
	}
}
