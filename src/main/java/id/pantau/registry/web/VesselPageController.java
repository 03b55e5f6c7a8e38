package id.pantau.registry.web;

import id.pantau.platform.InvalidInput;
import id.pantau.platform.ProblemMessages;
import id.pantau.reference.ReferenceData;
import id.pantau.registry.VesselStatus;
import id.pantau.registry.domain.VesselRegistry;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The vessels whose crew the registry follows: their list, registration and what became of them. */
@Controller
@RequestMapping("/kapal")
@PreAuthorize(PersonPageController.READERS)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class VesselPageController {

	private final VesselRegistry vessels;
	private final ReferenceData reference;
	private final ProblemMessages problems;

	record VesselForm(String name, String flagState, String registration, String imoNumber, String ownerAgent,
			VesselStatus status, String notes) {
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("vessels", vessels.all());
		model.addAttribute("statuses", VesselStatus.values());
		model.addAttribute("countries", reference.countries());
		return "registry/vessels";
	}

	@PostMapping
	@PreAuthorize(VesselRegistry.KEEPERS)
	String register(VesselForm form, RedirectAttributes redirect) {
		try {
			String flag = null;
			if (form.flagState() != null && !form.flagState().isBlank()) {
				var match = reference.resolveNationality(form.flagState());
				if (match.alpha3() == null) {
					throw InvalidInput.of("flagState", "nationality.unknown", form.flagState().strip());
				}
				flag = match.alpha3();
			}
			vessels.register(form.name(), flag, form.registration(), form.imoNumber(), form.ownerAgent(),
					form.status(), form.notes());
			redirect.addFlashAttribute("notice", "vessel.notice.registered");
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("entryErrors", problems.of(invalid));
		}
		return "redirect:/kapal";
	}

	@PostMapping("/{id}/status")
	@PreAuthorize(VesselRegistry.KEEPERS)
	String changeStatus(@PathVariable long id, @RequestParam VesselStatus status, RedirectAttributes redirect) {
		vessels.changeStatus(id, status);
		redirect.addFlashAttribute("notice", "person.notice.saved");
		return "redirect:/kapal";
	}
}
