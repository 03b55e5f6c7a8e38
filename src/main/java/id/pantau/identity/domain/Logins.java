package id.pantau.identity.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.PantauUser;
import id.pantau.platform.DatabaseMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records logins and logouts, and changes a user's own password. */
@Service
public class Logins {

	private final UserAccounts accounts;
	private final LoginThrottle throttle;
	private final PasswordEncoder encoder;
	private final PasswordPolicy policy;
	private final UserSessions sessions;
	private final AuditTrail audit;
	private final Clock clock;
	private final boolean demoMode;

	Logins(UserAccounts accounts, LoginThrottle throttle, PasswordEncoder encoder, PasswordPolicy policy,
			UserSessions sessions, AuditTrail audit, Clock clock, DatabaseMode database,
			@Value("${pantau.demo:auto}") String demo) {
		// the demo accounts' published password is theirs only where demo accounts are meant to be (StartupAccounts)
		this.demoMode = "true".equalsIgnoreCase(demo) || ("auto".equalsIgnoreCase(demo) && database.embedded());
		this.accounts = accounts;
		this.throttle = throttle;
		this.encoder = encoder;
		this.policy = policy;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Outside demo mode the published demo password is no one's secret: an account that still signs in with it (a
	 * demo account left in a database now used for real) must choose another before anything else. Returns the user
	 * as it is to be signed in.
	 */
	@Transactional
	public PantauUser checkPublishedPassword(PantauUser user, String typedPassword) {
		if (demoMode || typedPassword == null || !PasswordPolicy.DEMO_PASSWORD.equals(typedPassword)
				|| user.mustChangePassword()) {
			return user;
		}
		accounts.findById(user.id()).ifPresent(account -> {
			account.requirePasswordChange(clock.instant());
			accounts.save(account);
		});
		audit.recordAs(user.getUsername(), AuditEntry.of("PASSWORD_CHANGE_REQUIRED").subject("USER", user.id())
				.detail("reason", "published"));
		return user.withPasswordChangeRequired();
	}

	/** The password of a user whose role needs a second factor was right; the login waits for the code. */
	@Transactional
	public void passwordAccepted(PantauUser user) {
		audit.recordAs(user.getUsername(), AuditEntry.of("LOGIN_PASSWORD_ACCEPTED").subject("USER", user.id()));
	}

	/** A wrong second-factor code counts against the account and the address like a wrong password. */
	public void codeRefused(PantauUser user, String address) {
		throttle.codeFailed(user.getUsername(), address);
	}

	@Transactional
	public void succeeded(PantauUser user, String address) {
		throttle.succeeded(user.getUsername(), address);
		accounts.recordLogin(user.id(), clock.instant());
		audit.recordAs(user.getUsername(), AuditEntry.of("LOGIN_SUCCEEDED").subject("USER", user.id()));
	}

	/**
	 * Only the name of an existing account is written to the trail: what someone typed into the name field may be a
	 * password.
	 */
	@Transactional
	public void failed(String typedUsername, String address, String reason) {
		throttle.failed(typedUsername, address);
		String username = typedUsername == null ? "" : typedUsername.trim().toLowerCase(Locale.ROOT);
		var account = accounts.findByUsername(username);
		audit.recordAs(account.map(UserAccount::getUsername).orElse("(tidak dikenal)"),
				AuditEntry.of("LOGIN_FAILED").subject("USER", account.map(UserAccount::getId).orElse(null))
						.detail("reason", reason));
	}

	@Transactional
	public void throttled(String typedUsername) {
		String username = typedUsername == null ? "" : typedUsername.trim().toLowerCase(Locale.ROOT);
		var account = accounts.findByUsername(username);
		audit.recordAs(account.map(UserAccount::getUsername).orElse("(tidak dikenal)"),
				AuditEntry.of("LOGIN_THROTTLED").subject("USER", account.map(UserAccount::getId).orElse(null)));
	}

	@Transactional
	public void loggedOut(PantauUser user) {
		audit.recordAs(user.getUsername(), AuditEntry.of("LOGOUT").subject("USER", user.id()));
	}

	/**
	 * Changes the signed-in user's password and ends its other sessions. The current password is checked under the
	 * login throttle, as a login from {@code address} would be: whoever holds a session (a borrowed phone, a stolen
	 * cookie) cannot guess it here without limit. Each wrong guess and each attempt held back is audited (the audit
	 * row stays although the change is refused).
	 */
	@Transactional(noRollbackFor = AccountException.class)
	public void changePassword(PantauUser user, String current, String replacement, String currentSessionId,
			String address) {
		Optional<Duration> wait = throttle.waitFor(user.getUsername(), address);
		if (wait.isPresent()) {
			audit.record(AuditEntry.of("PASSWORD_CHANGE_FAILED").subject("USER", user.id())
					.detail("reason", "throttled"));
			throw new AccountException("password.wait", Math.max(1, (wait.get().toMillis() + 999) / 1000));
		}
		UserAccount account = accounts.findById(user.id()).orElseThrow();
		if (!encoder.matches(current, account.getPasswordHash())) {
			throttle.failed(user.getUsername(), address);
			audit.record(AuditEntry.of("PASSWORD_CHANGE_FAILED").subject("USER", user.id())
					.detail("reason", "currentWrong"));
			throw new AccountException("password.currentWrong");
		}
		if (encoder.matches(replacement, account.getPasswordHash())) {
			throw new AccountException("password.same");
		}
		policy.check(account.getUsername(), replacement);
		account.changePassword(encoder.encode(replacement), false, clock.instant());
		accounts.save(account);
		audit.record(AuditEntry.of("PASSWORD_CHANGED").subject("USER", user.id()));
		sessions.endAllExcept(user.getUsername(), currentSessionId);
	}
}
