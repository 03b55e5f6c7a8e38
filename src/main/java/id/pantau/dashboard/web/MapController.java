package id.pantau.dashboard.web;

import java.math.BigDecimal;
import java.util.List;

import id.pantau.dashboard.domain.MapSettings;
import id.pantau.dashboard.domain.VillageMap;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ReplicaReads;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The map of the villages in the user's scope ({@code /peta}) and its data as JSON ({@code /peta/data}); an
 * administrator places a village ({@code POST /peta/titik/{code}}).
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MapController {

	/**
	 * Up to a regency's villages are all listed under the map; a province's (over a thousand) only where someone is or
	 * an alert is open. The administrator, who sets the points, always gets every village.
	 */
	static final int LISTED_IN_FULL = 100;

	private final VillageMap map;
	private final MapSettings settings;
	private final ReplicaReads replicas;

	@GetMapping("/peta")
	String page(@AuthenticationPrincipal PantauUser user, Model model) {
		List<VillageMap.Village> villages = map.villages(user.scope());
		boolean admin = user.role() == Role.ADMIN;
		List<VillageMap.Village> listed = admin || villages.size() <= LISTED_IN_FULL ? villages
				: villages.stream().filter(v -> v.present() > 0 || v.openAlerts() > 0).toList();
		model.addAttribute("villages", listed);
		model.addAttribute("quietVillages", villages.size() - listed.size());
		List<java.math.BigDecimal> bounds = map.bounds(user.scope());
		model.addAttribute("bounds", bounds == null ? "" : bounds.stream().map(java.math.BigDecimal::toPlainString)
				.collect(java.util.stream.Collectors.joining(",")));
		model.addAttribute("unplaced", villages.stream().filter(v -> v.lat() == null).toList());
		model.addAttribute("replicaLag", replicas.lag().orElse(null));
		model.addAttribute("tiles", settings);
		model.addAttribute("admin", admin);
		return "dashboard/map";
	}

	/** The villages of the scope with their points and figures, for the map's script. */
	@GetMapping(path = "/peta/data", produces = "application/json")
	@ResponseBody
	List<VillageMap.Village> data(@AuthenticationPrincipal PantauUser user) {
		return map.villages(user.scope());
	}

	@PostMapping("/peta/titik/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	String setPoint(@AuthenticationPrincipal PantauUser user, @PathVariable String code,
			@RequestParam(required = false) String lat, @RequestParam(required = false) String lon,
			RedirectAttributes redirect) {
		try {
			map.setPoint(user.getUsername(), code, number(lat), number(lon));
			redirect.addFlashAttribute("notice", "map.point.saved");
		}
		catch (InvalidInput | NumberFormatException invalid) {
			redirect.addFlashAttribute("errorKey", "map.point.invalid");
		}
		return "redirect:/peta";
	}

	private static BigDecimal number(String text) {
		return text == null || text.isBlank() ? null : new BigDecimal(text.strip().replace(',', '.'));
	}
}
