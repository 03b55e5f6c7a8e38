package id.pantau.identity.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void acceptsALongPassphraseOfAnyCharacters() {
		assertThatCode(() -> policy.check("bpmpd", "laut biru di pulau kei")).doesNotThrowAnyException();
		assertThatCode(() -> policy.check("bpmpd", "ombak-tenang-2026")).doesNotThrowAnyException();
	}

	@Test
	void refusesShortPasswordsCountingCharactersNotBytes() {
		assertThatThrownBy(() -> policy.check("bpmpd", "short-pass1")).hasMessage("password.tooShort");
		// 12 Burmese characters: more than 12 bytes, and a sentence only its writer knows
		assertThatCode(() -> policy.check("bpmpd", "ဒီနေ့မိုးရွာတယ်နော်")).doesNotThrowAnyException();
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThatThrownBy(() -> policy.check("bpmpd", "Administrator")).hasMessage("password.common");
		assertThatThrownBy(() -> policy.check("bpmpd", "BISMILLAH123")).hasMessage("password.common");
	}

	/** Issue 16: what a list of 2,108 words let through, an estimator of guesses does not. */
	@Test
	void refusesGuessablePasswordsThatNoListHolds() {
		for (String weak : new String[] { "password1234", "qwertyuiop12", "ŋŋŋŋŋŋŋŋŋŋŋŋ", "jalanjalan2026",
				"rahasia12345", "Indonesia2026!", "kotatual2026", "123456789012", "aaaaaaaaaaaaaaaa" }) {
			assertThatThrownBy(() -> policy.check("bpmpd", weak)).as(weak).hasMessage("password.common");
		}
	}

	@Test
	void refusesThePublishedDemoPasswordForEveryAccount() {
		assertThatThrownBy(() -> policy.check("kesbangpol.budi", "tual-demo-2026")).hasMessage("password.published");
		assertThatThrownBy(() -> policy.check("kesbangpol.budi", "TUAL-DEMO-2026")).hasMessage("password.published");
	}

	@Test
	void refusesAPasswordContainingTheUserName() {
		assertThatThrownBy(() -> policy.check("kesbangpol", "my-Kesbangpol-pass")).hasMessage("password.containsUsername");
	}

	@Test
	void refusesOverlongPasswords() {
		assertThatThrownBy(() -> policy.check("bpmpd", "x".repeat(129))).hasMessage("password.tooLong");
	}

	@Test
	void temporaryPasswordsPassThePolicyAndDiffer() {
		String a = policy.temporary();
		assertThatCode(() -> policy.check("bpmpd", a)).doesNotThrowAnyException();
		assertThat(policy.temporary()).isNotEqualTo(a);
	}
}
