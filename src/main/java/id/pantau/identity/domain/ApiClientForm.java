package id.pantau.identity.domain;

import id.pantau.identity.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator sets on a new API client. The token is never a field: it is generated.
 *
 * @param scopeCode the region whose data the client may read; empty for the whole deployment
 */
public record ApiClientForm(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,40}", message = "{apiClient.name.pattern}") String name,
		@NotNull ApiClientKind kind,
		@NotNull Role role,
		@Size(max = 13) String scopeCode) {
}
