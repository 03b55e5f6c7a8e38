package id.pantau.identity.web;

import id.pantau.identity.PantauUser;
import id.pantau.identity.domain.AccountException;
import id.pantau.identity.domain.ApiClientForm;
import id.pantau.identity.domain.ApiClientKind;
import id.pantau.identity.domain.ApiClients;
import jakarta.validation.Valid;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator's management of the systems that call the API: creating a client shows its token once, rotating
 * shows the new one once, disabling refuses the token from then on.
 */
@Controller
@RequestMapping("/admin/api")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApiClientAdminController {

	private final ApiClients clients;

	@ModelAttribute
	void choices(@AuthenticationPrincipal PantauUser admin, Model model) {
		model.addAttribute("kinds", ApiClientKind.values());
		model.addAttribute("roles", ApiClientKind.clientRoles());
		model.addAttribute("scopeChoices", clients.scopeChoices(admin));
		model.addAttribute("adminScopeWhole", admin.scope().isWholeDeployment());
	}

	@GetMapping
	String list(@AuthenticationPrincipal PantauUser admin, Model model) {
		model.addAttribute("clients", clients.list(admin));
		return "identity/api-clients";
	}

	@GetMapping("/baru")
	String createForm(Model model) {
		model.addAttribute("form", new ApiClientForm("", ApiClientKind.PARTNER, null, ""));
		return "identity/api-client";
	}

	@PostMapping("/baru")
	String create(@AuthenticationPrincipal PantauUser admin, @Valid @ModelAttribute("form") ApiClientForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return "identity/api-client";
		}
		try {
			ApiClients.Issued issued = clients.create(admin, form);
			redirect.addFlashAttribute("token", issued.token());
			redirect.addFlashAttribute("notice", "apiClient.notice.created");
			return "redirect:/admin/api/" + issued.client().id();
		}
		catch (AccountException e) {
			model.addAttribute("errorKey", e.messageKey());
			model.addAttribute("errorArgs", e.arguments());
			return "identity/api-client";
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal PantauUser admin, @PathVariable long id, Model model) {
		model.addAttribute("client", clients.manageable(admin, id));
		return "identity/api-client";
	}

	@PostMapping("/{id}/nonaktifkan")
	String disable(@AuthenticationPrincipal PantauUser admin, @PathVariable long id, RedirectAttributes redirect) {
		clients.disable(admin, id);
		redirect.addFlashAttribute("notice", "apiClient.notice.disabled");
		return "redirect:/admin/api/" + id;
	}

	@PostMapping("/{id}/token-baru")
	String rotate(@AuthenticationPrincipal PantauUser admin, @PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("token", clients.rotate(admin, id).token());
		redirect.addFlashAttribute("notice", "apiClient.notice.rotated");
		return "redirect:/admin/api/" + id;
	}
}
