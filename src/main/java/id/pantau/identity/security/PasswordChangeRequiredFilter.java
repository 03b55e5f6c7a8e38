package id.pantau.identity.security;

import java.io.IOException;

import id.pantau.identity.PantauUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** A user with a temporary password reaches nothing but the password change until it has chosen its own. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String CHANGE_PATH = "/akun/sandi";

	private final ApiProblemResponses problems;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof PantauUser user
				&& user.mustChangePassword() && !allowed(path(request))) {
			if (path(request).startsWith("/api/")) {
				problems.unauthorized(request, response, "api.passwordChangeRequired");
			}
			else if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", request.getContextPath() + CHANGE_PATH);
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			}
			else {
				response.sendRedirect(request.getContextPath() + CHANGE_PATH);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(String path) {
		return path.equals(CHANGE_PATH) || path.equals("/logout") || path.equals("/error") || path.startsWith("/webjars/")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/");
	}

	/** The path within the application; the servlet path is empty under some containers and in MockMvc. */
	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
