package id.pantau.identity.domain;

import java.util.Set;

import id.pantau.identity.Role;

/** What a system calls the API for, and so which roles it may act in. */
public enum ApiClientKind {

	/** Immigration's system posting crossing records as they happen. */
	IMIGRASI_FEED(Set.of(Role.IMIGRASI)),
	/** A partner agency's system reading the shared picture and the changes feed. */
	PARTNER(Set.of(Role.KESBANGPOL, Role.TIMPORA));

	private final Set<Role> roles;

	ApiClientKind(Set<Role> roles) {
		this.roles = roles;
	}

	public boolean allows(Role role) {
		return roles.contains(role);
	}

	/** Every role some kind allows, for the form. */
	public static Role[] clientRoles() {
		return new Role[] { Role.IMIGRASI, Role.KESBANGPOL, Role.TIMPORA };
	}
}
