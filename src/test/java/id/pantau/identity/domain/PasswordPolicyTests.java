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
		assertThatCode(() -> policy.check("bpmpd", "ŋŋŋŋŋŋŋŋŋŋŋŋ")).doesNotThrowAnyException();
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThatThrownBy(() -> policy.check("bpmpd", "Administrator")).hasMessage("password.common");
		assertThatThrownBy(() -> policy.check("bpmpd", "BISMILLAH123")).hasMessage("password.common");
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
