package id.pantau.identity.security;

import java.util.List;

import id.pantau.identity.PantauUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A user who gave the right password but not yet the code its role needs. It is not authenticated: no authority,
 * and {@link SecondFactorFilter} lets it reach nothing but the code page and the logout.
 */
public final class SecondFactorPending extends AbstractAuthenticationToken {

	private final PantauUser user;

	public SecondFactorPending(PantauUser user) {
		super(List.of());
		this.user = user;
		setAuthenticated(false);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public PantauUser getPrincipal() {
		return user;
	}

	@Override
	public String getName() {
		return user.getUsername();
	}
}
