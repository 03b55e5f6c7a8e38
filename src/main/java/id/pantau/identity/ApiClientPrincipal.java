package id.pantau.identity;

import java.util.Collection;
import java.util.List;

import id.pantau.platform.Scope;
import id.pantau.platform.ScopedPrincipal;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A system calling the API with a token, as every module sees it: a name, the role it acts in and a territorial scope,
 * like a user. Its name in the audit trail is {@code api:<client name>}, which no user account can have.
 */
public record ApiClientPrincipal(long id, String name, Role role, Scope scope)
		implements ScopedPrincipal, AuthenticatedPrincipal {

	public static final String PREFIX = "api:";

	@Override
	public String getUsername() {
		return PREFIX + name;
	}

	@Override
	public String getName() {
		return getUsername();
	}

	public Collection<? extends GrantedAuthority> authorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}
}
