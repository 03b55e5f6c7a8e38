package id.pantau.dashboard.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import id.pantau.dashboard.domain.DashboardQueries;
import id.pantau.dashboard.domain.DashboardQueries.Count;
import id.pantau.dashboard.domain.RegencyFigures;
import id.pantau.dashboard.domain.VillageTasks;
import id.pantau.identity.Notifications;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.ReplicaReads;
import id.pantau.platform.Scope;
import id.pantau.reference.Region;
import id.pantau.reference.RegionLevel;
import id.pantau.reference.ReferenceData;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page: the user's own area, what its role does there, and the dashboard of its figures within its scope
 * (not for an administrator, who has no business with foreigners' data). Every figure links to the list behind it.
 * <p>
 * A village official, often on a cheap phone over a slow link, gets its own page: what to do first (a new report,
 * reports returned for fixing, the monthly report owed, drafts, notifications), then its village's few figures as
 * plain bars drawn by the server, with no chart library to download.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class HomeController {

	/** The roles that read crossings; they see arrivals and departures when their scope is regency-wide. */
	static final Set<Role> CROSSING_READERS = Set.of(Role.IMIGRASI, Role.KESBANGPOL, Role.TIMPORA);

	/** Notifications shown on a village official's home; the page links to all of them. */
	static final int NOTIFICATIONS_SHOWN = 3;

	/** Nationalities drawn as bars on a village official's home; the rest are summed up in one line. */
	static final int NATIONALITIES_SHOWN = 6;

	private final ReferenceData reference;
	private final DashboardQueries dashboard;
	private final VillageTasks villageTasks;
	private final Notifications notifications;
	private final ReplicaReads replicas;
	private final RegencyFigures regencies;

	/**
	 * @param region a region within the user's scope whose figures to show instead of the whole scope's (the
	 * province-wide view links each regency so); outside the scope: 404
	 */
	@GetMapping("/")
	String home(@AuthenticationPrincipal PantauUser user, @RequestParam(required = false) String region,
			Model model) {
		model.addAttribute("user", user);
		Scope scope = user.scope();
		if (region != null && !region.isBlank() && user.role() != Role.ADMIN) {
			if (!Scope.isRegionCode(region.strip()) || !user.scope().covers(Scope.of(region))) {
				throw new NotFoundException("region " + region);
			}
			scope = reference.scope(region);
			model.addAttribute("within", reference.region(scope.regionCode())
					.orElseThrow(() -> new NotFoundException("region " + region)));
		}
		Area area = Area.of(reference, user.scope()); // the user's own area, whichever region's figures are shown
		model.addAttribute("area", area);
		if (user.role() == Role.OHOI && area.region() != null && area.region().level() == RegionLevel.VILLAGE) {
			return village(user, area, model);
		}
		if (user.role() == Role.IMIGRASI) {
			model.addAttribute("ports", reference.portsOfEntry());
		}
		if (user.role() != Role.ADMIN) {
			boolean crossings = CROSSING_READERS.contains(user.role()) && scope.coversUnplaced();
			model.addAttribute("figures", dashboard.figures(scope, crossings));
			model.addAttribute("regencies", regencies.of(scope));
			model.addAttribute("showCrossings", crossings);
			model.addAttribute("replicaLag", replicas.lag().orElse(null));
		}
		return "dashboard/home";
	}

	private String village(PantauUser user, Area area, Model model) {
		DashboardQueries.Figures figures = dashboard.figures(user.scope(), false);
		model.addAttribute("figures", figures);
		model.addAttribute("replicaLag", replicas.lag().orElse(null));
		model.addAttribute("tasks", villageTasks.of(area.region().code()));
		model.addAttribute("notifications", notifications.recent(user.getUsername(), NOTIFICATIONS_SHOWN));
		List<Count> nationalities = figures.byNationality();
		model.addAttribute("nationalityBars", Bar.of(nationalities.stream().limit(NATIONALITIES_SHOWN).toList()));
		model.addAttribute("otherNationalities",
				nationalities.stream().skip(NATIONALITIES_SHOWN).mapToLong(Count::count).sum());
		model.addAttribute("categoryBars", Bar.of(figures.byCategory()));
		return "dashboard/village";
	}

	/**
	 * A figure drawn as a bar: its length in percent of the largest figure of its list, at least 2 so that a small
	 * count still shows. The page draws it as an SVG rectangle's width (no style attribute: the CSP forbids them).
	 */
	record Bar(Count count, int percent) {

		static List<Bar> of(List<Count> counts) {
			long max = counts.stream().mapToLong(Count::count).max().orElse(0);
			return counts.stream()
					.map(c -> new Bar(c, max == 0 ? 0 : (int) Math.max(2, Math.round(100.0 * c.count() / max))))
					.toList();
		}
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
