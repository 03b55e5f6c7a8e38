package id.pantau.registry.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.CaseFile;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ProblemMessages;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.reference.Region;
import id.pantau.reference.RegionLevel;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.ReferenceLabels;
import id.pantau.registry.Category;
import id.pantau.registry.DocumentType;
import id.pantau.registry.HumanitarianFlag;
import id.pantau.registry.IdentityLinkKind;
import id.pantau.registry.NameSource;
import id.pantau.registry.PersonForm;
import id.pantau.registry.PersonStatus;
import id.pantau.registry.Sex;
import id.pantau.registry.domain.Person;
import id.pantau.registry.domain.PersonQueries;
import id.pantau.registry.domain.PersonRegistry;
import id.pantau.registry.domain.VesselRegistry;
import id.pantau.registry.mrz.MrzParser;
import id.pantau.registry.mrz.MrzResult;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry's pages: search, a person's record, registration (with MRZ reading), changes and merges. A search from
 * htmx gets only the result list.
 */
@Controller
@RequestMapping("/orang-asing")
@PreAuthorize(PersonPageController.READERS)
class PersonPageController {

	static final String READERS = "hasAnyRole('OHOI', 'BPMPD', 'KESBANGPOL', 'IMIGRASI', 'TIMPORA')";
	static final String EDITORS = "hasAnyRole('OHOI', 'KESBANGPOL', 'IMIGRASI')";
	static final String MERGERS = "hasAnyRole('KESBANGPOL', 'IMIGRASI')";

	private final PersonRegistry registry;
	private final PersonQueries queries;
	private final AuditTrail audit;
	private final VesselRegistry vessels;
	private final ReferenceData reference;
	private final ReferenceLabels labels;
	private final ProblemMessages problems;
	private final PersonCaseFile caseFile;
	private final Clock clock;

	PersonPageController(PersonRegistry registry, PersonQueries queries, VesselRegistry vessels,
			ReferenceData reference, ReferenceLabels labels, ProblemMessages problems, PersonCaseFile caseFile,
			AuditTrail audit, Clock clock) {
		this.audit = audit;
		this.registry = registry;
		this.queries = queries;
		this.vessels = vessels;
		this.reference = reference;
		this.labels = labels;
		this.problems = problems;
		this.caseFile = caseFile;
		this.clock = clock;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("categories", Category.values());
		model.addAttribute("statuses", Arrays.stream(PersonStatus.values()).filter(PersonStatus::isChoosable).toList());
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("nameSources", NameSource.values());
		model.addAttribute("documentTypes", DocumentType.values());
		model.addAttribute("flagKinds", HumanitarianFlag.values());
		model.addAttribute("linkKinds", IdentityLinkKind.values());
		model.addAttribute("sorts", PersonQueries.Sort.values());
	}

	@GetMapping
	String search(@AuthenticationPrincipal ScopedPrincipal user, Authentication authentication,
			@ModelAttribute("filter") SearchForm form, HttpServletRequest request, Model model) {
		PersonQueries.Filter filter = form.filter();
		PersonQueries.Page page = queries.search(user.scope(), filter, form.sortOrDefault(), form.pageOrZero());
		listed(filter.text(), page.rows());
		model.addAttribute("page", page);
		if (request.getHeader("HX-Request") != null) {
			// typing in the search box asks for the results only; the form's choices are already on the page
			return "registry/search :: results";
		}
		model.addAttribute("nationalityOptions", labels.countryOptions(filter.nationality()));
		model.addAttribute("regions", regionsOf(user));
		// as EDITORS and the break-glass rule say; decided here because sec:authorize parses and evaluates an
		// expression at each rendering, 5 % of a search page's time for these two
		Set<String> roles = AuthorityUtils.authorityListToSet(authentication.getAuthorities());
		model.addAttribute("mayRegister", roles.contains("ROLE_OHOI") || roles.contains("ROLE_KESBANGPOL")
				|| roles.contains("ROLE_IMIGRASI"));
		model.addAttribute("mayBreakGlass", roles.contains("ROLE_IMIGRASI") && !user.scope().isWholeDeployment());
		return "registry/search";
	}

