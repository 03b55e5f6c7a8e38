package id.pantau.identity.security;

import java.time.Clock;

import id.pantau.audit.AuditTrail;
import id.pantau.identity.domain.ApiClients;
import id.pantau.identity.domain.LoginBursts;
import id.pantau.identity.domain.LoginThrottle;
import id.pantau.identity.domain.Logins;
import id.pantau.identity.domain.SecuritySettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * No inline script or style anywhere: every script and stylesheet comes from the application itself, and so do
	 * the service worker that keeps the report form working offline and the manifest that makes Pantau installable.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * The policy, with the origin of the map's tile server among the image sources where one is configured
	 * ({@code pantau.map.tile-url}); without one the map loads nothing from elsewhere.
	 */
	static String contentSecurityPolicy(String tileUrl) {
		if (tileUrl == null || tileUrl.isBlank()) {
			return CONTENT_SECURITY_POLICY;
		}
		java.util.regex.Matcher origin = java.util.regex.Pattern.compile("^(https?://[^/{}]+)").matcher(tileUrl.strip());
		return origin.find() ? CONTENT_SECURITY_POLICY.replace("img-src 'self' data:",
				"img-src 'self' data: " + origin.group(1)) : CONTENT_SECURITY_POLICY;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Two requests of one session at once (a double tap, two tabs) may both add the same attribute: PostgreSQL's
	 * {@code on conflict} keeps the later one instead of failing the second request on the table's key.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpserted() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	SessionsWrittenSparingly sessionsWrittenSparingly(SecuritySettings settings) {
		return new SessionsWrittenSparingly(settings.sessionIdleTimeout());
	}

	/**
	 * Who is signed in where, for ending a user's sessions: the sessions' table of Spring Session JDBC, searched by the
	 * principal's name, so a session on any instance ends. A command runs without a web server and without the
	 * session repository; it signs nobody in and ends no session, so an empty registry in memory serves it.
	 */
	@Bean
	SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
		return repository == null ? new SessionRegistryImpl() : new SpringSessionBackedSessionRegistry<>(repository);
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	/** The web side; commands run without a web server and have no filter chain. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	static class Web {

		/** What a system with a token may call; the rest of the API is for users' sessions until it is opened here. */
		static final String[] CLIENT_PATHS = { "/api/v1/crossings", "/api/v1/changes", "/api/v1/alerts",
				"/api/v1/alerts/**" };

		/**
		 * Systems calling the API with {@code Authorization: Bearer <token>}: checked before the form-login chain, no
		 * session and no cookie, so no CSRF token either (a browser never sends the header by itself).
		 */
		@Bean
		@Order(1)
		SecurityFilterChain tokenApi(HttpSecurity http, ApiClients clients, MessageSource messages,
				LocaleResolver locales) throws Exception {
			ApiProblemResponses problems = new ApiProblemResponses(messages, locales);
			http.securityMatcher(new AndRequestMatcher(ApiProblemResponses.API,
					ApiTokenFilter.BEARER))
					.authorizeHttpRequests(requests -> requests.requestMatchers(CLIENT_PATHS).authenticated()
							.anyRequest().denyAll())
					.csrf(csrf -> csrf.disable())
					.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
					.requestCache(cache -> cache.disable())
					.anonymous(anonymous -> anonymous.disable())
					.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
							.accessDeniedHandler(problems))
					.headers(headers -> headers
							.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
							.frameOptions(frame -> frame.deny()))
					.addFilterBefore(new ApiTokenFilter(clients, problems), AuthorizationFilter.class);
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain web(HttpSecurity http, LoginHandlers handlers, LoginThrottle throttle, LoginBursts bursts,
				Logins logins, SessionRegistry sessions, SecurityContextRepository contexts, AuditTrail audit, Clock clock,
				SecuritySettings settings, MessageSource messages, LocaleResolver locales,
				@org.springframework.beans.factory.annotation.Value("${pantau.map.tile-url:}") String tileUrl)
				throws Exception {
			String policy = contentSecurityPolicy(tileUrl);
			ApiProblemResponses problems = new ApiProblemResponses(messages, locales);
			http.authorizeHttpRequests(requests -> requests
					// the service worker installs on the login page already: its script and everything it keeps
					// for offline use must load without a session
					.requestMatchers("/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/sw.js",
							"/manifest.webmanifest", "/offline.html", "/login", SecondFactorFilter.CODE_PATH, "/error",
							"/actuator/health")
					.permitAll()
					.requestMatchers("/admin/**").hasRole("ADMIN")
					.anyRequest().authenticated())
					// the API answers 401 or 403 as problem details; only pages lead to the login page (a single
					// default would be used for every request, hence the explicit ones for the rest)
					.exceptionHandling(exceptions -> exceptions
							.defaultAuthenticationEntryPointFor(problems, ApiProblemResponses.API)
							.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
									AnyRequestMatcher.INSTANCE)
							.defaultAccessDeniedHandlerFor(problems, ApiProblemResponses.API)
							.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
					.formLogin(form -> form.loginPage("/login").successHandler(handlers).failureHandler(handlers)
							.permitAll())
					.logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(handlers)
							.invalidateHttpSession(true).deleteCookies("PANTAU_SESSION"))
					.securityContext(context -> context.securityContextRepository(contexts))
					.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
							.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
					.headers(headers -> headers
							.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
							.frameOptions(frame -> frame.deny())
							.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
					// not beans: Spring Boot would also register them for every request outside the security chain.
					// Filters added before the same filter run in the order they are added here.
					.addFilterBefore(new LoginBurstFilter(settings.loginBurstPerMinute(), bursts, clock, audit,
							messages, locales),
							UsernamePasswordAuthenticationFilter.class)
					.addFilterBefore(new LoginThrottleFilter(throttle, logins), UsernamePasswordAuthenticationFilter.class)
					.addFilterBefore(new SessionLifetimeFilter(settings.sessionIdleTimeout(),
							settings.sessionAbsoluteTimeout(), clock, problems), AuthorizationFilter.class)
					.addFilterBefore(new SecondFactorFilter(problems), AuthorizationFilter.class)
					.addFilterBefore(new PasswordChangeRequiredFilter(problems), AuthorizationFilter.class)
					.addFilterBefore(new BreakGlassFilter(audit, clock), AuthorizationFilter.class);
			return http.build();
		}
	}
}
