package id.pantau.followup.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import id.pantau.followup.domain.Alert;
import id.pantau.followup.domain.AlertFilter;
import id.pantau.followup.domain.AlertStatus;
import id.pantau.followup.domain.AlertWorkflow;
import id.pantau.followup.domain.FollowUpPolicy;
import id.pantau.followup.Severity;
import id.pantau.identity.Agency;
import id.pantau.identity.PantauUser;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ProblemMessages;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.RegionLevel;
import id.pantau.registry.Registry;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Alerts (peringatan) for the people who follow them up: the list with its filters, an alert with its evidence and
 * history, and the steps of the workflow. Each step answers with the alert's page and a message.
 */
@Controller
@RequestMapping("/peringatan")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AlertPageController {

	/** Who works on alerts (BPMPD only reads; the service checks each step's role and scope again). */
	private static final String WORKERS = "hasAnyRole('KESBANGPOL', 'IMIGRASI', 'TIMPORA')";

	private final AlertWorkflow workflow;
	private final ReferenceData reference;
	private final ProblemMessages problems;
	private final Registry registry;

	@GetMapping
	@PreAuthorize("hasAnyRole('KESBANGPOL', 'IMIGRASI', 'TIMPORA', 'BPMPD')")
	String list(@AuthenticationPrincipal PantauUser user, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String region,
			@RequestParam(required = false) String status,
			@RequestParam(required = false) String assignee,
			@RequestParam(required = false) Integer minAgeDays,
			@RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, Model model) {
		AlertFilter filter = new AlertFilter(severity, rule, region, status, assignee, minAgeDays, sort, page);
		try {
			model.addAttribute("result", workflow.list(user, filter));
		}
		catch (InvalidInput invalid) {
			model.addAttribute("filterErrors", problems.of(invalid));
			model.addAttribute("result", workflow.list(user, AlertFilter.active()));
		}
		List<Alert> shown = ((AlertWorkflow.AlertPage) model.getAttribute("result")).alerts();
		model.addAttribute("persons", registry.refs(shown.stream().map(Alert::personId).filter(Objects::nonNull)
				.collect(Collectors.toSet())));
		model.addAttribute("places", placeNames(shown.stream().map(Alert::regionCode)));
		model.addAttribute("filter", filter);
		model.addAttribute("severities", Severity.values());
		model.addAttribute("statuses", AlertStatus.values());
		model.addAttribute("rules", workflow.rules());
		model.addAttribute("sorts", AlertFilter.SORTS);
		model.addAttribute("agencies", Agency.values());
		model.addAttribute("districts", reference.regionsWithin(user.scope(), RegionLevel.DISTRICT));
		model.addAttribute("villages", reference.regionsWithin(user.scope(), RegionLevel.VILLAGE));
		return "followup/alerts";
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('KESBANGPOL', 'IMIGRASI', 'TIMPORA', 'BPMPD')")
	String show(@AuthenticationPrincipal PantauUser user, @PathVariable long id, Model model) {
		AlertWorkflow.AlertView view = workflow.view(user, id);
		model.addAttribute("view", view);
		model.addAttribute("a", view.alert());
		model.addAttribute("village", view.alert().regionCode() == null ? List.of()
				: reference.lineage(view.alert().regionCode()));
		model.addAttribute("person", view.alert().personId() == null ? null
				: registry.refs(List.of(view.alert().personId())).get(view.alert().personId()));
		model.addAttribute("kinds", FollowUpPolicy.actionsFor(user.role(), view.alert()));
		model.addAttribute("outcomes", FollowUpPolicy.outcomesFor(user.role(), view.alert()));
		model.addAttribute("officers", FollowUpPolicy.mayAssign(user.role()) ? workflow.assignable(view.alert()) : List.of());
		model.addAttribute("agencies", Agency.values());
		return "followup/alert";
	}

	@PostMapping("/{id}/tugaskan")
	@PreAuthorize(WORKERS)
	String assign(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String officer, @RequestParam(required = false) String agency,
			RedirectAttributes redirect) {
		return step(id, redirect, "followup.notice.assigned", () -> workflow.assign(user, id, version, officer, agency));
	}

	@PostMapping("/{id}/terima")
	@PreAuthorize(WORKERS)
	String acknowledge(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		return step(id, redirect, "followup.notice.acknowledged", () -> workflow.acknowledge(user, id, version));
	}

	@PostMapping("/{id}/tindakan")
	@PreAuthorize(WORKERS)
	String record(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String note,
			@RequestParam(required = false) String happenedOn, RedirectAttributes redirect) {
		return step(id, redirect, "followup.notice.recorded",
				() -> workflow.record(user, id, version, kind, note, happenedOn));
	}

	@PostMapping("/{id}/tutup")
	@PreAuthorize(WORKERS)
	String close(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return step(id, redirect, "followup.notice.closed", () -> workflow.close(user, id, version, outcome, note));
	}

	@PostMapping("/{id}/abaikan")
	@PreAuthorize(WORKERS)
	String dismiss(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(id, redirect, "followup.notice.dismissed", () -> workflow.dismiss(user, id, version, reason));
	}

	/**
	 * What was decided about the person of a village report, as a fragment the report's page loads (htmx): for
	 * whoever may see the report, the village included.
	 */
	@GetMapping("/laporan/{reportId}")
	@PreAuthorize("!hasRole('ADMIN')")
	String reportOutcomes(@AuthenticationPrincipal PantauUser user, @PathVariable long reportId, Model model) {
		model.addAttribute("outcomes", workflow.outcomesForReport(user, reportId));
		return "followup/report-outcomes :: outcomes";
	}

	private String step(long id, RedirectAttributes redirect, String notice, Runnable change) {
		Steps.take(redirect, problems, notice, "followup.alreadyConcluded", change);
		return "redirect:/peringatan/" + id;
	}

	/** Each village's (or district's) name by its code, for the list's "where" column. */
	private Map<String, String> placeNames(Stream<String> codes) {
		Map<String, String> names = new HashMap<>();
		codes.filter(Objects::nonNull).distinct()
				.forEach(code -> reference.region(code).ifPresent(region -> names.put(code, region.name())));
		return names;
	}

}
