package id.pantau.identity.domain;

import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator may set on an account. Nothing else binds: id, password, state and version are not fields.
 *
 * @param scopeCode the region the user covers; empty for the whole deployment
 */
public record UserForm(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,40}", message = "{user.username.pattern}") String username,
		@NotBlank @Size(max = 120) String fullName,
		@Email @Size(max = 200) String email,
		@NotNull Role role,
		@NotNull Agency agency,
		@Size(max = 13) String scopeCode) {
}
