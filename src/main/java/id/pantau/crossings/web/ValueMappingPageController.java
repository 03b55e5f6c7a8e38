package id.pantau.crossings.web;

import java.util.ArrayList;
import java.util.List;

import id.pantau.crossings.domain.ValueMappings;
import id.pantau.identity.PantauUser;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ProblemMessages;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.ReferenceLabels;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Pemetaan nilai per asal data": for one origin of crossing data, the ports and permit types its files write that
 * are not known, with how many crossings carry each, and a choice of the known port or permit type for each. The page
 * shows values and counts, no person; mapping changes the origin's crossings, so it is for Immigration, which imports
 * them, and for the administrator, each with a regency-wide scope (checked by {@link ValueMappings}).
 */
@Controller
@RequestMapping("/perlintasan/pemetaan")
@PreAuthorize("hasAnyRole('ADMIN', 'IMIGRASI')")
class ValueMappingPageController {

	private final ValueMappings mappings;
	private final ReferenceData reference;
	private final ReferenceLabels labels;
	private final ProblemMessages messages;

	ValueMappingPageController(ValueMappings mappings, ReferenceData reference, ReferenceLabels labels,
			ProblemMessages messages) {
		this.mappings = mappings;
		this.reference = reference;
		this.labels = labels;
		this.messages = messages;
	}

	@GetMapping
	String page(@AuthenticationPrincipal PantauUser user, @RequestParam(required = false) String asal, Model model) {
		List<String> origins = mappings.origins(user);
		String origin = asal != null && origins.contains(asal.strip()) ? asal.strip()
				: asal == null && origins.size() == 1 ? origins.get(0) : null;
		model.addAttribute("origins", origins);
		model.addAttribute("origin", origin);
		if (asal != null && !asal.isBlank() && origin == null) {
			model.addAttribute("originProblem", messages.message("valueMapping.originUnknown", asal.strip()));
		}
		if (origin != null) {
			model.addAttribute("ports", mappings.values(user, origin, ValueMappings.Field.PORT));
			model.addAttribute("permits", mappings.values(user, origin, ValueMappings.Field.PERMIT_TYPE));
		}
		model.addAttribute("knownPorts", reference.portsOfEntry());
		model.addAttribute("knownPermits", reference.permitTypes());
		return "crossings/mappings";
	}

	@PostMapping
	String map(@AuthenticationPrincipal PantauUser user, @RequestParam(required = false) String asal,
			@RequestParam(required = false) String bidang, @RequestParam(required = false) String nilai,
			@RequestParam(required = false) String kode, RedirectAttributes redirect) {
		String back = "redirect:" + UriComponentsBuilder.fromPath("/perlintasan/pemetaan")
				.queryParam("asal", asal == null ? "" : asal.strip()).build().encode().toUriString();
		ValueMappings.Field field = bidang == null ? null : switch (bidang) {
			case "PORT" -> ValueMappings.Field.PORT;
			case "PERMIT_TYPE" -> ValueMappings.Field.PERMIT_TYPE;
			default -> null;
		};
		if (field == null) {
			redirect.addFlashAttribute("problems", List.of(messages.message("valueMapping.fieldUnknown")));
			return back;
		}
		try {
			ValueMappings.Applied applied = mappings.map(user, asal, field, nilai, kode);
			String target = field == ValueMappings.Field.PORT ? labels.port(kode) : labels.permitType(kode);
			List<String> notice = new ArrayList<>();
			notice.add(messages.message("valueMapping.saved." + field, nilai.strip(), target, applied.updated()));
			if (applied.leftAsDuplicates() > 0) {
				notice.add(messages.message("valueMapping.duplicatesLeft", applied.leftAsDuplicates(), target));
			}
			redirect.addFlashAttribute("notice", String.join(" ", notice));
		}
		catch (InvalidInput e) {
			redirect.addFlashAttribute("problems", List.copyOf(messages.of(e).values()));
		}
		return back;
	}
}
