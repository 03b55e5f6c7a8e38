package id.pantau.identity.domain;

import java.time.Instant;

/**
 * Where second-factor codes take their time from; the application's clock unless a bean of this type is defined.
 * Tests define one that moves ahead a step for each login, as a person waits for the next code, so that the rule that
 * no code is accepted twice holds in tests that log the same account in many times a minute.
 */
@FunctionalInterface
public interface TotpTime {

	Instant now();
}
