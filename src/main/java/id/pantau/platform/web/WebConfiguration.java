package id.pantau.platform.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import id.pantau.platform.CalendarRange;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Bahasa Indonesia by default; {@code ?lang=en} switches to English and is remembered in a cookie. Static files under
 * content-hashed addresses, kept by browsers for a year (see {@link #addResourceHandlers}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale INDONESIAN = Locale.forLanguageTag("id");

	private final ObjectProvider<ResourceUrlProvider> resourceUrls;

	WebConfiguration(@Qualifier("mvcResourceUrlProvider") ObjectProvider<ResourceUrlProvider> resourceUrls) {
		this.resourceUrls = resourceUrls;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("PANTAU_LANG");
		resolver.setDefaultLocale(INDONESIAN);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * Dates and months in addresses and forms ({@code from}, {@code to}, {@code month}, ...) are read
	 * as ISO dates within {@link CalendarRange}; anything else is a malformed parameter (400), not a server error deep
	 * in a query or an export that has already begun. Registered last, so they also read the parameters marked
	 * {@code @DateTimeFormat(iso = DATE)}.
	 */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, LocalDate.class, text -> {
			if (text == null || text.isBlank()) {
				return null;
			}
			LocalDate date = LocalDate.parse(text.strip());
			if (!CalendarRange.covers(date)) {
				throw new IllegalArgumentException("year outside " + CalendarRange.MIN_YEAR + "-" + CalendarRange.MAX_YEAR);
			}
			return date;
		});
		registry.addConverter(String.class, YearMonth.class, text -> {
			if (text == null || text.isBlank()) {
				return null;
			}
			YearMonth month = YearMonth.parse(text.strip());
			if (!CalendarRange.covers(month)) {
				throw new IllegalArgumentException("year outside " + CalendarRange.MIN_YEAR + "-" + CalendarRange.MAX_YEAR);
			}
			return month;
		});
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new StaticCacheHeaders(resourceUrls));
	}

	/** Browsers read the web app manifest by its type, which the server's list of types lacks. */
	@Bean
	WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> webManifestType() {
		return factory -> {
			MimeMappings mappings = new MimeMappings();
			mappings.add("webmanifest", "application/manifest+json");
			factory.addMimeMappings(mappings);
		};
	}

	/**
	 * Pantau's own files and the WebJars under addresses that carry a hash of their content
	 * ({@code /css/pantau-3f2a....css}, {@code /webjars/bootstrap/5.3.8/css/bootstrap.min-9c1e....css}): pages link them
	 * through {@code @{...}}, which the resource URL encoding filter rewrites, so a phone keeps each file for a year and
	 * asks again only when the file itself changed. The same files under their plain address (the service worker's
	 * list, the offline page) are revalidated on every use instead ({@link StaticCacheHeaders}).
	 * <p>
	 * The service worker, the manifest and the offline page keep one stable address and are revalidated on every load
	 * ({@code no-cache}), so a new version reaches phones at their next visit: a worker's script must never be cached
	 * under a name that changes.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/sw.js", "/manifest.webmanifest", "/offline.html")
				.addResourceLocations("classpath:/static/")
				.setCacheControl(CacheControl.noCache());
		versioned(registry, "/css/**", "classpath:/static/css/");
		versioned(registry, "/js/**", "classpath:/static/js/");
		versioned(registry, "/img/**", "classpath:/static/img/");
		// the WebJars' version-less addresses (/webjars/bootstrap/css/...) are completed by webjars-locator-lite,
		// which the resource chain adds by itself
		versioned(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/");
	}

	private static void versioned(ResourceHandlerRegistry registry, String pattern, String location) {
		registry.addResourceHandler(pattern).addResourceLocations(location)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
				.addTransformer(new CssLinkResourceTransformer());
	}
}
