package id.pantau.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Between the password and the code, a user reaches the code page, the logout and the static files only. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SecondFactorFilter extends OncePerRequestFilter {

	static final String CODE_PATH = "/login/kode";

	private final ApiProblemResponses problems;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof SecondFactorPending
				&& !allowed(path(request))) {
			if (path(request).startsWith("/api/")) {
				problems.unauthorized(request, response, "api.secondFactorPending");
			}
			else if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", request.getContextPath() + CODE_PATH);
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			}
			else {
				response.sendRedirect(request.getContextPath() + CODE_PATH);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(String path) {
		return path.equals(CODE_PATH) || path.equals("/login") || path.equals("/logout") || path.equals("/error")
				|| path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/img/") || path.equals("/sw.js") || path.equals("/manifest.webmanifest")
				|| path.equals("/offline.html") || path.equals("/favicon.ico");
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
