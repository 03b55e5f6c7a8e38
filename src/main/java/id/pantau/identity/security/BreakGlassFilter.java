package id.pantau.identity.security;

import java.io.IOException;
import java.time.Clock;
import java.util.regex.Pattern;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.Scope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * "Break the glass": while an Imigrasi officer's stated reason holds, its reads of the registry (the search, a
 * person's page, the persons API) run with the whole deployment as scope, each audited with the reason. Nothing else
 * is widened: no write, no other module, and the session itself keeps the officer's own scope.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class BreakGlassFilter extends OncePerRequestFilter {

	/** The search page and its htmx fragment, a person's page, and the persons API (list and one). */
	private static final Pattern READS = Pattern.compile("/orang-asing(/\\d+)?|/api/v1/persons(/\\d+)?");

	private final AuditTrail audit;
	private final Clock clock;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session == null || authentication == null || !authentication.isAuthenticated()
				|| !(authentication.getPrincipal() instanceof PantauUser user) || user.role() != Role.IMIGRASI
				|| !(session.getAttribute(BreakGlassGrant.SESSION_ATTRIBUTE) instanceof BreakGlassGrant grant)) {
			chain.doFilter(request, response);
			return;
		}
		if (!grant.activeAt(clock.instant())) {
			session.removeAttribute(BreakGlassGrant.SESSION_ATTRIBUTE);
			audit.recordAs(user.getUsername(), AuditEntry.of("BREAK_GLASS_EXPIRED").subject("USER", user.id()));
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"GET".equals(request.getMethod()) || !READS.matcher(path).matches()) {
			chain.doFilter(request, response);
			return;
		}
		audit.recordAs(user.getUsername(), AuditEntry.of("BREAK_GLASS_ACCESS").subject("USER", user.id())
				.detail("path", path).detail("query", request.getQueryString() == null ? "" : "yes")
				.text("reason", grant.reason()));
		PantauUser widened = user.withScope(Scope.WHOLE_DEPLOYMENT);
		SecurityContext original = SecurityContextHolder.getContext();
		SecurityContext wide = SecurityContextHolder.createEmptyContext();
		wide.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(widened, null,
				authentication.getAuthorities()));
		// for this request only: the context is never saved, the session keeps the officer's own scope
		SecurityContextHolder.setContext(wide);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.setContext(original);
		}
	}
}