	/** A short list of persons by name or document number, to pick one from in another form (report validation). */
	@GetMapping("/pilih")
	String pick(@AuthenticationPrincipal ScopedPrincipal user, @RequestParam(required = false) String q, Model model) {
		List<PersonQueries.Row> rows = q == null || q.isBlank() ? List.of()
				: queries.search(user.scope(), new PersonQueries.Filter(q, null, null, null, null, null),
						PersonQueries.Sort.RELEVANCE, 0).rows().stream().limit(8).toList();
		if (!rows.isEmpty()) {
			listed(q, rows);
		}
		model.addAttribute("q", q);
		model.addAttribute("rows", rows);
		return "registry/pick :: results";
	}

	/**
	 * Persons shown in a list, audited as the API's list is: whether searched, how many and which (ids), never the
	 * text searched for.
	 */
	private void listed(String text, List<PersonQueries.Row> rows) {
		audit.record(AuditEntry.of("PERSON_LISTED").detail("q", text == null || text.isBlank() ? "" : "yes")
				.detail("rows", rows.size()).shown("PERSON", rows.stream().map(PersonQueries.Row::id).toList()));
	}

	@GetMapping("/baru")
	@PreAuthorize(EDITORS)
	String createForm(@AuthenticationPrincipal ScopedPrincipal user, Model model) {
		return form(user, model, PersonForm.empty(), Map.of(), null);
	}

	/** Reads pasted MRZ lines into the registration form; check-digit failures are shown, not hidden. */
	@PostMapping("/baru/mrz")
	@PreAuthorize(EDITORS)
	String readMrz(@AuthenticationPrincipal ScopedPrincipal user, @RequestParam String mrz, PersonForm form,
			Model model) {
		MrzResult result;
		try {
			result = MrzParser.parse(mrz, clock);
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("mrzError", e.getMessage());
			return form(user, model, form, Map.of(), null) + " :: form";
		}
		PersonForm filled = new PersonForm(MrzForms.name(result), NameSource.PASSPORT.name(), result.sex(),
				result.birthDate() == null ? "" : result.birthDate().toString(), result.nationality(),
				form.claimedNationality(), form.category(), form.notes(), MrzForms.documentType(result),
				result.documentNumber(), result.issuingState(),
				result.expiryDate() == null ? "" : result.expiryDate().toString(), form.permitType(),
				form.permitNumber(), form.permitValidUntil(), form.villageCode(), form.address(), form.residentSince());
		model.addAttribute("mrzResult", result);
		model.addAttribute("mrz", mrz);
		return form(user, model, filled, Map.of(), null) + " :: form";
	}

