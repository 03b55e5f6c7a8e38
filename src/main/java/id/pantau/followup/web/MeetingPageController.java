package id.pantau.followup.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import id.pantau.followup.domain.Alert;
import id.pantau.followup.domain.AlertTexts;

import id.pantau.followup.domain.FollowUpPolicy;
import id.pantau.followup.pdf.MeetingDocuments;
import id.pantau.followup.domain.Meeting.Detail;
import id.pantau.followup.domain.TimporaMeetings;
import id.pantau.followup.domain.TimporaMeetings.AgendaCandidates;
import id.pantau.identity.Agency;
import id.pantau.identity.PantauUser;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ProblemMessages;
import id.pantau.reference.ReferenceData;
import id.pantau.registry.Registry;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** TIMPORA meetings: the list, planning one, its agenda, attendance, views and decisions, and its PDFs. */
@Controller
@RequestMapping("/timpora")
@PreAuthorize("hasAnyRole('KESBANGPOL', 'IMIGRASI', 'TIMPORA')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MeetingPageController {

	private final TimporaMeetings meetings;
	private final MeetingDocuments documents;
	private final ProblemMessages problems;
	private final Registry registry;
	private final ReferenceData reference;
	private final AlertTexts texts;

	@GetMapping
	String list(@AuthenticationPrincipal PantauUser user, Model model) {
		model.addAttribute("meetings", meetings.list(user));
		return "followup/meetings";
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('KESBANGPOL', 'IMIGRASI')")
	String create(@AuthenticationPrincipal PantauUser user, @RequestParam(required = false) String heldAt,
			@RequestParam(required = false) String place, @RequestParam(required = false) String chair, Model model,
			RedirectAttributes redirect) {
		try {
			long id = meetings.create(user, heldAt, place, chair).id();
			redirect.addFlashAttribute("notice", "followup.meeting.notice.created");
			return "redirect:/timpora/" + id;
		}
		catch (InvalidInput invalid) {
			model.addAttribute("meetings", meetings.list(user));
			model.addAttribute("formErrors", problems.of(invalid));
			model.addAttribute("heldAt", heldAt);
			model.addAttribute("place", place);
			model.addAttribute("chair", chair);
			return "followup/meetings";
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal PantauUser user, @PathVariable long id, Model model) {
		Detail detail = meetings.detail(user, id);
		model.addAttribute("detail", detail);
		model.addAttribute("agencies", Agency.values());
		if (FollowUpPolicy.mayManageMeetings(user.role()) && detail.meeting().isPlanned()) {
			model.addAttribute("picker", picker(meetings.agendaCandidates(user, id), detail));
		}
		model.addAttribute("ownAgency", user.agency());
		return "followup/meeting";
	}

	@PostMapping("/{id}/agenda")
	String addToAgenda(@AuthenticationPrincipal PantauUser user, @PathVariable long id,
			@RequestParam(name = "alertId", required = false) List<Long> alertIds, RedirectAttributes redirect) {
		return step(id, redirect, "followup.meeting.notice.agenda", () -> meetings.addToAgenda(user, id, alertIds));
	}

	@PostMapping("/{id}/hadir")
	String attend(@AuthenticationPrincipal PantauUser user, @PathVariable long id,
			@RequestParam(required = false) String agency, @RequestParam(required = false) String attendee,
			RedirectAttributes redirect) {
		return step(id, redirect, "followup.meeting.notice.attendance",
				() -> meetings.attend(user, id, agency, attendee));
	}

	@PostMapping("/{id}/butir/{alertId}/pandangan")
	String view(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @PathVariable long alertId,
			@RequestParam(required = false) String agency, @RequestParam(required = false) String view,
			RedirectAttributes redirect) {
		return step(id, redirect, "followup.meeting.notice.view",
				() -> meetings.recordView(user, id, alertId, agency, view));
	}

	@PostMapping("/{id}/butir/{alertId}/keputusan")
	String decide(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @PathVariable long alertId,
			@RequestParam(required = false) String decision, RedirectAttributes redirect) {
		return step(id, redirect, "followup.meeting.notice.decision",
				() -> meetings.decide(user, id, alertId, decision));
	}

	@PostMapping("/{id}/selesai")
	String markHeld(@AuthenticationPrincipal PantauUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String notes, RedirectAttributes redirect) {
		return step(id, redirect, "followup.meeting.notice.held", () -> meetings.markHeld(user, id, version, notes));
	}

	@GetMapping("/{id}/agenda.pdf")
	ResponseEntity<byte[]> agenda(@AuthenticationPrincipal PantauUser user, @PathVariable long id) {
		return pdf(documents.agenda(meetings.forPrint(user, id, "AGENDA")), "agenda-timpora-" + id + ".pdf");
	}

	@GetMapping("/{id}/notulen.pdf")
	ResponseEntity<byte[]> minutes(@AuthenticationPrincipal PantauUser user, @PathVariable long id) {
		return pdf(documents.minutes(meetings.forPrint(user, id, "MINUTES")), "notulen-timpora-" + id + ".pdf");
	}

	/** The alerts that may go on the agenda, named: persons, nationalities and villages by name. */
	private AgendaPicker picker(AgendaCandidates candidates, Detail detail) {
		Set<Long> onAgenda = detail.items().stream().map(item -> item.alert().personId()).filter(Objects::nonNull)
				.collect(Collectors.toSet());
		Map<Long, Registry.PersonRef> persons = registry.refs(candidates.alerts().stream().map(Alert::personId)
				.filter(Objects::nonNull).collect(Collectors.toSet()));
		Map<String, String> places = new HashMap<>();
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		Map<String, String> countries = reference.countries().stream()
				.collect(Collectors.toMap(c -> c.alpha3(), c -> english ? c.nameEn() : c.nameId(), (a, b) -> a));
		return AgendaPicker.of(candidates.alerts(), candidates.total(), candidates.now(), onAgenda,
				new AgendaPicker.Names(persons,
						code -> places.computeIfAbsent(code,
								c -> reference.region(c).map(r -> r.name()).orElse(c)),
						countries, texts::name, texts::summary));
	}

	private static ResponseEntity<byte[]> pdf(byte[] content, String name) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
				.body(content);
	}

	private String step(long id, RedirectAttributes redirect, String notice, Runnable change) {
		Steps.take(redirect, problems, notice, "followup.meeting.alreadyHeld", change);
		return "redirect:/timpora/" + id;
	}
}
