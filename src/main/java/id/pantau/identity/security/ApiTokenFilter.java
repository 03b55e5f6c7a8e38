package id.pantau.identity.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import id.pantau.identity.ApiClientPrincipal;
import id.pantau.identity.domain.ApiClients;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a system that sends {@code Authorization: Bearer <token>} as its API client, for this request only. A token
 * that is unknown, rotated away or of a disabled client is answered 401 at once.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApiTokenFilter extends OncePerRequestFilter {

	/** Requests to the API that carry a bearer token; the scheme's name is case-insensitive (RFC 9110). */
	static final RequestMatcher BEARER = request -> token(request).isPresent();

	private final ApiClients clients;
	private final ApiProblemResponses problems;
	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<ApiClientPrincipal> client = token(request).flatMap(clients::authenticate);
		if (client.isEmpty()) {
			problems.unauthorized(request, response);
			return;
		}
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client.get(), null,
				client.get().authorities()));
		contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			contexts.clearContext();
		}
	}

	static Optional<String> token(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null) {
			return Optional.empty();
		}
		String value = header.strip();
		if (value.equalsIgnoreCase("bearer")) {
			return Optional.of("");
		}
		if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
			return Optional.empty();
		}
		return Optional.of(value.substring(7).strip());
	}
}
