package id.pantau.identity.domain;

import java.time.Clock;

import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates the accounts an installation starts with (the first administrator, and those of {@code AccountOpening}). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccountSeeding {

	private final UserAccounts accounts;
	private final PasswordEncoder encoder;
	private final Clock clock;

	public boolean noAccounts() {
		return accounts.count() == 0;
	}

	public long accounts() {
		return accounts.count();
	}

	public boolean exists(String username) {
		return accounts.existsByUsername(username);
	}

	/** @return whether the account was created (false when the name was taken) */
	@Transactional
	public boolean seed(String username, String fullName, Role role, Agency agency, String scopeCode, String password,
			boolean mustChange) {
		if (accounts.existsByUsername(username)) {
			return false;
		}
		accounts.save(UserAccount.create(username, fullName, null, role, agency, scopeCode, encoder.encode(password),
				mustChange, clock.instant()));
		return true;
	}
}
