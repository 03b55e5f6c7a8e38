package id.pantau.dashboard.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import id.pantau.dashboard.domain.DashboardQueries;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.reference.Region;
import id.pantau.reference.RegionLevel;
import id.pantau.reference.ReferenceData;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the user's own area, what its role does there, and the dashboard of its figures within its scope
 * (not for an administrator, who has no business with foreigners' data). Every figure links to the list behind it.
 */
@Controller
class HomeController {

	/** The roles that read crossings; they see arrivals and departures when their scope is regency-wide. */
	static final Set<Role> CROSSING_READERS = Set.of(Role.IMIGRASI, Role.KESBANGPOL, Role.TIMPORA);

	private final ReferenceData reference;
	private final DashboardQueries dashboard;

	HomeController(ReferenceData reference, DashboardQueries dashboard) {
		this.reference = reference;
		this.dashboard = dashboard;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal PantauUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("area", Area.of(reference, user.scope()));
		if (user.role() == Role.IMIGRASI) {
			model.addAttribute("ports", reference.portsOfEntry());
		}
		if (user.role() != Role.ADMIN) {
			boolean crossings = CROSSING_READERS.contains(user.role()) && user.scope().coversUnplaced();
			model.addAttribute("figures", dashboard.figures(user.scope(), crossings));
			model.addAttribute("showCrossings", crossings);
		}
		return "dashboard/home";
	}

	/** The regions a scope covers, counted per level, with its kecamatan and their villages. */
	record Area(Region region, List<Region> lineage, Map<RegionLevel, Long> counts, List<Region> districts,
			Map<String, List<Region>> villagesByDistrict) {

		static Area of(ReferenceData reference, id.pantau.platform.Scope scope) {
			Region region = scope.isWholeDeployment() ? null : reference.region(scope.regionCode()).orElse(null);
			List<Region> lineage = region == null ? List.of() : reference.lineage(region.code());
			List<Region> districts = reference.regionsWithin(scope, RegionLevel.DISTRICT);
			List<Region> villages = reference.regionsWithin(scope, RegionLevel.VILLAGE);
			Map<RegionLevel, Long> counts = Map.of(RegionLevel.DISTRICT, (long) districts.size(), RegionLevel.VILLAGE,
					(long) villages.size());
			Map<String, List<Region>> byDistrict = villages.stream()
					.collect(Collectors.groupingBy(Region::parentCode));
			return new Area(region, lineage, counts, districts, byDistrict);
		}

		public long kelurahan() {
			return villagesByDistrict.values().stream().flatMap(List::stream)
					.filter(v -> "KELURAHAN".equals(v.villageType())).count();
		}
	}
}
