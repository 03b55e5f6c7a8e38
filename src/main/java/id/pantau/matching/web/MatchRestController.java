package id.pantau.matching.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.pantau.matching.domain.MatchCase;
import id.pantau.matching.domain.MatchCase.FieldScore;
import id.pantau.matching.domain.MatchReview;
import id.pantau.matching.domain.MatchReview.Queue;
import id.pantau.matching.domain.QueueFilter;
import id.pantau.matching.domain.QueueRow;
import id.pantau.platform.IfMatch;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ScopedPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Match cases over JSON: the queues, each case with its candidates explained field by field (the explanation the
 * review screen shows), and the decisions, with the case's version in {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/matches")
@PreAuthorize("hasAnyRole('IMIGRASI', 'KESBANGPOL')")
@Tag(name = "matches", description = "Record linkage of crossings and village reports with the registry")
@SecurityRequirement(name = "bearerAuth")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MatchRestController {

	private final MatchReview review;

	record CaseSummary(long id, String recordKind, long recordId, String recordName, String proposal,
			boolean namesakes, String state, Long personId, Double score, Instant matchedAt, int version) {

		static CaseSummary of(MatchCase c) {
			return new CaseSummary(c.id(), c.kind().name(), c.recordId(), c.recordName(), c.proposal().name(),
					c.namesakes(), c.state().name(), c.personId(), c.score(), c.matchedAt(), c.version());
		}
	}

	record Field(String field, String level, double weight, double frequencyAdjustment, double total,
			String recordValue, String personValue) {

		static Field of(FieldScore f) {
			return new Field(f.field(), f.level(), f.weight(), f.frequencyAdjustment(), f.total(), f.recordValue(),
					f.personValue());
		}
	}

	record CandidateDetail(long personId, String primaryName, int rank, double probability, double matchWeight,
			List<Field> fields) {
	}

	record CaseDetail(CaseSummary matchCase, String decidedBy, Instant decidedAt, String reason,
			List<CandidateDetail> candidates, int hiddenCandidates) {
	}

	/** The record a case is about, as its owner holds it now; null fields are unknown or do not apply. */
	record RecordFields(String documentNumber, LocalDate birthDate, Integer birthYear, String birthAsWritten,
			Integer age, String nationality, String nationalityAsWritten, String sex, String port, String direction,
			Instant recordedAt, Long batchId, String village) {

		static RecordFields of(QueueRow r) {
			return new RecordFields(r.documentNumber(), r.birthDate(), r.birthYear(), r.birthText(), r.age(),
					r.nationality(), r.nationalityText(), r.sex(), r.portCode(), r.direction(), r.recordAt(),
					r.batchId(), r.isCrossing() ? null : r.matchCase().regionCode());
		}
	}

	record QueueCase(long id, String recordKind, long recordId, String recordName, String proposal,
			boolean namesakes, String state, Long personId, Double score, Instant matchedAt, int version,
			RecordFields record) {

		static QueueCase of(QueueRow row) {
			MatchCase c = row.matchCase();
			return new QueueCase(c.id(), c.kind().name(), c.recordId(), c.recordName(), c.proposal().name(),
					c.namesakes(), c.state().name(), c.personId(), c.score(), c.matchedAt(), c.version(),
					RecordFields.of(row));
		}
	}

	/**
	 * A page of a queue: {@code total} cases the filter keeps in the queue, this page's from {@code first} to
	 * {@code last} (counting from 1), and how many each queue holds under the same filter.
	 */
	record QueueAnswer(String queue, String sort, List<QueueCase> cases, int page, boolean hasNext, long total,
			long first, long last, Map<String, Long> counts) {
	}

	record Decision(String decision, Long personId, String reason) {
	}

	@GetMapping
	@Operation(summary = "A queue of match cases: REVIEW, UNMATCHED, LINKED or DECIDED, filtered and sorted", description = """
			Filters, each optional: source (impor-{batch id} for a batch of crossings, desa-{village code} for a \
			village's reports), nationality (alpha-3), score (HIGH >= 90 %, MIDDLE 50-90 %, LOW < 50 % or no \
			candidate), age (UNDER_18, FROM_18_TO_30, FROM_31_TO_50, OVER_50, UNKNOWN). sort: SCORE (REVIEW's \
			default), SCORE_LOWEST, NEWEST_RECORD, OLDEST_RECORD, NAME, LATEST (the other queues' default); ties \
			by the case's id. 50 cases a page; counts respect the filter and the caller's scope. An unknown value \
			is a 400 problem naming the parameter.""")
	QueueAnswer queue(@AuthenticationPrincipal ScopedPrincipal user,
			@RequestParam(defaultValue = "REVIEW") String queue, @RequestParam(required = false) String page,
			@RequestParam(required = false) String source, @RequestParam(required = false) String nationality,
			@RequestParam(required = false) String score, @RequestParam(required = false) String age,
			@RequestParam(required = false) String sort) {
		Queue chosen = Queue.of(queue).orElseThrow(() -> InvalidInput.of("queue", "input.choice"));
		List<InvalidInput.Problem> problems = new ArrayList<>();
		QueueFilter filter = null;
		QueueFilter.Sort order = null;
		int pageNumber = 0;
		try {
			filter = review.filter(source, nationality, score, age);
		}
		catch (InvalidInput e) {
			problems.addAll(e.problems());
		}
		try {
			order = review.sort(sort);
		}
		catch (InvalidInput e) {
			problems.addAll(e.problems());
		}
		try {
			pageNumber = MatchReview.page(page);
		}
		catch (InvalidInput e) {
			problems.addAll(e.problems());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		MatchReview.QueuePage found = review.queue(user, chosen, filter, order, pageNumber);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Queue q : Queue.values()) {
			counts.put(q.name(), found.counts().of(q));
		}
		return new QueueAnswer(chosen.name(), found.sort().name(), found.rows().stream().map(QueueCase::of).toList(),
				found.page(), found.hasNext(), found.total(), found.first(), found.last(), counts);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A case with its candidates, each explained field by field (weights in bits)")
	ResponseEntity<CaseDetail> matchCase(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id) {
		MatchReview.CaseView view = review.view(user, id);
		MatchCase c = view.matchCase();
		CaseDetail detail = new CaseDetail(CaseSummary.of(c), c.decidedBy(), c.decidedAt(), c.reason(),
				view.candidates().stream().map(k -> new CandidateDetail(k.person().id(), k.person().primaryName(),
						k.candidate().rank(), k.candidate().probability(), k.candidate().matchWeight(),
						k.candidate().fields().stream().map(Field::of).toList())).toList(),
				view.hiddenCandidates());
		return ResponseEntity.ok().eTag("\"" + c.version() + "\"").body(detail);
	}

	@PostMapping("/{id}/decision")
	@Operation(summary = "Decide: CONFIRM a person, REJECT all candidates, or UNDO; If-Match: the case's version")
	CaseSummary decide(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody Decision decision) {
		int version = IfMatch.version(ifMatch);
		String what = decision == null || decision.decision() == null ? "" : decision.decision().toUpperCase();
		MatchCase decided = switch (what) {
			case "CONFIRM" -> {
				if (decision.personId() == null) {
					throw InvalidInput.of("personId", "matching.personUnknown");
				}
				yield review.confirm(user, id, version, decision.personId(), decision.reason());
			}
			case "REJECT" -> review.rejectAll(user, id, version, decision.reason());
			case "UNDO" -> review.undo(user, id, version, decision.reason());
			default -> throw InvalidInput.of("decision", "input.choice");
		};
		return CaseSummary.of(decided);
	}
}
