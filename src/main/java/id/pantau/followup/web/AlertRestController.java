package id.pantau.followup.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import id.pantau.followup.domain.Alert;
import id.pantau.followup.domain.AlertAction;
import id.pantau.followup.domain.AlertFilter;
import id.pantau.followup.domain.AlertTexts;
import id.pantau.followup.domain.AlertWorkflow;
import id.pantau.followup.Evidence;
import id.pantau.followup.domain.MeetingDecision;
import id.pantau.platform.IfMatch;
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
 * Alerts over JSON: the list with the page's filters, an alert with its evidence and history, and the workflow's
 * steps, each at the alert's version in {@code If-Match} (a stale one is answered 412).
 */
@RestController
@RequestMapping("/api/v1/alerts")
@PreAuthorize("hasAnyRole('KESBANGPOL', 'IMIGRASI', 'TIMPORA', 'BPMPD')")
@Tag(name = "alerts", description = "Early-detection alerts and their follow-up (tindak lanjut)")
@SecurityRequirement(name = "bearerAuth")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AlertRestController {

	private final AlertWorkflow workflow;
	private final AlertTexts texts;
	private final Clock clock;

	record AlertSummary(long id, String rule, String ruleName, String severity, String summary, String status,
			String regionCode, Long personId, String assignedAgency, String assignedTo, Instant openedAt,
			long ageDays, String outcome, int version) {
	}

	record AlertDetail(AlertSummary alert, List<String> summaryArgs, String explanation, List<Evidence> evidence,
			String legalReference, Instant factsChangedAt, String factsNote, Instant closedAt, String closedBy,
			String closeNote, List<Action> actions, List<MeetingDecision> meetingDecisions) {
	}

	record Action(long id, String kind, String note, LocalDate happenedOn, String actor, String agency,
			Instant recordedAt, Long meetingId) {

		static Action of(AlertAction a) {
			return new Action(a.id(), a.kind(), a.note(), a.happenedOn(), a.actor(), a.agency(), a.recordedAt(),
					a.meetingId());
		}
	}

	record AlertList(List<AlertSummary> alerts, long total, int page, boolean hasNext) {
	}

	record Assignment(String officer, String agency) {
	}

	record ActionInput(String kind, String note, String happenedOn) {
	}

	record Closure(String outcome, String note) {
	}

	record Dismissal(String reason) {
	}

	@GetMapping
	@Operation(summary = "Alerts within the caller's scope: status ACTIVE (default), ALL or one status; severity, rule, "
			+ "region (kecamatan/village code), assignee (user, agency or NONE), minAgeDays; sort severity|oldest|"
			+ "newest|rule|village; page of 50")
	AlertList list(@AuthenticationPrincipal ScopedPrincipal user, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String region,
			@RequestParam(required = false) String status, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) Integer minAgeDays, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page) {
		AlertWorkflow.AlertPage found = workflow.list(user,
				new AlertFilter(severity, rule, region, status, assignee, minAgeDays, sort, page));
		return new AlertList(found.alerts().stream().map(a -> summary(a, found.now())).toList(), found.total(),
				found.page(), found.hasNext());
	}

	@GetMapping("/{id}")
	@Operation(summary = "An alert with its evidence, legal reference, history and meeting decisions; ETag: version")
	ResponseEntity<AlertDetail> alert(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id) {
		AlertWorkflow.AlertView view = workflow.view(user, id);
		Alert a = view.alert();
		AlertDetail detail = new AlertDetail(summary(a, clock.instant()), texts.arguments(a), texts.explanation(a.rule()),
				a.evidence().stream().map(e -> new Evidence(e.type(), e.id(), texts.evidence(e.label()), e.date()))
						.toList(),
				a.legalReference(), a.factsChangedAt(), texts.factsNote(a), a.closedAt(), a.closedBy(),
				texts.closeNote(a), view.actions().stream().map(Action::of).toList(), view.decisions());
		return ResponseEntity.ok().eTag("\"" + a.version() + "\"").body(detail);
	}

	@GetMapping("/{id}/actions")
	@Operation(summary = "The alert's history: follow-up actions and workflow steps, oldest first")
	List<Action> actions(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id) {
		return workflow.view(user, id).actions().stream().map(Action::of).toList();
	}

	@PostMapping("/{id}/actions")
	@Operation(summary = "Record a follow-up action: FIELD_CHECK, SUMMONS, DEPORTATION, DETENTION, ENTRY_BAN, "
			+ "OVERSTAY_CHARGE, REGULARISATION, HUMANITARIAN_REFERRAL or OTHER, with a note and a date; If-Match")
	ResponseEntity<AlertSummary> record(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ActionInput input) {
		int version = IfMatch.version(ifMatch);
		return answer(workflow.record(user, id, version, input == null ? null : input.kind(),
				input == null ? null : input.note(), input == null ? null : input.happenedOn()));
	}

	@PostMapping("/{id}/assignment")
	@Operation(summary = "Assign to an officer (user name) and/or an agency; If-Match")
	ResponseEntity<AlertSummary> assign(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody Assignment input) {
		int version = IfMatch.version(ifMatch);
		return answer(workflow.assign(user, id, version, input == null ? null : input.officer(),
				input == null ? null : input.agency()));
	}

	@PostMapping("/{id}/acknowledgement")
	@Operation(summary = "Acknowledge an open alert; If-Match")
	ResponseEntity<AlertSummary> acknowledge(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return answer(workflow.acknowledge(user, id, IfMatch.version(ifMatch)));
	}

	@PostMapping("/{id}/closure")
	@Operation(summary = "Close with an outcome: RESOLVED_COMPLIANT, ADMINISTRATIVE_ACTION, REGULARISED, DEPARTED, "
			+ "REFERRED or OTHER, and a note; If-Match")
	ResponseEntity<AlertSummary> close(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody Closure input) {
		int version = IfMatch.version(ifMatch);
		return answer(workflow.close(user, id, version, input == null ? null : input.outcome(),
				input == null ? null : input.note()));
	}

	@PostMapping("/{id}/dismissal")
	@Operation(summary = "Dismiss a false alert with its reason (required); the same facts are not alerted again; If-Match")
	ResponseEntity<AlertSummary> dismiss(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody Dismissal input) {
		int version = IfMatch.version(ifMatch);
		return answer(workflow.dismiss(user, id, version, input == null ? null : input.reason()));
	}

	private ResponseEntity<AlertSummary> answer(Alert alert) {
		return ResponseEntity.ok().eTag("\"" + alert.version() + "\"").body(summary(alert, clock.instant()));
	}

	private AlertSummary summary(Alert a, Instant now) {
		return new AlertSummary(a.id(), a.rule(), texts.name(a.rule()), a.severity().name(), texts.summary(a),
				a.status().name(), a.regionCode(), a.personId(), a.assignedAgency(), a.assignedTo(), a.openedAt(),
				a.ageDays(now), a.outcome(), a.version());
	}
}
