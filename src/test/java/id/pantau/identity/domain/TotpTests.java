package id.pantau.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import id.pantau.RandomInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/** RFC 6238 appendix B (SHA-1), the last six of its eight digits. */
	@ParameterizedTest
	@CsvSource({ "59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
			"2000000000, 279037", "20000000000, 353130" })
	void givesTheCodesOfRfc6238(long epochSeconds, String code) {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(epochSeconds)))).isEqualTo(code);
	}

	@Test
	void acceptsOneStepEarlyOrLateButNotTwo() {
		Instant now = Instant.ofEpochSecond(1_111_111_111);
		long step = Totp.step(now);
		for (int offset = -1; offset <= 1; offset++) {
			assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + offset), now, 0))
					.hasValue(step + offset);
		}
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, 0)).isEmpty();
	}

	@Test
	void neverAcceptsACodeOfAStepAlreadyUsedOrEarlier() {
		Instant now = Instant.ofEpochSecond(1_234_567_890);
		long step = Totp.step(now);
		String code = Totp.code(RFC_SECRET, step);
		OptionalLong first = Totp.matchingStep(RFC_SECRET, code, now, 0);
		assertThat(first).hasValue(step);
		assertThat(Totp.matchingStep(RFC_SECRET, code, now, first.getAsLong())).as("the same code again").isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, step)).as("an older code")
				.isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, step)).hasValue(step + 1);
	}

	@Test
	void refusesAnythingButSixDigits() {
		Instant now = Instant.ofEpochSecond(59);
		for (String typed : new String[] { null, "", "28708", "2870820", "abcdef", "287 08x", "' or 1=1" }) {
			assertThat(Totp.matchingStep(RFC_SECRET, typed, now, 0)).as(String.valueOf(typed)).isEmpty();
		}
		assertThat(Totp.matchingStep(RFC_SECRET, "287 082", now, 0)).as("spaces as apps show them").isPresent();
	}

	@Test
	void base32RoundTripsAnyBytes() {
		RandomInputs.check(6238, 500, inputs -> {
			byte[] bytes = new byte[inputs.random().nextInt(40)];
			inputs.random().nextBytes(bytes);
			return bytes;
		}, bytes -> assertThat(Totp.fromBase32(Totp.base32(bytes))).isEqualTo(bytes));
		assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
				.isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	}

	@Test
	void theUriIsWhatAuthenticatorAppsRead() {
		assertThat(Totp.uri("Pantau", "kesbang pol", "JBSWY3DPEHPK3PXP")).isEqualTo(
				"otpauth://totp/Pantau:kesbang%20pol?secret=JBSWY3DPEHPK3PXP&issuer=Pantau&algorithm=SHA1&digits=6&period=30");
	}
}
