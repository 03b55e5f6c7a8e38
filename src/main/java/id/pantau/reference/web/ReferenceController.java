package id.pantau.reference.web;

import id.pantau.reference.ReferenceData;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The reference data as loaded: regencies served, islands, countries, ports of entry, permit types. */
@Controller
@RequestMapping("/admin/referensi")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReferenceController {

	private final ReferenceData reference;

	@GetMapping
	String show(Model model) {
		model.addAttribute("regencies", reference.deployedRegencies());
		model.addAttribute("islands", reference.islands());
		model.addAttribute("countries", reference.countries());
		model.addAttribute("ports", reference.portsOfEntry());
		model.addAttribute("permitTypes", reference.permitTypes());
		return "reference/reference";
	}
}
