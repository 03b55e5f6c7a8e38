package id.pantau.identity.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import id.pantau.identity.domain.LoginThrottle;
import id.pantau.identity.domain.Logins;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.filter.OncePerRequestFilter;

/** Turns away a login attempt that must wait, before its password is checked, and tells the user how long. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;
	private final Logins logins;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(path(request)));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = request.getParameter("username");
		Optional<Duration> wait = throttle.waitFor(username, request.getRemoteAddr());
		if (wait.isPresent()) {
			logins.throttled(username);
			long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
			response.setHeader("Retry-After", Long.toString(seconds));
			response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds);
			return;
		}
		chain.doFilter(request, response);
	}

	/** The path within the application; the servlet path is empty under some containers and in MockMvc. */
	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
