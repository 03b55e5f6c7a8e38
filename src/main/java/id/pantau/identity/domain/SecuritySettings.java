package id.pantau.identity.domain;

import java.time.Duration;
import java.util.Set;

import id.pantau.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pantau.security.*}
 *
 * @param totpRoles roles that must give a one-time code from an authenticator app after the password
 * @param totpKey the key (base64 of 32 bytes) that encrypts TOTP secrets at rest: {@code PANTAU_TOTP_KEY}; when unset,
 * a key file is used
 * @param totpKeyFile where the key is kept when {@code totpKey} is unset; created (readable by its owner only) at the
 * first start
 * @param loginBurstPerMinute login attempts one address may make in a minute before it is answered 429
 * @param sessionIdleTimeout a session unused this long ends
 * @param sessionAbsoluteTimeout a session ends this long after its login, used or not
 * @param breakGlassDuration how long an Imigrasi officer's stated reason opens records outside its scope
 */
@ConfigurationProperties("pantau.security")
public record SecuritySettings(@DefaultValue({ "IMIGRASI", "KESBANGPOL", "ADMIN" }) Set<Role> totpRoles,
		String totpKey, @DefaultValue("./data/totp.key") String totpKeyFile,
		@DefaultValue("30") int loginBurstPerMinute, @DefaultValue("30m") Duration sessionIdleTimeout,
		@DefaultValue("12h") Duration sessionAbsoluteTimeout, @DefaultValue("30m") Duration breakGlassDuration) {

	public boolean requiresSecondFactor(Role role) {
		return totpRoles.contains(role);
	}
}
