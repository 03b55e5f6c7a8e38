package id.pantau.identity.security;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The token scheme of the API in the OpenAPI document. Systems send the token an administrator issued them under
 * Administrasi > Klien API; signed-in users' browsers use their session (with the CSRF header for writes) instead.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "The API client's token, issued once by an administrator (32 random bytes, base64url): "
				+ "Authorization: Bearer <token>. A wrong, rotated or disabled token is answered 401.")
class ApiDocumentation {
}
