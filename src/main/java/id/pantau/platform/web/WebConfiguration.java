package id.pantau.platform.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import id.pantau.platform.CalendarRange;

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

/**
 * Bahasa Indonesia by default; {@code ?lang=en} switches to English and is remembered in a cookie. The service worker
 * script is revalidated on every load ({@code no-cache}), so a new version reaches phones at their next visit.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale INDONESIAN = Locale.forLanguageTag("id");

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("PANTAU_LANG");
		resolver.setDefaultLocale(INDONESIAN);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * Dates and months in addresses and forms ({@code dari}, {@code sampai}, {@code from}, {@code bulan}, ...) are read
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

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/sw.js").addResourceLocations("classpath:/static/")
				.setCacheControl(CacheControl.noCache());
	}
}
