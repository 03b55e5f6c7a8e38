package id.pantau.reports.web;

import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.Scope;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.ProblemMessages;
import id.pantau.reference.RegionLevel;
import id.pantau.reference.ReferenceData;
import id.pantau.registry.Category;
import id.pantau.registry.Registry;
import id.pantau.reports.ReportState;
import id.pantau.reports.ValidationOutcome;
import id.pantau.reports.domain.ClientKeyTaken;
import id.pantau.reports.domain.IllegalTransition;
import id.pantau.reports.domain.PeriodicReporting;
import id.pantau.reports.domain.PhotoStore;
import id.pantau.reports.domain.ReportForm;
import id.pantau.reports.domain.ReportQueries;
import id.pantau.reports.domain.ValidationForm;
import id.pantau.reports.domain.VillageReport;
import id.pantau.reports.domain.VillageReporting;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reporting chain's pages: a village's reports and its monthly report, BPMPD's and Kesbangpol's inboxes, a
 * report with its history and the actions the user's role may take on it, and the completeness of monthly reports.
 */
@Controller
@RequestMapping("/laporan")
@PreAuthorize("!hasRole('ADMIN')")
class ReportPageController {

	private final VillageReporting reporting;
	private final ReportQueries queries;
	private final PeriodicReporting periodic;
	private final PhotoStore photos;
	private final ReferenceData reference;
	private final Registry registry;
	private final ProblemMessages problems;
	private final Clock clock;

	ReportPageController(VillageReporting reporting, ReportQueries queries, PeriodicReporting periodic,
			PhotoStore photos, ReferenceData reference, Registry registry, ProblemMessages problems, Clock clock) {
		this.registry = registry;
		this.reporting = reporting;
		this.queries = queries;
		this.periodic = periodic;
		this.photos = photos;
		this.reference = reference;
		this.problems = problems;
		this.clock = clock;
	}

	/**
	 * The list opens on the user's work: BPMPD on the reports waiting for it, Kesbangpol and TIMPORA's members on
	 * those waiting for the joint validation, a village on all its reports. {@code semua} shows every state; a link
	 * narrowed to a region ({@code region}) shows every state too.
	 */
	@GetMapping
	String list(@AuthenticationPrincipal PantauUser user, @RequestParam(required = false) ReportState status,
			@RequestParam(required = false) String region, @RequestParam(defaultValue = "false") boolean all,
			Model model) {
		Scope shown = within(user, region, reference);
		ReportState inbox = switch (user.role()) {
			case BPMPD -> ReportState.SUBMITTED;
			case KESBANGPOL -> ReportState.FORWARDED;
			case OHOI -> ReportState.RETURNED;
			default -> null;
		};
		if (status == null && !all && (region == null || region.isBlank())) {
			status = defaultTab(user.role());
		}
		model.addAttribute("inboxState", inbox);
		model.addAttribute("status", status);
		model.addAttribute("states", Arrays.stream(ReportState.values())
				.filter(s -> s != ReportState.DRAFT || user.role() == Role.OHOI || user.role() == Role.BPMPD).toList());
		model.addAttribute("counts", queries.counts(user, shown));
		model.addAttribute("agencyCount", VillageReporting.TIMPORA_MEMBERS.size());
		model.addAttribute("reports", queries.shown(queries.list(user, shown,
				status == null ? List.of() : List.of(status), 0), shown, "page"));
		model.addAttribute("region", shown.equals(user.scope()) ? null : shown.regionCode());
		model.addAttribute("regionName", shown.equals(user.scope()) ? null
				: reference.region(shown.regionCode()).map(r -> r.name()).orElse(null));
		return "reports/list";
	}

	/** The tab a role's list opens on: its work ({@code null} is every state). */
	static ReportState defaultTab(Role role) {
		return switch (role) {
			case BPMPD -> ReportState.SUBMITTED;
			case KESBANGPOL, IMIGRASI, TIMPORA -> ReportState.FORWARDED;
			default -> null;
		};
	}

