package id.pantau.platform.web;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * How long a browser may keep a static file. Under the address that carries the hash of its current content, a year
 * without asking again ({@code immutable}): a changed file gets a new address. Under its plain address (the service
 * worker's list, the offline page) or an old hash, it is revalidated on every use ({@code no-cache}, answered 304
 * while unchanged). Set before the file is written, so Spring Security's default {@code no-store} stays off these
 * files; pages keep it.
 */
final class StaticCacheHeaders implements HandlerInterceptor {

	static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/** {@code name-<32 hex digits of the MD5 of the content>.ext}, as VersionResourceResolver's content strategy. */
	private static final Pattern CONTENT_HASH = Pattern.compile("-[0-9a-f]{32}(\\.[A-Za-z0-9]+)$");

	private static final String[] VERSIONED = { "/css/", "/js/", "/img/", "/webjars/" };

	private final ObjectProvider<ResourceUrlProvider> urls;

	StaticCacheHeaders(ObjectProvider<ResourceUrlProvider> urls) {
		this.urls = urls;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (handler instanceof ResourceHttpRequestHandler && versioned(path)) {
			response.setHeader(HttpHeaders.CACHE_CONTROL,
					(current(path) ? HASHED : CacheControl.noCache()).getHeaderValue());
		}
		return true;
	}

	/** Whether the path is the hashed address the pages link today (not an old or a made-up hash). */
	private boolean current(String path) {
		Matcher hash = CONTENT_HASH.matcher(path);
		ResourceUrlProvider provider = urls.getIfAvailable();
		if (!hash.find() || provider == null) {
			return false;
		}
		return path.equals(provider.getForLookupPath(hash.replaceFirst("$1")));
	}

	private static boolean versioned(String path) {
		for (String prefix : VERSIONED) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}
}
