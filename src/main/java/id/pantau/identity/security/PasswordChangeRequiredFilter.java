package id.pantau.identity.security;

import id.pantau.identity.PantauUser;
import org.springframework.security.core.Authentication;

/** A user with a temporary password reaches nothing but the password change until it has chosen its own. */
class PasswordChangeRequiredFilter extends HoldingGate {

	static final String CHANGE_PATH = "/akun/sandi";

	PasswordChangeRequiredFilter(ApiProblemResponses problems) {
		super(CHANGE_PATH, "api.passwordChangeRequired", problems);
	}

	@Override
	boolean owes(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof PantauUser user && user.mustChangePassword();
	}
}