	/**
	 * The region a list is narrowed to ({@code region}, a kecamatan or village within the user's scope, as the
	 * dashboard and the map link to it), else the user's whole scope. A region outside the scope is not found.
	 */
	static Scope within(PantauUser user, String region, ReferenceData reference) {
		if (region == null || region.isBlank()) {
			return user.scope();
		}
		if (!Scope.isRegionCode(region.strip()) || !user.scope().covers(Scope.of(region))) {
			throw new id.pantau.platform.NotFoundException("region " + region);
		}
		return reference.scope(region);
	}

	/** For a TIMPORA member's home page: the forwarded reports on which its agency has not spoken yet. */
	@GetMapping("/menunggu-pandangan")
	@PreAuthorize("hasAnyRole('TIMPORA', 'IMIGRASI')")
	String awaitingView(@AuthenticationPrincipal PantauUser user, Model model) {
		boolean member = VillageReporting.TIMPORA_MEMBERS.contains(user.agency());
		model.addAttribute("reports", member ? queries.shown(queries.awaitingViewOf(user.scope(), user.agency().name()),
				user.scope(), "awaiting") : List.of());
		model.addAttribute("agency", user.agency());
		return "reports/awaiting :: awaiting";
	}

	/** For a person's page: the photos villages attached to their reports about the person, within the scope. */
	@GetMapping("/orang/{personId}/foto")
	String personPhotos(@AuthenticationPrincipal PantauUser user, @PathVariable long personId, Model model) {
		if (registry.find(user, personId).isEmpty()) {
			throw new NotFoundException("person " + personId);
		}
		model.addAttribute("photos", queries.photosOf(user.scope(), personId));
		return "reports/person-photos :: photos";
	}

	@GetMapping("/baru")
	@PreAuthorize("hasAnyRole('OHOI', 'BPMPD')")
	String createForm(@AuthenticationPrincipal PantauUser user, Model model) {
		return form(user, model, ReportForm.empty(), Map.of(), null, UUID.randomUUID());
	}

