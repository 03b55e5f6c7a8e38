package id.pantau.identity.security;

import java.io.IOException;

import id.pantau.identity.PantauUser;
import id.pantau.identity.domain.Logins;
import id.pantau.identity.domain.SecondFactors;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Audits logins and logouts, feeds the throttle, asks a user whose role needs a second factor for its code, and sends a
 * user who must change its password to do so first.
 */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

	private final Logins logins;
	private final SecondFactors secondFactors;
	private final SecurityContextRepository contexts;
	private final SavedRequestAwareAuthenticationSuccessHandler afterLogin = new SavedRequestAwareAuthenticationSuccessHandler();

	LoginHandlers(Logins logins, SecondFactors secondFactors, SecurityContextRepository contexts) {
		this.logins = logins;
		this.secondFactors = secondFactors;
		this.contexts = contexts;
		afterLogin.setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		PantauUser user = logins.checkPublishedPassword((PantauUser) authentication.getPrincipal(),
				request.getParameter("password"));
		if (user != authentication.getPrincipal()) {
			authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(authentication);
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
		}
		if (secondFactors.required(user.role())) {
			// the password alone is not a login: the session holds a user without any authority until the code
			logins.passwordAccepted(user);
			SecurityContext pending = SecurityContextHolder.createEmptyContext();
			pending.setAuthentication(new SecondFactorPending(user));
			SecurityContextHolder.setContext(pending);
			contexts.saveContext(pending, request, response);
			response.sendRedirect(request.getContextPath() + SecondFactorFilter.CODE_PATH);
			return;
		}
		logins.succeeded(user, request.getRemoteAddr());
		if (user.mustChangePassword()) {
			response.sendRedirect(request.getContextPath() + PasswordChangeRequiredFilter.CHANGE_PATH);
			return;
		}
		afterLogin.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		// A disabled account gets the same answer as a wrong password: the page must not tell which accounts exist.
		String reason = exception instanceof DisabledException ? "DISABLED" : "BAD_CREDENTIALS";
		logins.failed(request.getParameter("username"), request.getRemoteAddr(), reason);
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof PantauUser user) {
			logins.loggedOut(user);
		}
		response.sendRedirect(request.getContextPath() + "/login?logout");
	}
}
