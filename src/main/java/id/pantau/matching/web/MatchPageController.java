package id.pantau.matching.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import id.pantau.identity.PantauUser;
import id.pantau.matching.domain.MatchCase;
import id.pantau.matching.domain.MatchReview;
import id.pantau.matching.domain.MatchReview.Queue;
import id.pantau.matching.domain.QueueFilter;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ProblemMessages;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.ReferenceLabels;
import id.pantau.reference.RegionLevel;
import id.pantau.registry.Category;
import id.pantau.registry.Registry.PersonRef;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The review queue (pencocokan): records the linker was not sure about, records with no match, automatic links that
 * can be undone, and past decisions; each case side by side with its candidates and what every field contributed.
 */
@Controller
@RequestMapping("/pencocokan")
@PreAuthorize("hasAnyRole('IMIGRASI', 'KESBANGPOL')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MatchPageController {

	private final MatchReview review;
	private final ReferenceData reference;
	private final ReferenceLabels labels;
	private final ProblemMessages messages;

	/**
	 * A queue, narrowed by the filters in the address ({@code source}, {@code nationality}, {@code score},
	 * {@code age}), in the order chosen ({@code sort}), a page ({@code page}) at a time. A value the page does not
	 * know is named in a message and left out, and the rest of the filter still applies.
	 */
	@GetMapping
	String queue(@AuthenticationPrincipal PantauUser user,
			@RequestParam(defaultValue = "REVIEW") String queue, @RequestParam(required = false) String page,
			@RequestParam(required = false) String source, @RequestParam(required = false) String nationality,
			@RequestParam(required = false) String score, @RequestParam(required = false) String age,
			@RequestParam(required = false) String sort, Model model) {
		Queue chosen = Queue.of(queue).orElse(Queue.REVIEW);
		List<String> problems = new ArrayList<>();
		QueueFilter filter = new QueueFilter(
				read(problems, () -> review.filter(source, null, null, null).source()),
				read(problems, () -> review.filter(null, nationality, null, null).nationality()),
				read(problems, () -> review.filter(null, null, score, null).score()),
				read(problems, () -> review.filter(null, null, null, age).age()));
		QueueFilter.Sort order = read(problems, () -> review.sort(sort));
		Integer pageNumber = read(problems, () -> MatchReview.page(page));
		MatchReview.QueuePage found = review.queue(user, chosen, filter, order, pageNumber == null ? 0 : pageNumber);
		model.addAttribute("page", found);
		model.addAttribute("queues", Queue.values());
		model.addAttribute("links", new Links(filter, order));
		model.addAttribute("nationalityOptions", labels.countryOptions(filter.nationality()));
		model.addAttribute("filterProblems", problems);
		model.addAttribute("batches", review.batches(user, filter));
		model.addAttribute("villages", reference.regionsWithin(user.scope(), RegionLevel.VILLAGE));
		model.addAttribute("scoreBands", QueueFilter.ScoreBand.values());
		model.addAttribute("ageBands", QueueFilter.AgeBand.values());
		model.addAttribute("sorts", QueueFilter.Sort.values());
		return "matching/queue";
	}

	private <T> T read(List<String> problems, Supplier<T> reading) {
		try {
			return reading.get();
		}
		catch (InvalidInput e) {
			problems.addAll(messages.of(e).values());
			return null;
		}
	}

	/**
	 * The queue's addresses that keep the reviewer's filter and chosen order: the tabs, the pages, the order.
	 *
	 * @param sort the order the reviewer chose, or null for each queue's own
	 */
	record Links(QueueFilter filter, QueueFilter.Sort sort) {

		public String source() {
			return filter.source() == null ? "" : filter.source().slug();
		}

		public String nationality() {
			return filter.nationality() == null ? "" : filter.nationality();
		}

		public String score() {
			return filter.score() == null ? "" : filter.score().slug();
		}

		public String age() {
			return filter.age() == null ? "" : filter.age().slug();
		}

		public String order() {
			return sort == null ? "" : sort.slug();
		}

		/** A queue's first page under the same filter and order. */
		public String queue(Queue queue) {
			return href(queue, 0);
		}

		/** A page of a queue under the same filter and order. */
		public String href(Queue queue, int page) {
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/pencocokan")
					.queryParam("queue", queue.name().toLowerCase(java.util.Locale.ROOT));
			add(uri, "source", source());
			add(uri, "nationality", nationality());
			add(uri, "score", score());
			add(uri, "age", age());
			add(uri, "sort", order());
			if (page > 0) {
				uri.queryParam("page", page);
			}
			return uri.encode().build().toUriString();
		}

		private static void add(UriComponentsBuilder uri, String name, String value) {
			if (!value.isEmpty()) {
				uri.queryParam(name, value);
			}
		}
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
			@RequestParam(name = "cases", required = false) List<String> picked,
			@RequestParam(required = false) String reason,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		String queuePage = back != null && back.matches("/pencocokan\\?[A-Za-z0-9=&%._~+-]*") ? back
				: "/pencocokan?queue=review";
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
			return "redirect:" + queuePage;
		}
		try {
			int decided = review.rejectCrossings(user, versions, reason);
			redirect.addFlashAttribute("notice", messages.message("matching.bulk.done", decided, versions.size() - decided));
		}
		catch (InvalidInput e) {
			redirect.addFlashAttribute("problems", List.copyOf(messages.of(e).values()));
		}
		return "redirect:" + queuePage;
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
