package id.pantau.platform;

/**
 * The signed-in user as every module sees it: a name and a territorial scope. Controllers take it with
 * {@code @AuthenticationPrincipal ScopedPrincipal user}.
 */
public interface ScopedPrincipal {

	String getUsername();

	Scope scope();
}
