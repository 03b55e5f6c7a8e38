package id.pantau.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A step a signed-in user must take before anything else (the second factor, a new password): while it is owed, the
 * user reaches the step's page, the login and logout, the error page and the static files only. The API answers 401
 * with a problem naming the step, htmx is sent to the step's page, a page is redirected there.
 */
abstract class HoldingGate extends OncePerRequestFilter {

	private final String stepPath;
	private final String apiMessage;
	private final ApiProblemResponses problems;

	HoldingGate(String stepPath, String apiMessage, ApiProblemResponses problems) {
		this.stepPath = stepPath;
		this.apiMessage = apiMessage;
		this.problems = problems;
	}

	/** Whether the user behind this authentication still owes the step. */
	abstract boolean owes(Authentication authentication);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = path(request);
		if (!owes(SecurityContextHolder.getContext().getAuthentication()) || allowed(path)) {
			chain.doFilter(request, response);
			return;
		}
		if (path.startsWith("/api/")) {
			problems.unauthorized(request, response, apiMessage);
		}
		else if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Redirect", request.getContextPath() + stepPath);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}
		else {
			response.sendRedirect(request.getContextPath() + stepPath);
		}
	}

	private boolean allowed(String path) {
		return path.equals(stepPath) || path.equals("/login") || path.equals("/logout") || path.equals("/error")
				|| path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/img/") || path.equals("/sw.js") || path.equals("/manifest.webmanifest")
				|| path.equals("/offline.html") || path.equals("/favicon.ico");
	}

	/** The path within the application; the servlet path is empty under some containers and in MockMvc. */
	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
