package id.pantau.identity.web;

import id.pantau.identity.PantauUser;
import id.pantau.identity.domain.AccountException;
import id.pantau.identity.domain.Logins;
import id.pantau.identity.domain.PasswordPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own account: who it is, what it may see, and its password. */
@Controller
@RequestMapping("/akun")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccountController {

	private final Logins logins;
	private final SecurityContextRepository contexts;

	record PasswordChangeForm(String current, String password, String confirmation) {
	}

	@GetMapping("/sandi")
	String passwordForm(Model model) {
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "identity/password";
	}

	@PostMapping("/sandi")
	String changePassword(@AuthenticationPrincipal PantauUser user, PasswordChangeForm form, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		if (form.password() == null || !form.password().equals(form.confirmation())) {
			model.addAttribute("errorKey", "password.confirmationDiffers");
			return "identity/password";
		}
		try {
			logins.changePassword(user, form.current(), form.password(), request.getSession().getId(),
					request.getRemoteAddr());
		}
		catch (AccountException e) {
			model.addAttribute("errorKey", e.messageKey());
			model.addAttribute("errorArgs", e.arguments());
			return "identity/password";
		}
		request.changeSessionId();
		PantauUser changed = user.withPasswordChanged();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		redirect.addFlashAttribute("notice", "password.notice.changed");
		return "redirect:/";
	}
}