	@PostMapping("/baru")
	@PreAuthorize("hasAnyRole('OHOI', 'BPMPD')")
	String create(@AuthenticationPrincipal PantauUser user, ReportForm form,
			@RequestParam(required = false) String villageCode, @RequestParam(required = false) UUID clientKey,
			@RequestParam(required = false) MultipartFile photo, @RequestParam(defaultValue = "false") boolean submit,
			Model model, RedirectAttributes redirect) throws IOException {
		try {
			// the photo first: a refused photo must not leave a draft behind (the form comes back as typed)
			PhotoStore.Prepared prepared = prepared(photo);
			VillageReporting.Drafted drafted = reporting.draftOnce(user, villageCode, form, clientKey);
			VillageReport report = drafted.report();
			// The same client key again is a retry whose answer was lost (a phone's outbox, a double tap, the form
			// posted again after Back, two posts racing): the draft is the one made then; what that post did not do
			// yet (a photo, the submission) is done now, once.
			boolean wasSubmitted = report.isSubmitted();
			try {
				if (report.getPhotoId() == null && report.getState() == ReportState.DRAFT) {
					report = withPhoto(user, report, prepared);
				}
				if (submit && report.getState() == ReportState.DRAFT) {
					report = reporting.submit(user, report.getId(), report.getVersion());
				}
			}
			catch (OptimisticLockingFailureException | IllegalTransition raced) {
				// the racing post took the step first: the report as it now is
				report = reporting.visible(user, report.getId());
			}
			String notice = submit ? "report.notice.submitted" : "report.notice.saved";
			if (drafted.repeated() && (wasSubmitted || !submit)) {
				notice = wasSubmitted ? "report.notice.alreadySubmitted" : "report.notice.alreadySaved";
			}
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/laporan/" + report.getId();
		}
		catch (InvalidInput invalid) {
			return form(user, model, form, problems.of(invalid), null, clientKey);
		}
		catch (ClientKeyTaken taken) {
			// not this user's report: the form as typed, with a fresh key so that saving it makes its own report
			model.addAttribute("errorKey", "report.clientKeyTaken");
			return form(user, model, form, Map.of(), null, UUID.randomUUID());
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal PantauUser user, @PathVariable long id, Model model) {
		VillageReport report = reporting.view(user, id);
		model.addAttribute("report", report);
		model.addAttribute("editable", VillageReporting.isEditableBy(user, report));
		model.addAttribute("resubmission", report.getResubmission());
		model.addAttribute("village", reference.lineage(report.getVillageCode()));
		model.addAttribute("outcomes", ValidationOutcome.values());
		model.addAttribute("categories", Category.values());
		model.addAttribute("agencies", VillageReporting.TIMPORA_MEMBERS);
		model.addAttribute("views", report.getAgencyViews().stream()
				.collect(java.util.stream.Collectors.toMap(v -> v.agency(), v -> v)));
		boolean member = (user.role() == Role.TIMPORA || user.role() == Role.IMIGRASI)
				&& VillageReporting.TIMPORA_MEMBERS.contains(user.agency());
		model.addAttribute("ownAgency", member ? user.agency() : null);
		model.addAttribute("personName", report.getPersonId() == null ? null
				: registry.find(user, report.getPersonId()).map(Registry.PersonRef::primaryName).orElse(null));
		return "reports/report";
	}

	@GetMapping("/{id}/ubah")
	@PreAuthorize("hasAnyRole('OHOI', 'BPMPD')")
	String editForm(@AuthenticationPrincipal PantauUser user, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		VillageReport report = reporting.visible(user, id);
		if (user.role() == Role.OHOI && report.isSubmitted()) {
			redirect.addFlashAttribute("notice", "report.notice.alreadySubmitted");
			return "redirect:/laporan/" + id;
		}
		report = reporting.editable(user, id);
		return form(user, model, ReportForm.of(report.getContent()), Map.of(), report, null);
	}

	@PostMapping("/{id}/ubah")
	@PreAuthorize("hasAnyRole('OHOI', 'BPMPD')")
	String update(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @RequestParam int version,
			ReportForm form, @RequestParam(required = false) MultipartFile photo,
			@RequestParam(defaultValue = "false") boolean submit, Model model, RedirectAttributes redirect)
			throws IOException {
		VillageReport report = reporting.visible(user, id);
		if (user.role() == Role.OHOI && report.isSubmitted()) {
			// the form posted again after Back, or from a second tab, once the report has gone: it stays as it was
			redirect.addFlashAttribute("notice", "report.notice.alreadySubmitted");
			return "redirect:/laporan/" + id;
		}
		report = reporting.editable(user, id);
		try {
			// the photo first: a refused photo must not save the rest of the change behind the user's back
			PhotoStore.Prepared prepared = prepared(photo);
			report = reporting.edit(user, id, version, form);
			report = withPhoto(user, report, prepared);
			if (submit) {
				reporting.submit(user, id, report.getVersion());
			}
			redirect.addFlashAttribute("notice", submit ? "report.notice.submitted" : "report.notice.saved");
			return "redirect:/laporan/" + id;
		}
		catch (InvalidInput invalid) {
			return form(user, model, form, problems.of(invalid), report, null);
		}
		catch (OptimisticLockingFailureException | IllegalTransition e) {
			model.addAttribute("errorKey", "report.changedMeanwhile");
			return form(user, model, form, Map.of(), report, null);
		}
	}

	@PostMapping("/{id}/{action:kirim|kembalikan|teruskan|pandangan|validasi}")
	String act(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @PathVariable String action,
			@RequestParam int version, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		try {
			if (action.equals("kirim") && user.role() == Role.OHOI && reporting.visible(user, id).isSubmitted()) {
				redirect.addFlashAttribute("notice", "report.notice.alreadySubmitted");
				return "redirect:/laporan/" + id;
			}
			switch (action) {
				case "kirim" -> reporting.submit(user, id, version);
				case "kembalikan" -> reporting.returnToVillage(user, id, version, fields.get("reason"));
				case "teruskan" -> reporting.forward(user, id, version);
				case "pandangan" -> reporting.recordView(user, id, version, fields.get("view"));
				default -> reporting.validate(user, id, version, validation(fields));
			}
			redirect.addFlashAttribute("notice", "report.notice." + action);
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("entryErrors", problems.of(invalid));
			// what the officer typed comes back into the form, views and note included
			redirect.addFlashAttribute("typed", typed(fields));
		}
		catch (IllegalTransition | OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("errorKey", "report.changedMeanwhile");
			redirect.addFlashAttribute("typed", typed(fields));
		}
		return "redirect:/laporan/" + id;
	}

	@GetMapping("/{id}/foto")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal PantauUser user, @PathVariable long id) {
		VillageReport report = reporting.visible(user, id);
		if (report.getPhotoId() == null) {
			throw new NotFoundException("photo of report " + id);
		}
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(report.getPhotoType()))
				.cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff")
				.body(photos.read(report.getPhotoId()));
	}

	@GetMapping("/bulanan")
	@PreAuthorize("hasAnyRole('OHOI', 'BPMPD')")
	String periodicForm(@AuthenticationPrincipal PantauUser user,
			@RequestParam(name = "month", required = false) String asked, Model model) {
		// the home's "send last month's report" names the month; otherwise (or when it is no month) the last complete
		// one; whether that month may still be reported is said when the form is sent
		String month = asked != null && asked.matches("\\d{4}-\\d{2}") ? asked : periodic.lastCompleteMonth().toString();
		return periodicPage(user, model, new PeriodicForm(month, null, false, null, null, null), Map.of(), null);
	}

	@PostMapping("/bulanan")
	@PreAuthorize("hasAnyRole('OHOI', 'BPMPD')")
	String submitPeriodic(@AuthenticationPrincipal PantauUser user, PeriodicForm form, Model model,
			RedirectAttributes redirect) {
		try {
			periodic.submit(user, form.villageCode(), form.yearMonth(), form.nilTicked(), form.count(), form.note());
			redirect.addFlashAttribute("notice", "periodic.notice.submitted");
			return "redirect:/laporan/bulanan";
		}
		catch (InvalidInput invalid) {
			// what was typed comes back, month and count included
			return periodicPage(user, model, form, problems.of(invalid), null);
		}
	}

	/** The village corrects a monthly report it sent: a new version with a reason, until BPMPD closes the month. */
	@PostMapping("/bulanan/koreksi")
	@PreAuthorize("hasRole('OHOI')")
	String correctPeriodic(@AuthenticationPrincipal PantauUser user, PeriodicForm form, Model model,
			RedirectAttributes redirect) {
		try {
			periodic.correct(user, form.yearMonth(), form.nilTicked(), form.count(), form.reason(), form.note());
			redirect.addFlashAttribute("notice", "periodic.notice.corrected");
			return "redirect:/laporan/bulanan";
		}
		catch (InvalidInput invalid) {
			return periodicPage(user, model, null, problems.of(invalid), form);
		}
	}

	/**
	 * The monthly report page; {@code form} is the new report's fields, {@code correction} a correction being made
	 * (its fields and errors shown at the report of its month).
	 */
	private String periodicPage(PantauUser user, Model model, PeriodicForm form, Map<String, String> errors,
			PeriodicForm correction) {
		String village = user.role() == Role.OHOI ? user.scope().regionCode() : null;
		model.addAttribute("months", periodic.reportableMonths());
		model.addAttribute("oldestOpen", periodic.oldestOpenMonth());
		model.addAttribute("villages", reference.regionsWithin(user.scope(), RegionLevel.VILLAGE));
		model.addAttribute("form", form != null ? form
				: new PeriodicForm(periodic.lastCompleteMonth().toString(), null, false, null, null, null));
		model.addAttribute("errors", form != null ? errors : Map.of());
		model.addAttribute("correction", correction);
		model.addAttribute("correctionErrors", correction != null ? errors : Map.of());
		model.addAttribute("closings", village != null ? periodic.closings(village) : Map.of());
		model.addAttribute("noErrors", Map.of());
		List<PeriodicReporting.MonthReport> history = village != null ? periodic.ofVillage(village) : null;
		model.addAttribute("history", history);
		// a correction's errors are shown at its month's report; when that is not on the page, at the top
		model.addAttribute("correctionElsewhere", correction != null && (history == null || history.stream()
				.noneMatch(h -> h.closing() == null && !h.month().isBefore(periodic.oldestOpenMonth())
						&& h.month().toString().equals(correction.month()))));
		return "reports/periodic";
	}

	@GetMapping("/kelengkapan")
	String completeness(@AuthenticationPrincipal PantauUser user, Model model) {
		YearMonth current = periodic.currentMonth();
		PeriodicReporting.View view = periodic.completeness(user.scope(), current,
				PeriodicReporting.MONTHS_OPEN + 1);
		model.addAttribute("view", view);
		model.addAttribute("corrections", periodic.corrections(user.scope(), view.months().get(0), current));
		if (user.role() == Role.BPMPD) {
			List<YearMonth> newestFirst = new java.util.ArrayList<>(view.months());
			java.util.Collections.reverse(newestFirst);
			model.addAttribute("closings", periodic.monthClosings(user.scope(), newestFirst));
		}
		return "reports/completeness";
	}

	/** BPMPD closes a month for the villages of its area (the page asks to confirm first). */
	@PostMapping("/kelengkapan/tutup")
	@PreAuthorize("hasRole('BPMPD')")
	String closeMonth(@AuthenticationPrincipal PantauUser user, @RequestParam(required = false) String month,
			RedirectAttributes redirect) {
		try {
			periodic.close(user, new PeriodicForm(month, null, false, null, null, null).yearMonth());
			redirect.addFlashAttribute("notice", "completeness.notice.closed");
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("closeErrors", problems.of(invalid));
		}
		return "redirect:/laporan/kelengkapan#tutup-bulan";
	}

	private PhotoStore.Prepared prepared(MultipartFile photo) throws IOException {
		return photo == null || photo.isEmpty() ? null : photos.prepare(photo.getInputStream(), photo.getSize());
	}

	private VillageReport withPhoto(PantauUser user, VillageReport report, PhotoStore.Prepared photo) {
		if (photo == null) {
			return report;
		}
		PhotoStore.Stored stored = photos.store(photo);
		return reporting.attachPhoto(user, report.getId(), report.getVersion(), stored.id(), stored.type());
	}

	private String form(PantauUser user, Model model, ReportForm form, Map<String, String> errors,
			VillageReport report, UUID clientKey) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("report", report);
		model.addAttribute("clientKey", clientKey);
		model.addAttribute("villages", user.role() == Role.BPMPD
				? reference.regionsWithin(user.scope(), RegionLevel.VILLAGE) : List.of());
		model.addAttribute("countries", reference.countries());
		return "reports/form";
	}

	static ValidationForm validation(Map<String, String> fields) {
		Map<String, String> views = new LinkedHashMap<>();
		fields.forEach((key, value) -> {
			if (key.startsWith("view.")) {
				views.put(key.substring("view.".length()), value);
			}
		});
		return new ValidationForm(fields.get("outcome"), number(fields.get("personId")), fields.get("category"),
				number(fields.get("duplicateOf")), fields.get("note"), views);
	}

	private static Long number(String value) {
		try {
			return value == null || value.isBlank() ? null : Long.valueOf(value.strip().replace("#", ""));
		}
		catch (NumberFormatException e) {
			throw InvalidInput.of("personId", "input.choice");
		}
	}

	private static Map<String, String> typed(Map<String, String> fields) {
		Map<String, String> typed = new java.util.HashMap<>(fields);
		typed.remove("_csrf");
		typed.remove("version");
		return typed;
	}
}
