package id.pantau.identity.web;

import java.util.List;
import java.util.Optional;

import id.pantau.identity.PantauUser;
import id.pantau.identity.domain.LoginThrottle;
import id.pantau.identity.domain.Logins;
import id.pantau.identity.domain.SecondFactors;
import id.pantau.identity.security.SecondFactorPending;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a login for roles that need a code: enrolment the first time (the secret shown once, as text and
 * as an otpauth URI), a code from the app every time after. Five wrong codes end the attempt; wrong codes also feed
 * the login throttle, so guessing codes is as slow as guessing passwords.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SecondFactorController {

	static final String PATH = "/login/kode";
	private static final String ENROLMENT = "pantau.totp.enrolment";
	private static final String MISSES = "pantau.totp.misses";
	private static final int MAX_MISSES = 5;

	private final SecondFactors factors;
	private final Logins logins;
	private final LoginThrottle throttle;
	private final SecurityContextRepository contexts;
	private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

	@GetMapping(PATH)
	String codeForm(HttpServletRequest request, Model model) {
		Optional<PantauUser> user = pending();
		if (user.isEmpty()) {
			return "redirect:/login";
		}
		return page(user.get(), request.getSession(), model);
	}

	@PostMapping(PATH)
	String checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PantauUser> pending = pending();
		if (pending.isEmpty()) {
			return "redirect:/login";
		}
		PantauUser user = pending.get();
		HttpSession session = request.getSession();
		var wait = throttle.waitFor(user.getUsername(), request.getRemoteAddr());
		if (wait.isPresent()) {
			logins.throttled(user.getUsername());
			model.addAttribute("waitSeconds", Math.max(1, (wait.get().toMillis() + 999) / 1000));
			return page(user, session, model);
		}
		SecondFactors.Enrolment enrolment = (SecondFactors.Enrolment) session.getAttribute(ENROLMENT);
		boolean accepted;
		List<String> recoveryCodes = null;
		if (enrolment != null) {
			Optional<List<String>> enrolled = factors.enrol(user, enrolment.secret(), code);
			accepted = enrolled.isPresent();
			recoveryCodes = enrolled.orElse(null);
		}
		else {
			accepted = factors.verify(user, code);
		}
		if (!accepted) {
			logins.codeRefused(user, request.getRemoteAddr());
			int misses = 1 + (session.getAttribute(MISSES) instanceof Integer n ? n : 0);
			if (misses >= MAX_MISSES) {
				session.invalidate();
				SecurityContextHolder.clearContext();
				return "redirect:/login?error";
			}
			session.setAttribute(MISSES, misses);
			model.addAttribute("codeWrong", true);
			return page(user, session, model);
		}
		session.removeAttribute(ENROLMENT);
		session.removeAttribute(MISSES);
		String next = loggedIn(user, request, response);
		if (recoveryCodes != null) {
			model.addAttribute("recoveryCodes", recoveryCodes);
			model.addAttribute("next", next);
			return "identity/recovery-codes";
		}
		return "redirect:" + next;
	}

	private String page(PantauUser user, HttpSession session, Model model) {
		boolean enrolled = factors.enrolled(user.id());
		if (!enrolled) {
			SecondFactors.Enrolment enrolment = (SecondFactors.Enrolment) session.getAttribute(ENROLMENT);
			if (enrolment == null) {
				enrolment = factors.newEnrolment(user.getUsername());
				session.setAttribute(ENROLMENT, enrolment);
			}
			model.addAttribute("enrolment", enrolment);
		}
		else {
			session.removeAttribute(ENROLMENT);
		}
		model.addAttribute("pendingUser", user.getUsername());
		model.addAttribute("secondsLeft", factors.secondsLeftInStep());
		return "identity/second-factor";
	}

	/** The login is complete: a new session id, the user with its authorities, and where it wanted to go. */
	private String loggedIn(PantauUser user, HttpServletRequest request, HttpServletResponse response) {
		logins.succeeded(user, request.getRemoteAddr());
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		if (user.mustChangePassword()) {
			return "/akun/sandi";
		}
		SavedRequest saved = savedRequests.getRequest(request, response);
		savedRequests.removeRequest(request, response);
		if (saved != null) {
			String url = saved.getRedirectUrl();
			String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
					+ request.getContextPath();
			if (url.startsWith(base + "/")) {
				return url.substring(base.length());
			}
		}
		return "/";
	}

	private static Optional<PantauUser> pending() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof SecondFactorPending p ? Optional.of(p.getPrincipal()) : Optional.empty();
	}
}
