package id.pantau.platform.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error page is the one template {@code error.html}; what it says is chosen by the status: {@code 403} (a role
 * that may not open the page), {@code 404} (nothing there, or outside one's area), {@code 4xx} (any other request that
 * cannot be answered) or {@code generic} (a server error). The template reads the kind as {@code kind}, and its texts
 * are the messages {@code error.<kind>.title} and {@code error.<kind>.text}.
 */
@Component
class ErrorPages implements ErrorViewResolver {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		return page(status, model);
	}

	/** The error page for a status, with the model it is shown with. */
	static ModelAndView page(HttpStatusCode status, Map<String, Object> model) {
		Map<String, Object> shown = new HashMap<>(model);
		shown.put("kind", kind(status));
		return new ModelAndView("error", shown, status);
	}

	static String kind(HttpStatusCode status) {
		int code = status.value();
		if (code == 403 || code == 404) {
			return String.valueOf(code);
		}
		return status.is4xxClientError() ? "4xx" : "generic";
	}
}
