package id.pantau.identity.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.domain.LoginBursts;
import id.pantau.platform.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * A burst of login attempts from one address (passwords or codes, right or wrong, any accounts) is answered 429 with
 * {@code Retry-After} before anything is checked: a script hammering the login page costs no password hashing and
 * fills no log. The per-account throttle ({@code LoginThrottle}) works below this, on failures. The attempts are
 * counted in the database ({@link LoginBursts}), over every instance that answers the address.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LoginBurstFilter extends OncePerRequestFilter {

	private static final long WINDOW_SECONDS = 60;

	private final int limit;
	private final LoginBursts bursts;
	private final Clock clock;
	private final AuditTrail audit;
	private final MessageSource messages;
	private final LocaleResolver locales;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !("POST".equals(request.getMethod())
				&& (path.equals("/login") || path.equals(SecondFactorFilter.CODE_PATH)));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long now = clock.instant().getEpochSecond();
		long minute = now / WINDOW_SECONDS;
		int attempts = bursts.attempt(request.getRemoteAddr(), minute);
		if (attempts > limit) {
			if (attempts == limit + 1) {
				audit.recordAs("(tidak dikenal)", AuditEntry.of("LOGIN_BURST_REFUSED").detail("limitPerMinute", limit));
			}
			response.setHeader("Retry-After", Long.toString(WINDOW_SECONDS - now % WINDOW_SECONDS));
			tooMany(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	/** An Indonesian (or English) page, or a problem detail for a client that asked for JSON; nothing else. */
	private void tooMany(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locales.resolveLocale(request);
		String title = messages.getMessage("error.429.title", null, locale);
		String text = messages.getMessage("error.429.text", null, locale);
		response.setStatus(429);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String accept = request.getHeader("Accept");
		if (accept != null && accept.contains("json") && !accept.contains("text/html")) {
			response.setContentType("application/problem+json");
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", "Too Many Requests");
			problem.put("status", 429);
			problem.put("detail", text);
			problem.put("code", "tooManyAttempts");
			response.getWriter().write(Json.write(problem));
			return;
		}
		String back = messages.getMessage("error.429.back", null, locale);
		response.setContentType("text/html");
		response.getWriter().write("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.getLanguage())
				+ "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<title>" + HtmlUtils.htmlEscape(title) + " · Pantau</title>"
				+ "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/webjars/bootstrap/css/bootstrap.min.css\">"
				+ "</head><body><main class=\"container py-4\"><h1 class=\"h3\" id=\"too-many\">" + HtmlUtils.htmlEscape(title)
				+ "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p><a class=\"btn btn-primary\" href=\"" + request.getContextPath()
				+ "/login\">" + HtmlUtils.htmlEscape(back) + "</a></main></body></html>");
	}
}
