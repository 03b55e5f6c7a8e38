package id.pantau.identity;

import id.pantau.identity.domain.AccountSeeding;
import id.pantau.identity.domain.SecondFactors;
import id.pantau.identity.domain.Totp;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens accounts that an installation starts with, for trusted start-up code (never a user's request): no role
 * checks, no audit of its own. Officers' accounts are otherwise opened by an administrator.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccountOpening {

	/** An account to open: the password given is its first, and needs no change. */
	public record NewAccount(String username, String fullName, Role role, Agency agency, String scopeCode) {
	}

	private final AccountSeeding seeding;
	private final SecondFactors factors;

	/** Whether the installation has no account at all yet. */
	public boolean noAccounts() {
		return seeding.noAccounts();
	}

	/** How many accounts there are, of every kind. */
	public long accounts() {
		return seeding.accounts();
	}

	public boolean exists(String username) {
		return seeding.exists(username);
	}

	/** Whether the role logs in with a second factor after the password. */
	public boolean needsSecondFactor(Role role) {
		return factors.required(role);
	}

	/**
	 * Opens the account unless its name is taken; when its role needs a second factor, the account starts enrolled
	 * with the TOTP secret given (Base32).
	 *
	 * @return whether the account was opened
	 */
	@Transactional
	public boolean open(NewAccount account, String password, String totpSecret) {
		if (!seeding.seed(account.username(), account.fullName(), account.role(), account.agency(),
				account.scopeCode(), password, false)) {
			return false;
		}
		if (factors.required(account.role())) {
			factors.seed(account.username(), totpSecret);
		}
		return true;
	}

	/** A TOTP secret (Base32) in groups of four, as an authenticator app asks it typed. */
	public static String groupedSecret(String totpSecret) {
		return Totp.grouped(totpSecret);
	}

	/** The {@code otpauth://} address an authenticator app reads for the secret, under {@code account}. */
	public static String authenticatorUri(String account, String totpSecret) {
		return Totp.uri(SecondFactors.ISSUER, account, totpSecret);
	}
}
