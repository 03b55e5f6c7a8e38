package id.pantau.reports.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.IfMatch;
import id.pantau.reports.ReportState;
import id.pantau.platform.ProblemMessages;
import id.pantau.reports.domain.AgencyView;
import id.pantau.reports.domain.ClientKeyTaken;
import id.pantau.reports.domain.ReportContent;
import id.pantau.reports.domain.ReportForm;
import id.pantau.reports.domain.ReportQueries;
import id.pantau.reports.domain.ValidationForm;
import id.pantau.reports.domain.VillageReport;
import id.pantau.reports.domain.VillageReporting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Village reports over JSON, with the rules of the pages. Steps name the version they were based on in
 * {@code If-Match}; a report that moved meanwhile is refused with 412, a step it cannot take with 409.
 */
@RestController
@RequestMapping("/api/v1/reports")
@PreAuthorize("!hasRole('ADMIN')")
@Tag(name = "reports", description = "Village reports and their chain to BPMPD and Kesbangpol")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReportRestController {

	private final VillageReporting reporting;
	private final ReportQueries queries;
	private final ProblemMessages messages;

	record ReportRecord(long id, String number, String villageCode, ReportState state, ReportContent content,
			String returnReason, String outcome, Long personId, Long duplicateOf, boolean hasPhoto,
			List<Step> history, List<AgencyView> agencyViews, int version) {

		record Step(ReportState from, ReportState to, String actor, Instant at, String reason) {
		}

		static ReportRecord of(VillageReport r, boolean withAgencyViews) {
			return new ReportRecord(r.getId(), r.getNumber(), r.getVillageCode(), r.getState(), r.getContent(),
					r.getReturnReason(), r.getOutcome() == null ? null : r.getOutcome().name(), r.getPersonId(),
					r.getDuplicateOf(), r.getPhotoId() != null,
					r.getEvents().stream().map(e -> new Step(e.fromState(), e.toState(), e.actor(), e.at(), e.reason()))
							.toList(),
					withAgencyViews ? r.getAgencyViews() : List.of(),
					r.getVersion());
		}
	}

	/** A new draft: the form's fields, the village (BPMPD only; a village official's own otherwise) and a client key. */
	record NewReport(String villageCode, UUID clientKey, String namesAsHeard, String nationalityText, String sex,
			String ageOrBirth, String documentNumbers, String stayingAt, String activity, String employerOrVessel,
			String presentSince, String note) {

		ReportForm form() {
			return new ReportForm(namesAsHeard, nationalityText, sex, ageOrBirth, documentNumbers, stayingAt, activity,
					employerOrVessel, presentSince, note);
		}
	}

	record Returning(String reason) {
	}

	record View(String view) {
	}

	@GetMapping
	@Operation(summary = "Reports within the user's scope, newest first, optionally in one state")
	List<ReportQueries.Row> list(@AuthenticationPrincipal PantauUser user,
			@RequestParam(required = false) ReportState state, @RequestParam(defaultValue = "0") int page) {
		return queries.shown(queries.list(user, user.scope(), state == null ? List.of() : List.of(state), page),
				user.scope(), "api");
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a report; the read is audited")
	ResponseEntity<ReportRecord> read(@AuthenticationPrincipal PantauUser user, @PathVariable long id) {
		return versioned(user, ResponseEntity.ok(), reporting.view(user, id));
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('OHOI', 'BPMPD')")
	@Operation(summary = "Create a draft; the same clientKey again (a retry, two posts racing) answers 200 with the "
			+ "report made first; a clientKey another user's report carries is refused with 409")
	ResponseEntity<ReportRecord> create(@AuthenticationPrincipal PantauUser user, @RequestBody NewReport report) {
		VillageReporting.Drafted drafted = reporting.draftOnce(user, report.villageCode(), report.form(),
				report.clientKey());
		VillageReport created = drafted.report();
		URI location = URI.create("/api/v1/reports/" + created.getId());
		return versioned(user, drafted.repeated() ? ResponseEntity.ok().location(location)
				: ResponseEntity.created(location), created);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAnyRole('OHOI', 'BPMPD')")
	@Operation(summary = "Change a draft or returned report")
	ResponseEntity<ReportRecord> update(@AuthenticationPrincipal PantauUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ReportForm form) {
		return versioned(user, ResponseEntity.ok(), reporting.edit(user, id, IfMatch.version(ifMatch), form));
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Submit to BPMPD (the village); a report already submitted is answered as it is")
	ResponseEntity<ReportRecord> submit(@AuthenticationPrincipal PantauUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return versioned(user, ResponseEntity.ok(), reporting.submit(user, id, IfMatch.version(ifMatch)));
	}

	@PostMapping("/{id}/return")
	@Operation(summary = "Return to the village with a reason (BPMPD)")
	ResponseEntity<ReportRecord> returnToVillage(@AuthenticationPrincipal PantauUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody Returning body) {
		return versioned(user, ResponseEntity.ok(), reporting.returnToVillage(user, id, IfMatch.version(ifMatch), body.reason()));
	}

	@PostMapping("/{id}/forward")
	@Operation(summary = "Forward to Kesbangpol (BPMPD)")
	ResponseEntity<ReportRecord> forward(@AuthenticationPrincipal PantauUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return versioned(user, ResponseEntity.ok(), reporting.forward(user, id, IfMatch.version(ifMatch)));
	}

	@PostMapping("/{id}/views")
	@Operation(summary = "Give the own agency's view on a report waiting for the joint validation (a TIMPORA member)")
	ResponseEntity<ReportRecord> recordView(@AuthenticationPrincipal PantauUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody View body) {
		return versioned(user, ResponseEntity.ok(), reporting.recordView(user, id, IfMatch.version(ifMatch), body.view()));
	}

	@PostMapping("/{id}/validate")
	@Operation(summary = "Conclude the validation with TIMPORA (Kesbangpol)")
	ResponseEntity<ReportRecord> validate(@AuthenticationPrincipal PantauUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ValidationForm form) {
		return versioned(user, ResponseEntity.ok(), reporting.validate(user, id, IfMatch.version(ifMatch), form));
	}

	@ExceptionHandler(ClientKeyTaken.class)
	ProblemDetail clientKeyTaken() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				messages.message("report.clientKeyTaken"));
		problem.setProperty("code", "report.clientKeyTaken");
		return problem;
	}

	/** A village sees the outcome, never the agencies' internal views. */
	private static ResponseEntity<ReportRecord> versioned(PantauUser user, ResponseEntity.BodyBuilder response,
			VillageReport report) {
		return response.eTag("\"" + report.getVersion() + "\"").body(ReportRecord.of(report, user.role() != Role.OHOI));
	}

}
