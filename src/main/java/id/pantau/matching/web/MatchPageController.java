package id.pantau.matching.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import id.pantau.identity.PantauUser;
import id.pantau.matching.domain.MatchCase;
import id.pantau.matching.domain.MatchReview;
import id.pantau.matching.domain.MatchReview.Queue;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ProblemMessages;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.RegionLevel;
import id.pantau.registry.Category;
import id.pantau.registry.Registry.PersonRef;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * The review queue (pencocokan): records the linker was not sure about, records with no match, automatic links that
 * can be undone, and past decisions; each case side by side with its candidates and what every field contributed.
 */
@Controller
@RequestMapping("/pencocokan")
@PreAuthorize("hasAnyRole('IMIGRASI', 'KESBANGPOL')")
class MatchPageController {

	private final MatchReview review;
	private final ReferenceData reference;
	private final ProblemMessages messages;

	MatchPageController(MatchReview review, ReferenceData reference, ProblemMessages messages) {
		this.review = review;
		this.reference = reference;
		this.messages = messages;
	}

	@GetMapping
	String queue(@AuthenticationPrincipal PantauUser user, @RequestParam(name = "antrean", defaultValue = "REVIEW")
			String queue, @RequestParam(name = "halaman", defaultValue = "0") int page, Model model) {
		Queue chosen = Arrays.stream(Queue.values()).filter(q -> q.name().equalsIgnoreCase(queue)).findFirst()
				.orElse(Queue.REVIEW);
		model.addAttribute("page", review.queue(user, chosen, page));
		model.addAttribute("queues", Queue.values());
		return "matching/queue";
	}

	/** The linker's candidates for a village report, to pick from beside Kesbangpol's validation form. */
	@GetMapping("/laporan/{reportId}")
	String reportCandidates(@AuthenticationPrincipal PantauUser user, @PathVariable long reportId, Model model) {
		model.addAttribute("view", review.forRecord(user, MatchCase.Kind.REPORT, reportId).orElse(null));
		return "matching/candidates :: candidates";
	}

	@GetMapping("/{id}")
	String matchCase(@AuthenticationPrincipal PantauUser user, @PathVariable long id, Model model) {
		model.addAttribute("view", review.view(user, id));
		model.addAttribute("categories", Category.values());
		model.addAttribute("villages", reference.regionsWithin(user.scope(), RegionLevel.VILLAGE));
		return "matching/case";
	}

	@PostMapping("/{id}/konfirmasi")
	String confirm(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam long personId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return decide(id, redirect, () -> review.confirm(user, id, version, personId, reason),
				"matching.confirmed");
	}

	@PostMapping("/{id}/tolak")
	String reject(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return decide(id, redirect, () -> review.rejectAll(user, id, version, reason), "matching.rejected");
	}

	/** Several crossings in review at once: "none of them is in the registry", with one reason. */
	@PostMapping("/bukan-di-daftar")
	String rejectCrossings(@AuthenticationPrincipal PantauUser user,
			@RequestParam(name = "kasus", required = false) List<String> picked,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		java.util.Map<Long, Integer> versions = new java.util.LinkedHashMap<>();
		for (String value : picked == null ? List.<String>of() : picked) {
			String[] parts = value.split(":");
			try {
				versions.put(Long.valueOf(parts[0]), Integer.valueOf(parts[1]));
			}
			catch (RuntimeException notACase) {
				// a value not written by the page: ignored
			}
		}
		if (versions.isEmpty()) {
			redirect.addFlashAttribute("problems", List.of(messages.message("matching.bulk.none")));
			return "redirect:/pencocokan?antrean=review";
		}
		try {
			int decided = review.rejectCrossings(user, versions, reason);
			redirect.addFlashAttribute("notice", messages.message("matching.bulk.done", decided, versions.size() - decided));
		}
		catch (InvalidInput e) {
			redirect.addFlashAttribute("problems", List.copyOf(messages.of(e).values()));
		}
		return "redirect:/pencocokan?antrean=review";
	}

	@PostMapping("/{id}/orang-baru")
	String createPerson(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String category, @RequestParam(required = false) String villageCode,
			RedirectAttributes redirect) {
		try {
			MatchReview.NewPerson created = review.createPerson(user, id, version, category, villageCode);
			PersonRef person = created.person();
			redirect.addFlashAttribute("notice", created.unmappedPermit() == null
					? messages.message("matching.personCreated", person.primaryName())
					: messages.message("matching.personCreatedWithoutPermit", person.primaryName(),
							created.unmappedPermit()));
		}
		catch (InvalidInput e) {
			redirect.addFlashAttribute("problems", namingTheField(e));
		}
		catch (OptimisticLockingFailureException | IllegalStateException e) {
			redirect.addFlashAttribute("problems", List.of(messages.message("matching.changed")));
		}
		return "redirect:/pencocokan/" + id;
	}

	/**
	 * The person's fields a registration from a record may refuse, with their labels: the record's values are not on
	 * the page as a form, so each message says which of them was refused.
	 */
	private static final Map<String, String> PERSON_FIELDS = Map.ofEntries(Map.entry("primaryName", "person.name"),
			Map.entry("sex", "person.sex"), Map.entry("birthDate", "person.birthDate"),
			Map.entry("nationality", "person.nationality"), Map.entry("category", "person.category"),
			Map.entry("documentType", "document.type"), Map.entry("documentNumber", "document.number"),
			Map.entry("documentIssuingState", "document.issuingState"),
			Map.entry("documentExpiry", "document.expiry"), Map.entry("permitType", "permit.type"),
			Map.entry("permitNumber", "permit.number"), Map.entry("permitValidUntil", "permit.validUntil"),
			Map.entry("villageCode", "person.village"), Map.entry("notes", "person.notes"));

	private List<String> namingTheField(InvalidInput invalid) {
		return messages.of(invalid).entrySet().stream()
				.map(problem -> messages.message("matching.fieldProblem",
						messages.message(PERSON_FIELDS.getOrDefault(problem.getKey(), problem.getKey())),
						problem.getValue()))
				.toList();
	}

	@PostMapping("/{id}/batal")
	String undo(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return decide(id, redirect, () -> review.undo(user, id, version, reason), "matching.undone");
	}

	private String decide(long id, RedirectAttributes redirect, Runnable decision, String notice) {
		try {
			decision.run();
			redirect.addFlashAttribute("notice", messages.message(notice));
		}
		catch (InvalidInput e) {
			redirect.addFlashAttribute("problems", List.copyOf(messages.of(e).values()));
		}
		catch (OptimisticLockingFailureException | IllegalStateException e) {
			redirect.addFlashAttribute("problems", List.of(messages.message("matching.changed")));
		}
		return "redirect:/pencocokan/" + id;
	}
}
