package id.pantau.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import id.pantau.audit.AuditVerification;
import id.pantau.identity.Agency;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.identity.domain.SecondFactors;
import id.pantau.platform.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * What Pantau keeps in a session survives the trip through the sessions' table, as Spring Session JDBC makes it (Java
 * serialization): the signed-in user, the second-factor step, the enrolment shown once, a break-glass grant, and the
 * audit check's outcome shown after a redirect.
 */
class SessionAttributesSerializableTests {

	private static final PantauUser USER = new PantauUser(7, "kesbangpol", null, "Kesbangpol Kota Tual",
			Role.KESBANGPOL, Agency.KESBANGPOL, Scope.of("81.72"), true, false);

	@Test
	void aSignedInUserComesBackWithItsRoleAndScope() {
		SecurityContextImpl context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(USER, null, USER.getAuthorities()));

		SecurityContextImpl back = roundTrip(context);

		PantauUser user = (PantauUser) back.getAuthentication().getPrincipal();
		assertThat(user).isEqualTo(USER);
		assertThat(user.id()).isEqualTo(7);
		assertThat(user.scope()).isEqualTo(Scope.of("81.72"));
		assertThat(user.role()).isEqualTo(Role.KESBANGPOL);
		assertThat(back.getAuthentication().getAuthorities()).isEqualTo(context.getAuthentication().getAuthorities());
	}

	@Test
	void aUserBetweenPasswordAndCodeStaysUnauthenticated() {
		SecondFactorPending back = roundTrip(new SecondFactorPending(USER));

		assertThat(back.isAuthenticated()).isFalse();
		assertThat(back.getPrincipal()).isEqualTo(USER);
		assertThat(roundTrip(Scope.WHOLE_DEPLOYMENT).isWholeDeployment()).isTrue();
	}

	@Test
	void theOtherAttributesComeBackEqual() {
		Instant until = Instant.parse("2026-12-05T09:30:00Z");
		assertThat(roundTrip(new BreakGlassGrant("Pemeriksaan dokumen ABK kapal ikan", until)))
				.isEqualTo(new BreakGlassGrant("Pemeriksaan dokumen ABK kapal ikan", until));
		assertThat(roundTrip(new SecondFactors.Enrolment("ABCDEFGH", "otpauth://totp/Pantau:x?secret=ABCDEFGH")))
				.isEqualTo(new SecondFactors.Enrolment("ABCDEFGH", "otpauth://totp/Pantau:x?secret=ABCDEFGH"));
		AuditVerification verification = new AuditVerification(120, null, null, 120L, 3, 118L, until, null);
		assertThat(roundTrip(verification)).isEqualTo(verification);
	}

	@SuppressWarnings("unchecked")
	private static <T> T roundTrip(T value) {
		byte[] bytes = new SerializingConverter().convert(value);
		return (T) new DeserializingConverter(SessionAttributesSerializableTests.class.getClassLoader()).convert(bytes);
	}
}
