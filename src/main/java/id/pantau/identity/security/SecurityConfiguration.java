package id.pantau.identity.security;

import id.pantau.identity.domain.LoginThrottle;
import id.pantau.identity.domain.Logins;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;

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

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	/** The web side; commands run without a web server and have no filter chain. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	static class Web {

		@Bean
		SecurityFilterChain web(HttpSecurity http, LoginHandlers handlers, LoginThrottle throttle, Logins logins,
				SessionRegistry sessions, SecurityContextRepository contexts) throws Exception {
			http.authorizeHttpRequests(requests -> requests
					// the service worker installs on the login page already: its script and everything it keeps
					// for offline use must load without a session
					.requestMatchers("/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/sw.js",
							"/manifest.webmanifest", "/offline.html", "/login", "/error", "/actuator/health")
					.permitAll()
					.requestMatchers("/admin/**").hasRole("ADMIN")
					.anyRequest().authenticated())
					.formLogin(form -> form.loginPage("/login").successHandler(handlers).failureHandler(handlers)
							.permitAll())
					.logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(handlers)
							.invalidateHttpSession(true).deleteCookies("PANTAU_SESSION"))
					.securityContext(context -> context.securityContextRepository(contexts))
					.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
							.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?berakhir"))
					.headers(headers -> headers
							.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
							.frameOptions(frame -> frame.deny())
							.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
					// not beans: Spring Boot would also register them for every request outside the security chain
					.addFilterBefore(new LoginThrottleFilter(throttle, logins), UsernamePasswordAuthenticationFilter.class)
					.addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
			return http.build();
		}

		@Bean
		static HttpSessionEventPublisher httpSessionEventPublisher() {
			return new HttpSessionEventPublisher();
		}
	}
}
