package id.pantau.identity.web;

import id.pantau.identity.Role;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Which entries of the navigation bar a user sees, decided once per request from the user's role. Written in the
 * layout as security expressions ({@code sec:authorize="hasAnyRole(...)"}), the bar parsed and evaluated about twenty
 * of them on every page, a tenth of a page's CPU under load (bench/README.md, "Profiles"). The pages and the API
 * still check every access themselves; this only hides what a role cannot open.
 */
@ControllerAdvice
public class NavigationMenu {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	@ModelAttribute("menu")
	public Menu menu(Authentication authentication) {
		if (!TRUST.isAuthenticated(authentication)) {
			return new Menu(false, null);
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority())) {
					return new Menu(true, role);
				}
			}
		}
		return new Menu(true, null);
	}

	/** @param role the signed-in user's role; null when nobody is signed in (or the account has no known role) */
	public record Menu(boolean signedIn, Role role) {

		public boolean admin() {
			return role == Role.ADMIN;
		}

		/** Reports, persons, recap, regions and vessels: every role but the administrator's. */
		public boolean registry() {
			return signedIn && role != Role.ADMIN;
		}

		public boolean crossings() {
			return is(Role.IMIGRASI, Role.KESBANGPOL, Role.TIMPORA);
		}

		public boolean supervision() {
			return is(Role.IMIGRASI, Role.KESBANGPOL, Role.TIMPORA, Role.BPMPD);
		}

		public boolean matching() {
			return is(Role.IMIGRASI, Role.KESBANGPOL);
		}

		public boolean timpora() {
			return is(Role.IMIGRASI, Role.KESBANGPOL, Role.TIMPORA);
		}

		private boolean is(Role... roles) {
			for (Role r : roles) {
				if (r == role) {
					return true;
				}
			}
			return false;
		}
	}
}
