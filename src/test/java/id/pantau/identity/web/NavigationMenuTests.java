package id.pantau.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import id.pantau.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** The navigation bar's entries per role, as the security expressions of the layout used to decide them. */
class NavigationMenuTests {

	private final NavigationMenu advice = new NavigationMenu();

	@Test
	void eachRoleSeesTheEntriesItMayOpen() {
		assertThat(entries(Role.OHOI)).containsExactly("registry");
		assertThat(entries(Role.BPMPD)).containsExactly("registry", "supervision");
		assertThat(entries(Role.TIMPORA)).containsExactly("registry", "crossings", "supervision", "timpora");
		assertThat(entries(Role.KESBANGPOL))
				.containsExactly("registry", "crossings", "supervision", "matching", "timpora");
		assertThat(entries(Role.IMIGRASI))
				.containsExactly("registry", "crossings", "supervision", "matching", "timpora");
		assertThat(entries(Role.ADMIN)).containsExactly("admin");
	}

	@Test
	void nobodySignedInSeesNoEntry() {
		NavigationMenu.Menu anonymous = advice.menu(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThat(anonymous.signedIn()).isFalse();
		assertThat(advice.menu(null).signedIn()).isFalse();
		assertThat(entries(anonymous)).isEmpty();
	}

	private List<String> entries(Role role) {
		TestingAuthenticationToken user = new TestingAuthenticationToken("u", "p", role.authority());
		NavigationMenu.Menu menu = advice.menu(user);
		assertThat(menu.signedIn()).isTrue();
		return entries(menu);
	}

	private static List<String> entries(NavigationMenu.Menu menu) {
		List<String> shown = new java.util.ArrayList<>();
		if (menu.registry()) {
			shown.add("registry");
		}
		if (menu.crossings()) {
			shown.add("crossings");
		}
		if (menu.supervision()) {
			shown.add("supervision");
		}
		if (menu.matching()) {
			shown.add("matching");
		}
		if (menu.timpora()) {
			shown.add("timpora");
		}
		if (menu.admin()) {
			shown.add("admin");
		}
		return shown;
	}
}
