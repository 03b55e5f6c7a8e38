package id.pantau.identity.security;

import org.springframework.security.core.Authentication;

/** Between the password and the code, a user reaches the code page, the logout and the static files only. */
class SecondFactorFilter extends HoldingGate {

	static final String CODE_PATH = "/login/kode";

	SecondFactorFilter(ApiProblemResponses problems) {
		super(CODE_PATH, "api.secondFactorPending", problems);
	}

	@Override
	boolean owes(Authentication authentication) {
		return authentication instanceof SecondFactorPending;
	}
}