	@PostMapping("/baru")
	@PreAuthorize(EDITORS)
	String create(@AuthenticationPrincipal ScopedPrincipal user, PersonForm form, Model model,
			RedirectAttributes redirect) {
		try {
			Person person = registry.register(user, form);
			redirect.addFlashAttribute("notice", "person.notice.created");
			return "redirect:/orang-asing/" + person.getId();
		}
		catch (InvalidInput invalid) {
			return form(user, model, form, problems.of(invalid), null);
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal ScopedPrincipal user, Authentication authentication, @PathVariable long id,
			@RequestParam(required = false) CaseFile.Kind kind, Locale locale, Model model) {
		Person person = registry.view(user, id);
		List<PersonCaseFile.Row> timeline = caseFile.rows(user, authentication.getAuthorities(), id, null, locale);
		model.addAttribute("timeline", timeline.stream().filter(row -> kind == null || row.kind() == kind).toList());
		model.addAttribute("timelineKind", kind);
		// only the kinds this reader has entries of: a village is not offered crossings it may never see
		model.addAttribute("timelineKinds", timeline.stream().map(PersonCaseFile.Row::kind).distinct().sorted().toList());
		model.addAttribute("person", person);
		model.addAttribute("view", PersonView.of(person, reference, vessels));
		model.addAttribute("permitTypes", reference.permitTypes());
		model.addAttribute("villages", villagesOf(user));
		model.addAttribute("vessels", vessels.all());
		return "registry/person";
	}

	@GetMapping("/{id}/ubah")
	@PreAuthorize(EDITORS)
	String editForm(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id, Model model) {
		Person person = registry.visible(user, id);
		return form(user, model, PersonView.formOf(person), Map.of(), person);
	}

	@PostMapping("/{id}/ubah")
	@PreAuthorize(EDITORS)
	String update(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id, @RequestParam int version,
			PersonForm form, Model model, RedirectAttributes redirect) {
		Person person = registry.visible(user, id);
		try {
			registry.update(user, id, version, form);
			redirect.addFlashAttribute("notice", "person.notice.updated");
			return "redirect:/orang-asing/" + id;
		}
		catch (InvalidInput invalid) {
			return form(user, model, form, problems.of(invalid), person);
		}
		catch (OptimisticLockingFailureException e) {
			model.addAttribute("errorKey", "person.changedMeanwhile");
			return form(user, model, form, Map.of(), person);
		}
	}

	/** One of the small forms on a person's page; each adds one entry and says what went wrong next to it. */
	@PostMapping("/{id}/{part:nama|dokumen|izin|domisili|kapal|identitas|penanda|status}")
	@PreAuthorize(EDITORS)
	String addEntry(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id, @PathVariable String part,
			@RequestParam int version, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		try {
			switch (part) {
				case "nama" -> registry.addName(user, id, version, fields.get("name"), fields.get("source"));
				case "dokumen" -> registry.addDocument(user, id, version, fields.get("documentType"),
						fields.get("documentNumber"), fields.get("documentIssuingState"), fields.get("documentExpiry"));
				case "izin" -> registry.addPermit(user, id, version, fields.get("permitType"),
						fields.get("permitNumber"), fields.get("permitValidFrom"), fields.get("permitValidUntil"),
						fields.get("sponsor"));
				case "domisili" -> registry.moveTo(user, id, version, fields.get("villageCode"), fields.get("address"),
						fields.get("residentSince"));
				case "kapal" -> registry.assignToVessel(user, id, version, parseLong(fields.get("vesselId")),
						fields.get("crewRole"), fields.get("signedOn"), fields.get("signedOff"));
				case "identitas" -> registry.linkIdentity(user, id, version, fields.get("kind"), fields.get("value"),
						fields.get("notes"));
				case "penanda" -> registry.flag(user, id, version, fields.get("flag"), fields.get("since"),
						fields.get("notes"));
				default -> registry.changeStatus(user, id, version, fields.get("status"), fields.get("reason"));
			}
			redirect.addFlashAttribute("notice", "person.notice.saved");
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("entryErrors", problems.of(invalid));
			redirect.addFlashAttribute("entryPart", part);
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("errorKey", "person.changedMeanwhile");
		}
		return "redirect:/orang-asing/" + id + "#" + part;
	}

	@GetMapping("/{id}/gabung")
	@PreAuthorize(MERGERS)
	String mergePreview(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long mergedId, Model model) {
		Person survivor = registry.visible(user, id);
		model.addAttribute("survivor", survivor);
		model.addAttribute("survivorView", PersonView.of(survivor, reference, vessels));
		if (mergedId != null) {
			Person other = registry.visible(user, mergedId);
			model.addAttribute("other", other);
			model.addAttribute("otherView", PersonView.of(other, reference, vessels));
		}
		return "registry/merge";
	}

	@PostMapping("/{id}/gabung")
	@PreAuthorize(MERGERS)
	String merge(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id, @RequestParam long mergedId,
			@RequestParam int version, @RequestParam int otherVersion, RedirectAttributes redirect) {
		try {
			registry.merge(user, id, version, mergedId, otherVersion);
			redirect.addFlashAttribute("notice", "person.notice.merged");
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("entryErrors", problems.of(invalid));
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("errorKey", "person.changedMeanwhile");
		}
		return "redirect:/orang-asing/" + id;
	}

	private String form(ScopedPrincipal user, Model model, PersonForm form, Map<String, String> errors,
			Person person) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("person", person);
		model.addAttribute("countries", reference.countries());
		model.addAttribute("permitTypes", reference.permitTypes());
		model.addAttribute("villages", villagesOf(user));
		return "registry/form";
	}

	private List<Region> villagesOf(ScopedPrincipal user) {
		return reference.regionsWithin(user.scope(), RegionLevel.VILLAGE);
	}

	/** Kecamatan and villages of the scope, for the region filter. */
	private List<Region> regionsOf(ScopedPrincipal user) {
		return java.util.stream.Stream.concat(reference.regionsWithin(user.scope(), RegionLevel.DISTRICT).stream(),
				reference.regionsWithin(user.scope(), RegionLevel.VILLAGE).stream())
				.sorted(java.util.Comparator.comparing(Region::code)).toList();
	}

	private static Long parseLong(String value) {
		try {
			return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
