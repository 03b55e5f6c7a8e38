package id.pantau.identity.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in session ends after {@code idle} without a request and, used or not, {@code absolute} after it began: a
 * session taken over, or a browser left signed in on an office computer, does not last for ever. The session is kept
 * in PostgreSQL and written only when an attribute changes or once a {@link #LAST_SEEN_STEP}
 * ({@link SessionsWrittenSparingly}), so the last request is written down at most once a step, not at every request;
 * the idle check allows for that step, and the store keeps a session a step longer than {@code idle}, so that this
 * filter, not the store, ends it.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	static final String STARTED = "pantau.session.started";
	static final String LAST_SEEN = "pantau.session.lastSeen";
	static final Duration LAST_SEEN_STEP = Duration.ofMinutes(1);

	private final Duration idle;
	private final Duration absolute;
	private final Clock clock;
	private final ApiProblemResponses problems;

	SessionLifetimeFilter(Duration idle, Duration absolute, Clock clock) {
		this(idle, absolute, clock, null);
	}

	/** With {@code problems}, an API call of an ended session is told so as a problem detail (else a bare 401). */
	SessionLifetimeFilter(Duration idle, Duration absolute, Clock clock, ApiProblemResponses problems) {
		this.idle = idle;
		this.absolute = absolute;
		this.clock = clock;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		boolean signedIn = authentication != null
				&& (authentication.isAuthenticated() || authentication instanceof SecondFactorPending)
				&& authentication.getPrincipal() instanceof org.springframework.security.core.userdetails.UserDetails;
		if (session == null || !signedIn) {
			chain.doFilter(request, response);
			return;
		}
		Instant now = clock.instant();
		Instant started = session.getAttribute(STARTED) instanceof Instant i ? i : null;
		Instant lastSeen = session.getAttribute(LAST_SEEN) instanceof Instant i ? i : null;
		if (started == null) {
			session.setAttribute(STARTED, now);
		}
		else if (now.isAfter(started.plus(absolute))
				|| (lastSeen != null && now.isAfter(lastSeen.plus(idle).plus(LAST_SEEN_STEP)))) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.startsWith("/api/") && problems != null) {
				problems.unauthorized(request, response, "api.sessionEnded");
			}
			else if (path.startsWith("/api/")) {
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			}
			else {
				response.sendRedirect(request.getContextPath() + "/login?expired");
			}
			return;
		}
		if (lastSeen == null || !now.isBefore(lastSeen.plus(LAST_SEEN_STEP))) {
			session.setAttribute(LAST_SEEN, now);
		}
		chain.doFilter(request, response);
	}
}
