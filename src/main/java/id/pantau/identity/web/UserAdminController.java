package id.pantau.identity.web;

import java.util.List;

import id.pantau.identity.Agency;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.identity.domain.AccountException;
import id.pantau.identity.domain.SecondFactors;
import id.pantau.identity.domain.UserAccount;
import id.pantau.identity.domain.UserAdministration;
import id.pantau.identity.domain.UserForm;
import id.pantau.identity.domain.UserQueries;
import id.pantau.reference.Region;
import id.pantau.reference.RegionLevel;
import id.pantau.reference.ReferenceData;
import jakarta.validation.Valid;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.OptimisticLockingFailureException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator's management of the accounts within its scope. */
@Controller
@RequestMapping("/admin/pengguna")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UserAdminController {

	private final UserAdministration administration;
	private final SecondFactors factors;
	private final UserQueries queries;
	private final ReferenceData reference;

	@ModelAttribute
	void choices(@AuthenticationPrincipal PantauUser admin, Model model) {
		model.addAttribute("roles", Role.values());
		model.addAttribute("agencies", Agency.values());
		model.addAttribute("scopeChoices", scopeChoices(admin));
		model.addAttribute("adminScopeWhole", admin.scope().isWholeDeployment());
	}

	@GetMapping
	String list(@AuthenticationPrincipal PantauUser admin, @RequestParam(required = false) String q,
			@RequestParam(required = false) Role role, @RequestParam(required = false) Boolean active,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", queries.list(admin.scope(), q, role, active, page));
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("active", active);
		return "identity/users";
	}

	@GetMapping("/baru")
	String createForm(Model model) {
		model.addAttribute("form", new UserForm("", "", "", Role.OHOI, Agency.PEMERINTAH_OHOI, ""));
		return "identity/user-form";
	}

	@PostMapping("/baru")
	String create(@AuthenticationPrincipal PantauUser admin, @Valid @ModelAttribute("form") UserForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return "identity/user-form";
		}
		try {
			UserAdministration.Created created = administration.create(admin, form);
			redirect.addFlashAttribute("temporaryPassword", created.temporaryPassword());
			redirect.addFlashAttribute("notice", "user.notice.created");
			return "redirect:/admin/pengguna/" + created.account().getId();
		}
		catch (AccountException e) {
			model.addAttribute("errorKey", e.messageKey());
			model.addAttribute("errorArgs", e.arguments());
			return "identity/user-form";
		}
	}

	@GetMapping("/{id}")
	String edit(@AuthenticationPrincipal PantauUser admin, @PathVariable long id, Model model) {
		UserAccount account = administration.manageable(admin, id);
		model.addAttribute("account", account);
		model.addAttribute("totpEnrolled", factors.enrolled(id));
		model.addAttribute("form", new UserForm(account.getUsername(), account.getFullName(), account.getEmail(),
				account.getRole(), account.getAgency(), account.getScopeCode()));
		return "identity/user-form";
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal PantauUser admin, @PathVariable long id,
			@Valid @ModelAttribute("form") UserForm form, BindingResult errors, @RequestParam int version, Model model,
			RedirectAttributes redirect) {
		UserAccount account = administration.manageable(admin, id);
		model.addAttribute("account", account);
		if (errors.hasErrors()) {
			return "identity/user-form";
		}
		try {
			administration.update(admin, id, form, version);
			redirect.addFlashAttribute("notice", "user.notice.updated");
			return "redirect:/admin/pengguna/" + id;
		}
		catch (AccountException e) {
			model.addAttribute("errorKey", e.messageKey());
			model.addAttribute("errorArgs", e.arguments());
			return "identity/user-form";
		}
		catch (OptimisticLockingFailureException e) {
			model.addAttribute("errorKey", "user.changedMeanwhile");
			return "identity/user-form";
		}
	}

	@PostMapping("/{id}/nonaktifkan")
	String disable(@AuthenticationPrincipal PantauUser admin, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "user.notice.disabled", () -> administration.disable(admin, id));
	}

	@PostMapping("/{id}/aktifkan")
	String enable(@AuthenticationPrincipal PantauUser admin, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "user.notice.enabled", () -> administration.enable(admin, id));
	}

	@PostMapping("/{id}/reset-sandi")
	String resetPassword(@AuthenticationPrincipal PantauUser admin, @PathVariable long id,
			RedirectAttributes redirect) {
		return act(id, redirect, "user.notice.passwordReset",
				() -> redirect.addFlashAttribute("temporaryPassword", administration.resetPassword(admin, id)));
	}

	/** A lost phone: the user enrols a new second factor at its next login. */
	@PostMapping("/{id}/reset-totp")
	String resetSecondFactor(@AuthenticationPrincipal PantauUser admin, @PathVariable long id,
			RedirectAttributes redirect) {
		return act(id, redirect, "user.notice.totpReset", () -> factors.reset(admin, id));
	}

	private static String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (AccountException e) {
			redirect.addFlashAttribute("errorKey", e.messageKey());
		}
		return "redirect:/admin/pengguna/" + id;
	}

	/** The regions an administrator may give as a scope: its own and everything below it, from the top down. */
	private List<Region> scopeChoices(PantauUser admin) {
		return java.util.Arrays.stream(RegionLevel.values())
				.flatMap(level -> reference.regionsWithin(admin.scope(), level).stream())
				.sorted(java.util.Comparator.comparing(Region::code))
				.toList();
	}
}
