package id.pantau.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address of another page of the list being shown: the current address with only {@code page} changed, so each
 * filter a list was asked with is kept as it was asked, whatever list it is. Templates use it as
 * {@code ${@pageLinks.to(n)}} (see {@code fragments/pagination.html}).
 */
@Component("pageLinks")
public class PageLinks {

	/** The current address at page {@code page} (0 is the first page, which is written without {@code page}). */
	public String to(int page) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
				.getRequest();
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI())
				.query(request.getQueryString()).replaceQueryParam("page");
		if (page > 0) {
			link.queryParam("page", page);
		}
		return link.build().toUriString();
	}
}
