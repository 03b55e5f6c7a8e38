package id.pantau.detection.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.detection.DetectionRules;
import id.pantau.detection.InvalidRuleSetting;
import id.pantau.detection.RuleRun;
import id.pantau.identity.PantauUser;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
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

import jakarta.servlet.http.HttpServletResponse;

/**
 * The administrator's page of the detection rules: switch each on or off, change its thresholds, see when it last ran
 * and what it found (figures only), and run all now.
 */
@Controller
@RequestMapping("/admin/aturan")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RuleAdminController {

	private final DetectionRules rules;

	@GetMapping
	String list(Model model) {
		model.addAttribute("rules", rules.rules());
		return "detection/rules";
	}

	@PostMapping("/{code}")
	String update(@AuthenticationPrincipal PantauUser admin, @PathVariable String code,
			@RequestParam(defaultValue = "false") boolean enabled, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, String> parameters = new HashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("p.")) {
				parameters.put(name.substring(2), value);
			}
		});
		try {
			rules.update(code, enabled, parameters, admin.getUsername());
		}
		catch (InvalidRuleSetting e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("rules", rules.rules());
			model.addAttribute("errorKey", e.messageKey());
			model.addAttribute("errorArgs", e.arguments());
			model.addAttribute("errorRule", code);
			return "detection/rules";
		}
		redirect.addFlashAttribute("notice", "detection.notice.saved");
		return "redirect:/admin/aturan#rule-" + code;
	}

	@PostMapping("/jalankan")
	String runAll(RedirectAttributes redirect) {
		List<RuleRun> runs = rules.runAll("MANUAL");
		int opened = runs.stream().mapToInt(r -> r.opened() == null ? 0 : r.opened()).sum();
		int resolved = runs.stream().mapToInt(r -> r.resolved() == null ? 0 : r.resolved()).sum();
		long failed = runs.stream().filter(r -> r.error() != null).count();
		redirect.addFlashAttribute("ranOpened", opened);
		redirect.addFlashAttribute("ranResolved", resolved);
		redirect.addFlashAttribute("ranFailed", failed);
		return "redirect:/admin/aturan";
	}
}
