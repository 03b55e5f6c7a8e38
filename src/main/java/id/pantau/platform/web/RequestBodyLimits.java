package id.pantau.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The size of a request body that is not an upload: a JSON body at most {@code pantau.web.max-json-body} (8 MB: the
 * largest the API takes, 10,000 crossing records, is about 4 MB), a form at most {@code pantau.web.max-form-body}
 * (1 MB; Tomcat's own {@code max-http-form-post-size} is set alike), any other body as much as JSON. Uploads
 * (multipart) have their own limits ({@code spring.servlet.multipart.*}, {@code server.tomcat.max-part-*}). A body
 * that declares a larger length is refused before it is read; one without a declared length is read up to the limit
 * and refused beyond it. The answer is 413 with a message in the request's language: a problem detail for the API
 * and for JSON, the error page otherwise. Issue 16, item 6: the JSON API took a 30 MB name.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestBodyLimits extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final long maxJson;
	private final long maxForm;
	private final MessageSource messages;
	private final LocaleResolver locales;

	RequestBodyLimits(@Value("${pantau.web.max-json-body:8MB}") DataSize maxJson,
			@Value("${pantau.web.max-form-body:1MB}") DataSize maxForm, MessageSource messages,
			LocaleResolver locales) {
		this.maxJson = maxJson.toBytes();
		this.maxForm = maxForm.toBytes();
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
		if (type.startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		boolean form = type.startsWith("application/x-www-form-urlencoded");
		long limit = form ? maxForm : maxJson;
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(request, response, limit);
			return;
		}
		if (declared < 0 && !form && request.getHeader("Transfer-Encoding") != null) {
			// no declared length: read up to the limit here, so that nothing later reads more (a form's parameters
			// are read by Tomcat itself, within its max-http-form-post-size)
			byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			if (body.length > limit) {
				refuse(request, response, limit);
				return;
			}
			chain.doFilter(new ReadBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
		// the rest of the body is not read; the connection is closed after the answer
		response.setHeader("Connection", "close");
		Locale locale = locales.resolveLocale(request);
		String megabytes = Long.toString(Math.max(1, limit >> 20));
		String detail = messages.getMessage("api.bodyTooLarge", new Object[] { megabytes }, "api.bodyTooLarge",
				locale);
		String accept = request.getHeader("Accept") == null ? "" : request.getHeader("Accept");
		String type = request.getContentType() == null ? "" : request.getContentType();
		if (!request.getRequestURI().startsWith("/api/") && !accept.contains("json") && !type.contains("json")) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), detail);
			return;
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
		problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.put("code", "bodyTooLarge");
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), problem);
	}

	/** A request whose body was read here already. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
