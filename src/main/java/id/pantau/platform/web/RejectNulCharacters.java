package id.pantau.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A NUL character in a query or form parameter is never typed by a person, and PostgreSQL refuses it in text, so a
 * search for "%00" would end in a server error deep in a query. Such a request is refused at the door with 400.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RejectNulCharacters extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && query.toLowerCase(java.util.Locale.ROOT).contains("%00") && hasNul(request)) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		String type = request.getContentType();
		if (type != null && type.startsWith("application/x-www-form-urlencoded") && hasNul(request)) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasNul(HttpServletRequest request) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (parameter.getKey().indexOf('\0') >= 0) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (value != null && value.indexOf('\0') >= 0) {
					return true;
				}
			}
		}
		return false;
	}
}
