package id.pantau.identity.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of the API before a controller is reached, as RFC 9457 problem details like those of the controllers,
 * with an Indonesian (or English) title and detail: 401 with a {@code WWW-Authenticate} challenge for a caller that is
 * not signed in (no session, no token, a token not accepted, a session that must first change its password or give
 * its second factor, an anonymous request without CSRF token), 403 for what a signed-in caller may not do. An API
 * client is never redirected to the login page.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApiProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	/** Every path of the API, whether a session or a token calls it. */
	static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource messages;
	private final LocaleResolver locales;

	/** No credentials, or credentials that the chain turned down before a controller. */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (ApiTokenFilter.token(request).isPresent()) {
			unauthorized(request, response);
		}
		else {
			unauthorized(request, response, "api.signInRequired");
		}
	}

	/**
	 * A refusal: for a caller that is not signed in (an anonymous POST without CSRF token) it is 401 like any call
	 * without credentials; for a signed-in one or a client with its token 403, naming a missing CSRF token where
	 * that was the reason.
	 */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException exception) throws IOException {
		// a request with a token reaches this only with an accepted one (ApiTokenFilter answers the others)
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		if (!signedIn && ApiTokenFilter.token(request).isEmpty()) {
			unauthorized(request, response, "api.signInRequired");
			return;
		}
		write(request, response, HttpStatus.FORBIDDEN,
				exception instanceof CsrfException ? "api.csrf" : "api.forbidden");
	}

	/** A bearer token that is unknown, rotated away or of a disabled client. */
	void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer realm=\"pantau\", error=\"invalid_token\"");
		write(request, response, HttpStatus.UNAUTHORIZED, "api.unauthorized");
	}

	/** No usable credentials; the detail ({@code key}) says what to do. */
	void unauthorized(HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer realm=\"pantau\"");
		write(request, response, HttpStatus.UNAUTHORIZED, key);
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
			throws IOException {
		Locale locale = locales.resolveLocale(request);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", messages.getMessage("api.title." + status.value(), null, status.getReasonPhrase(), locale));
		problem.put("status", status.value());
		problem.put("detail", messages.getMessage(key, null, key, locale));
		problem.put("instance", request.getRequestURI());
		problem.put("code", key.substring(key.indexOf('.') + 1));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), problem);
	}
}
