package id.pantau.identity;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import id.pantau.platform.Scope;
import id.pantau.platform.ScopedPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user. Two instances are equal when they name the same account, so that all sessions of an account can
 * be found and ended.
 */
public final class PantauUser implements UserDetails, CredentialsContainer, ScopedPrincipal {

	private final long id;
	private final String username;
	private String passwordHash;
	private final String fullName;
	private final Role role;
	private final Agency agency;
	private final Scope scope;
	private final boolean enabled;
	private final boolean mustChangePassword;

	public PantauUser(long id, String username, String passwordHash, String fullName, Role role, Agency agency,
			Scope scope, boolean enabled, boolean mustChangePassword) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.fullName = fullName;
		this.role = role;
		this.agency = agency;
		this.scope = scope;
		this.enabled = enabled;
		this.mustChangePassword = mustChangePassword;
	}

	public long id() {
		return id;
	}

	public String fullName() {
		return fullName;
	}

	public Role role() {
		return role;
	}

	public Agency agency() {
		return agency;
	}

	@Override
	public Scope scope() {
		return scope;
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	/** The same user after a password change: no longer asked to change it. */
	public PantauUser withPasswordChanged() {
		return new PantauUser(id, username, null, fullName, role, agency, scope, enabled, false);
	}

	/** The same user, asked to choose a password of its own before anything else. */
	public PantauUser withPasswordChangeRequired() {
		return new PantauUser(id, username, null, fullName, role, agency, scope, enabled, true);
	}

	/** The same user reading with a wider scope, for the requests of a stated "break the glass" reason only. */
	public PantauUser withScope(Scope wider) {
		return new PantauUser(id, username, null, fullName, role, agency, wider, enabled, mustChangePassword);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PantauUser user && user.username.equals(username);
	}

	@Override
	public int hashCode() {
		return Objects.hash(username);
	}

	@Override
	public String toString() {
		return "PantauUser[" + id + "]";
	}
}
