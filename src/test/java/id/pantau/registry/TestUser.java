package id.pantau.registry;

import id.pantau.platform.Scope;
import id.pantau.platform.ScopedPrincipal;

/** A user for calling services directly in tests. */
record TestUser(String getUsername, Scope scope) implements ScopedPrincipal {

	static TestUser of(String username, String scope) {
		return new TestUser(username, Scope.of(scope));
	}
}
