package id.pantau.crossings.web;

import java.util.ArrayList;
import java.util.List;

import id.pantau.crossings.domain.ValueMappings;
import id.pantau.identity.PantauUser;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ProblemMessages;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.ReferenceLabels;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ValueMappingPageController {

	private final ValueMappings mappings;
	private final ReferenceData reference;
	private final ReferenceLabels labels;
	private final ProblemMessages messages;

	@GetMapping
	String page(@AuthenticationPrincipal PantauUser user, @RequestParam(name = "origin", required = false) String asked, Model model) {
		List<String> origins = mappings.origins(user);
		String chosen = asked != null && origins.contains(asked.strip()) ? asked.strip()
				: asked == null && origins.size() == 1 ? origins.get(0) : null;
		model.addAttribute("origins", origins);
		model.addAttribute("origin", chosen);
		if (asked != null && !asked.isBlank() && chosen == null) {
			model.addAttribute("originProblem", messages.message("valueMapping.originUnknown", asked.strip()));
		}
		if (chosen != null) {
			model.addAttribute("ports", mappings.values(user, chosen, ValueMappings.Field.PORT));
			model.addAttribute("permits", mappings.values(user, chosen, ValueMappings.Field.PERMIT_TYPE));
		}
		model.addAttribute("knownPorts", reference.portsOfEntry());
		model.addAttribute("knownPermits", reference.permitTypes());
		return "crossings/mappings";
	}

	@PostMapping
	String map(@AuthenticationPrincipal PantauUser user, @RequestParam(required = false) String origin,
			@RequestParam(required = false) String field, @RequestParam(required = false) String value,
			@RequestParam(required = false) String code, RedirectAttributes redirect) {
		String back = "redirect:" + UriComponentsBuilder.fromPath("/perlintasan/pemetaan")
				.queryParam("origin", origin == null ? "" : origin.strip()).build().encode().toUriString();
		ValueMappings.Field chosen = field == null ? null : switch (field) {
			case "PORT" -> ValueMappings.Field.PORT;
			case "PERMIT_TYPE" -> ValueMappings.Field.PERMIT_TYPE;
			default -> null;
		};
		if (chosen == null) {
			redirect.addFlashAttribute("problems", List.of(messages.message("valueMapping.fieldUnknown")));
			return back;
		}
		try {
			ValueMappings.Applied applied = mappings.map(user, origin, chosen, value, code);
			String target = chosen == ValueMappings.Field.PORT ? labels.port(code) : labels.permitType(code);
			List<String> notice = new ArrayList<>();
			notice.add(messages.message("valueMapping.saved." + chosen, value.strip(), target, applied.updated()));
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
