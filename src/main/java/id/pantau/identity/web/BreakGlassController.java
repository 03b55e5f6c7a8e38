package id.pantau.identity.web;

import java.time.Clock;
import java.time.Instant;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.PantauUser;
import id.pantau.identity.domain.SecuritySettings;
import id.pantau.identity.security.BreakGlassGrant;
import jakarta.servlet.http.HttpSession;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An Imigrasi officer opens the registry outside its scope for a while, stating why ("cari di luar wilayah"); the
 * reason and every read under it are on the audit trail. Other roles never can.
 */
@Controller
@RequestMapping("/akses-luar-wilayah")
@PreAuthorize("hasRole('IMIGRASI')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class BreakGlassController {

	private final SecuritySettings settings;
	private final AuditTrail audit;
	private final Clock clock;

	@PostMapping
	String start(@AuthenticationPrincipal PantauUser user, @RequestParam(name = "reason", defaultValue = "") String written,
			HttpSession session, RedirectAttributes redirect) {
		String reason = written.strip().replaceAll("\\s+", " ");
		if (reason.length() < BreakGlassGrant.MIN_REASON || reason.length() > BreakGlassGrant.MAX_REASON) {
			redirect.addFlashAttribute("errorKey", "breakGlass.reasonRequired");
			redirect.addFlashAttribute("errorArgs", new Object[] { BreakGlassGrant.MIN_REASON });
			return "redirect:/orang-asing";
		}
		Instant until = clock.instant().plus(settings.breakGlassDuration());
		session.setAttribute(BreakGlassGrant.SESSION_ATTRIBUTE, new BreakGlassGrant(reason, until));
		audit.record(AuditEntry.of("BREAK_GLASS_STARTED").subject("USER", user.id()).text("reason", reason)
				.detail("until", until));
		redirect.addFlashAttribute("notice", "breakGlass.started");
		return "redirect:/orang-asing";
	}

	@PostMapping("/akhiri")
	String end(@AuthenticationPrincipal PantauUser user, HttpSession session, RedirectAttributes redirect) {
		if (session.getAttribute(BreakGlassGrant.SESSION_ATTRIBUTE) != null) {
			session.removeAttribute(BreakGlassGrant.SESSION_ATTRIBUTE);
			audit.record(AuditEntry.of("BREAK_GLASS_ENDED").subject("USER", user.id()));
			redirect.addFlashAttribute("notice", "breakGlass.ended");
		}
		return "redirect:/orang-asing";
	}

	/** For every page: the grant in force, if any, so the officer always sees that it reads outside its scope. */
	@ControllerAdvice
	static class Banner {

		private final Clock clock;

		Banner(Clock clock) {
			this.clock = clock;
		}

		/** Reads the session only if there is one: an API call with a token must stay without a session. */
		@ModelAttribute("breakGlass")
		BreakGlassGrant grant(Authentication authentication, jakarta.servlet.http.HttpServletRequest request) {
			HttpSession session = request.getSession(false);
			if (authentication == null || !(authentication.getPrincipal() instanceof PantauUser) || session == null) {
				return null;
			}
			return session.getAttribute(BreakGlassGrant.SESSION_ATTRIBUTE) instanceof BreakGlassGrant grant
					&& grant.activeAt(clock.instant()) ? grant : null;
		}
	}
}
