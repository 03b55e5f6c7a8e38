package id.pantau.matching.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import id.pantau.matching.domain.MatchCase;
import id.pantau.matching.domain.MatchCase.FieldScore;
import id.pantau.matching.domain.MatchReview;
import id.pantau.matching.domain.MatchReview.Queue;
import id.pantau.platform.IfMatch;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ScopedPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
class MatchRestController {

	private final MatchReview review;

	MatchRestController(MatchReview review) {
		this.review = review;
	}

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

	record QueueAnswer(String queue, List<CaseSummary> cases, int page, boolean hasNext) {
	}

	record Decision(String decision, Long personId, String reason) {
	}

	@GetMapping
	@Operation(summary = "A queue of match cases: REVIEW, UNMATCHED, LINKED or DECIDED, newest first")
	QueueAnswer queue(@AuthenticationPrincipal ScopedPrincipal user,
			@RequestParam(defaultValue = "REVIEW") String queue, @RequestParam(defaultValue = "0") int page) {
		Queue chosen = Arrays.stream(Queue.values()).filter(q -> q.name().equalsIgnoreCase(queue)).findFirst()
				.orElseThrow(() -> InvalidInput.of("queue", "input.choice"));
		MatchReview.QueuePage found = review.queue(user, chosen, page);
		return new QueueAnswer(chosen.name(), found.cases().stream().map(CaseSummary::of).toList(), found.page(),
				found.hasNext());
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
