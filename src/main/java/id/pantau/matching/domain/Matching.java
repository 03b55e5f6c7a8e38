package id.pantau.matching.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.crossings.CrossingRecords;
import id.pantau.crossings.CrossingRecords.CrossingRecord;
import id.pantau.matching.CrossingsMatched;
import id.pantau.matching.PersonLinked;
import id.pantau.matching.domain.MatchCase.Candidate;
import id.pantau.matching.domain.MatchCase.FieldScore;
import id.pantau.matching.domain.MatchCase.Kind;
import id.pantau.matching.domain.MatchCase.State;
import id.pantau.matching.linkage.BatchLinkage;
import id.pantau.matching.linkage.Comparison;
import id.pantau.matching.linkage.Decision;
import id.pantau.matching.linkage.EmTrainer;
import id.pantau.matching.linkage.LinkResult;
import id.pantau.matching.linkage.LinkageRecord;
import id.pantau.matching.linkage.Linker;
import id.pantau.matching.linkage.PatternCounts;
import id.pantau.matching.linkage.PersonIndex;
import id.pantau.reports.ReportRecords;
import id.pantau.reports.ReportRecords.ReportRecord;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares crossings and village reports with the registry and records the linker's proposal: a confident match is
 * linked at once, a doubtful one waits in the review queue, and no match proposes a new person.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Matching {

	static final String SYSTEM = "system";

	/** Records read and evaluated at a time: a whole large batch, with its candidates, would not fit the heap. */
	private static final int CHUNK = 2_000;

	private final RegistryIndex registry;
	private final MatchCases cases;
	private final CrossingRecords crossings;
	private final ReportRecords reports;
	private final MatchingSettings settings;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ModelStore models;

	/** What the linker made of a record: its decision and the persons it was compared with, best first. */
	record Evaluation(LinkResult result, List<Candidate> candidates) {

		Decision decision() {
			return result.decision();
		}

		Long bestPersonId() {
			return result.best() == null ? null : Long.valueOf(result.best().personId());
		}

		Double bestProbability() {
			return result.best() == null ? null : result.best().probability();
		}
	}

	/** How a batch came out. */
	public record BatchOutcome(int records, int linked, int review, int unmatched) {
	}

	/**
	 * Matches every crossing of the batch, once: a batch already matched is left as it is. The model is estimated
	 * from the batch itself, as the {@code link} command does (see {@link BatchLinkage}), and refined by the pairs
	 * people decided when there are enough of them.
	 */
	@Transactional
	public BatchOutcome matchBatch(long batchId) {
		if (cases.batchMatched(batchId)) {
			return new BatchOutcome(0, 0, 0, 0);
		}
		RegistryIndex.Snapshot snapshot = registry.current();
		Scoring scoring = scoringFor(batchId, snapshot);
		Instant now = clock.instant();
		int records = 0;
		int linked = 0;
		int review = 0;
		int unmatched = 0;
		List<CrossingRecord> chunk = crossings.ofBatch(batchId, 0, CHUNK);
		while (!chunk.isEmpty()) {
			records += chunk.size();
			List<Evaluation> evaluations = chunk.parallelStream()
					.map(record -> evaluate(RecordVariants.of(record), snapshot.index(), scoring)).toList();
			for (int i = 0; i < chunk.size(); i++) {
				CrossingRecord record = chunk.get(i);
				Evaluation evaluation = evaluations.get(i);
				Optional<Long> caseId = propose(Kind.CROSSING, record.id(), null, record.fullName(), evaluation, now);
				if (caseId.isEmpty()) {
					continue;
				}
				switch (evaluation.decision()) {
					case MATCH -> {
						linked++;
						crossings.link(record.id(), evaluation.bestPersonId());
					}
					case REVIEW -> review++;
					case NONE -> unmatched++;
				}
			}
			chunk = crossings.ofBatch(batchId, chunk.get(chunk.size() - 1).id(), CHUNK);
		}
		cases.markBatch(batchId, records, now);
		audit.recordAs(SYSTEM, AuditEntry.of("MATCHING_RUN").subject("IMPORT_BATCH", batchId)
				.detail("records", records).detail("linked", linked).detail("review", review)
				.detail("unmatched", unmatched).detail("estimated", scoring.estimated()));
		events.publishEvent(new CrossingsMatched(batchId, records, linked));
		return new BatchOutcome(records, linked, review, unmatched);
	}

	/**
	 * The linker a record is scored with, and whether its model was estimated from data: on the built-in starting
	 * values nothing is linked without a person.
	 */
	record Scoring(Linker linker, boolean estimated) {
	}

	/**
	 * The batch's own model, estimated from its candidate pairs and pairs taken at random; for a batch too small to
	 * teach anything (a few crossings sent by the API), the model last estimated.
	 */
	private Scoring scoringFor(long batchId, RegistryIndex.Snapshot snapshot) {
		return scoring(snapshot, crossings.countOfBatch(batchId), sample -> {
			List<CrossingRecord> chunk = crossings.ofBatch(batchId, 0, CHUNK);
			while (!chunk.isEmpty()) {
				sample.addAll(chunk.stream().map(record -> RecordVariants.of(record).get(0)).toList());
				chunk = crossings.ofBatch(batchId, chunk.get(chunk.size() - 1).id(), CHUNK);
			}
		}, ModelStore.Source.CROSSINGS, "IMPORT_BATCH", batchId);
	}

	/**
	 * The model for a batch of {@code size} records that {@code fill} adds to a sample, estimated (and kept as the
	 * source's current model) when the batch or the people's decisions on records of that source are enough to teach
	 * something; otherwise the source's model as last estimated.
	 */
	Scoring scoring(RegistryIndex.Snapshot snapshot, int size, Consumer<BatchLinkage.Sample> fill,
			ModelStore.Source source, String subjectType, long subjectId) {
		BatchLinkage linkage = new BatchLinkage(snapshot.start(), snapshot.index(), true);
		BatchLinkage.Sample sample = linkage.sample(size);
		fill.accept(sample);
		PatternCounts[] decided = cases.decidedPatterns(source);
		boolean refine = decided[0].total() + decided[1].total() >= settings.labelsToRefine();
		if (sample.candidatePairs() < BatchLinkage.MIN_CANDIDATE_PAIRS && !refine) {
			return snapshot.scoring(source);
		}
		PatternCounts none = new PatternCounts();
		EmTrainer.Estimate estimate = linkage.estimate(sample, refine ? decided[0] : none, refine ? decided[1] : none);
		ModelStore.Estimate figures = new ModelStore.Estimate(refine ? (int) decided[0].total() : 0,
				refine ? (int) decided[1].total() : 0, (int) sample.candidatePairs(), estimate.iterations());
		models.save(source, estimate.model(), figures);
		audit.recordAs(SYSTEM, AuditEntry.of("MATCHING_MODEL_ESTIMATED").subject(subjectType, subjectId)
				.detail("confirmed", figures.confirmed()).detail("rejected", figures.rejected())
				.detail("unlabelled", figures.unlabelled()).detail("iterations", figures.iterations())
				.detail("converged", estimate.converged()));
		return new Scoring(snapshot.linker().withModel(estimate.model()), true);
	}

	/**
	 * Matches a report that has been submitted or forwarded. A report people have already decided on keeps their
	 * decision.
	 */
	@Transactional
	public Optional<MatchCase> matchReport(long reportId) {
		Optional<ReportRecord> found = reports.find(reportId);
		if (found.isEmpty() || found.get().state().isFinal()) {
			return Optional.empty();
		}
		ReportRecord report = found.get();
		Long linkedBefore = cases.find(Kind.REPORT, reportId).filter(c -> c.state() == State.LINKED)
				.map(MatchCase::personId).orElse(null);
		RegistryIndex.Snapshot snapshot = registry.current();
		Evaluation evaluation = evaluate(RecordVariants.of(report), snapshot.index(),
				snapshot.scoring(ModelStore.Source.VILLAGE));
		Optional<Long> caseId = propose(Kind.REPORT, report.id(), report.villageCode(), report.namesAsHeard(),
				evaluation, clock.instant());
		Long linkedNow = evaluation.decision() == Decision.MATCH ? evaluation.bestPersonId() : null;
		if (caseId.isPresent() && !Objects.equals(linkedBefore, linkedNow)) {
			reports.proposePerson(report.id(), linkedNow);
			events.publishEvent(new PersonLinked(Kind.REPORT.name(), report.id(), linkedNow, true));
		}
		caseId.ifPresent(id -> audit.recordAs(SYSTEM, AuditEntry.of("MATCHING_RUN").subject("VILLAGE_REPORT",
				report.id()).detail("proposal", evaluation.decision()).detail("score", evaluation.bestProbability())));
		return caseId.flatMap(cases::find);
	}

	/** About how many persons and crossings in the data bear this name as heard (at least 1). */
	public int peopleNamed(String name) {
		return registry.current().linker().peopleNamed(name);
	}

	/** Whether the report has never been offered to matching. */
	@Transactional(readOnly = true)
	public boolean isUnmatched(long reportId) {
		return cases.find(Kind.REPORT, reportId).isEmpty();
	}

	private Optional<Long> propose(Kind kind, long recordId, String region, String name, Evaluation evaluation,
			Instant now) {
		Decision decision = evaluation.decision();
		State state = decision == Decision.MATCH ? State.LINKED : State.PENDING;
		return cases.propose(kind, recordId, region, name == null ? "" : name, decision,
				evaluation.result().namesakes(), state, decision == Decision.MATCH ? evaluation.bestPersonId() : null,
				evaluation.bestProbability(), evaluation.candidates(), now);
	}

	/**
	 * The record's variants (names, documents) against the registry: each person keeps its best-scoring variant, so
	 * that an alias of the same person is not taken for a namesake. A MATCH on a model never estimated from data is
	 * only worth a REVIEW.
	 */
	Evaluation evaluate(List<LinkageRecord> variants, PersonIndex index, Scoring scoring) {
		Map<String, Comparison> best = new HashMap<>();
		for (LinkageRecord variant : variants) {
			for (Comparison comparison : index.compare(variant, scoring.linker())) {
				best.merge(comparison.personId(), comparison,
						(a, b) -> a.matchWeight() >= b.matchWeight() ? a : b);
			}
		}
		List<Comparison> ranked = new ArrayList<>(best.values());
		ranked.sort(Comparator.comparingDouble(Comparison::matchWeight).reversed()
				.thenComparing(Comparison::personId));
		LinkResult result = LinkResult.of(variants.get(0).id(), ranked.isEmpty() ? null : ranked.get(0),
				ranked.size() < 2 ? null : ranked.get(1), scoring.linker().model().thresholds());
		if (!scoring.estimated()) {
			result = result.withoutAutomaticMatch();
		}
		List<Candidate> candidates = new ArrayList<>();
		for (int rank = 0; rank < Math.min(settings.candidatesShown(), ranked.size()); rank++) {
			Comparison comparison = ranked.get(rank);
			candidates.add(new Candidate(Long.parseLong(comparison.personId()), rank + 1, comparison.probability(),
					comparison.matchWeight(), comparison.pattern(), comparison.contributions().stream()
							.map(c -> new FieldScore(c.field().key(), c.level(), c.levelWeight(),
									c.frequencyAdjustment(), c.recordValue(), c.personValue()))
							.toList()));
		}
		return new Evaluation(result, candidates);
	}
}
