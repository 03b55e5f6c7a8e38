package id.pantau.dashboard.web;

import id.pantau.identity.PantauUser;
import id.pantau.platform.NotFoundException;
import id.pantau.reference.Region;
import id.pantau.reference.ReferenceData;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The regions within the user's scope: the list, and the profile of one region. A region outside the scope is
 * answered as if it did not exist.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegionController {

	private final ReferenceData reference;

	@GetMapping("/wilayah")
	String list(@AuthenticationPrincipal PantauUser user, Model model) {
		model.addAttribute("area", HomeController.Area.of(reference, user.scope()));
		return "dashboard/regions";
	}

	@GetMapping("/wilayah/{code}")
	String show(@AuthenticationPrincipal PantauUser user, @PathVariable String code, Model model) {
		user.scope().requireCovers(code, "region " + code);
		Region region = reference.region(code).orElseThrow(() -> new NotFoundException("region " + code));
		model.addAttribute("region", region);
		model.addAttribute("lineage", reference.lineage(code));
		model.addAttribute("children", reference.children(code));
		model.addAttribute("island", region.islandCode() == null ? null
				: reference.islands().stream().filter(i -> i.code().equals(region.islandCode())).findFirst()
						.orElse(null));
		return "dashboard/region";
	}
}
