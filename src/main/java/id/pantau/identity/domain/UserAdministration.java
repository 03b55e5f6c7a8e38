package id.pantau.identity.domain;

import java.time.Clock;
import java.util.Locale;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.PantauUser;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.Scope;
import id.pantau.reference.Region;
import id.pantau.reference.ReferenceData;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator manages the accounts within its own scope: creates them, edits role, agency and scope, disables and
 * enables them, resets passwords. Every change is audited; a change to who the user is or what it may see ends the
 * user's sessions.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class UserAdministration {

	private final UserAccounts accounts;
	private final ReferenceData reference;
	private final PasswordEncoder encoder;
	private final PasswordPolicy policy;
	private final UserSessions sessions;
	private final AuditTrail audit;
	private final Clock clock;

	/** A new account and the temporary password to hand to its user (shown once, changed at the first login). */
	public record Created(UserAccount account, String temporaryPassword) {
	}

	@Transactional
	public Created create(PantauUser admin, UserForm form) {
		String username = form.username().trim().toLowerCase(Locale.ROOT);
		if (accounts.existsByUsername(username)) {
			throw new AccountException("user.username.taken", username);
		}
		String scopeCode = checkedScope(admin, form);
		String password = policy.temporary();
		UserAccount account = accounts.save(UserAccount.create(username, form.fullName().trim(), blankToNull(form.email()),
				form.role(), form.agency(), scopeCode, encoder.encode(password), true, clock.instant()));
		audit.record(AuditEntry.of("USER_CREATED").subject("USER", account.getId()).region(scopeCode)
				.detail("username", username).detail("role", form.role()).detail("agency", form.agency())
				.detail("scope", scopeOrWhole(scopeCode)));
		return new Created(account, password);
	}

	@Transactional
	public UserAccount update(PantauUser admin, long id, UserForm form, int version) {
		UserAccount account = manageable(admin, id);
		if (account.getVersion() != version) {
			throw new OptimisticLockingFailureException("User " + id + " changed since it was read");
		}
		String scopeCode = checkedScope(admin, form);
		boolean sameArea = java.util.Objects.equals(admin.scope().regionCode(), Scope.of(scopeCode).regionCode());
		if (account.getId() == admin.id() && (form.role() != account.getRole() || !sameArea)) {
			throw new AccountException("user.cannotChangeOwnAccess");
		}
		boolean accessChanged = account.accessDiffers(form.role(), form.agency(), scopeCode);
		String before = account.getRole() + "/" + account.getAgency() + "/" + scopeOrWhole(account.getScopeCode());
		account.update(form.fullName().trim(), blankToNull(form.email()), form.role(), form.agency(), scopeCode,
				clock.instant());
		accounts.save(account);
		audit.record(AuditEntry.of("USER_UPDATED").subject("USER", id).region(scopeCode)
				.detail("username", account.getUsername()).detail("before", before)
				.detail("after", form.role() + "/" + form.agency() + "/" + scopeOrWhole(scopeCode)));
		if (accessChanged) {
			sessions.endAll(account.getUsername());
		}
		return account;
	}

	@Transactional
	public void disable(PantauUser admin, long id) {
		UserAccount account = manageable(admin, id);
		if (account.getId() == admin.id()) {
			throw new AccountException("user.cannotDisableSelf");
		}
		account.disable(clock.instant());
		accounts.save(account);
		audit.record(AuditEntry.of("USER_DISABLED").subject("USER", id).region(account.getScopeCode())
				.detail("username", account.getUsername()));
		sessions.endAll(account.getUsername());
	}

	@Transactional
	public void enable(PantauUser admin, long id) {
		UserAccount account = manageable(admin, id);
		account.enable(clock.instant());
		accounts.save(account);
		audit.record(AuditEntry.of("USER_ENABLED").subject("USER", id).region(account.getScopeCode())
				.detail("username", account.getUsername()));
	}

	/** @return the temporary password to hand to the user */
	@Transactional
	public String resetPassword(PantauUser admin, long id) {
		UserAccount account = manageable(admin, id);
		String password = policy.temporary();
		account.changePassword(encoder.encode(password), true, clock.instant());
		accounts.save(account);
		audit.record(AuditEntry.of("PASSWORD_RESET").subject("USER", id).region(account.getScopeCode())
				.detail("username", account.getUsername()));
		sessions.endAll(account.getUsername());
		return password;
	}

	/** The account, if the administrator's scope covers the account's scope; otherwise as if it did not exist. */
	@Transactional(readOnly = true)
	public UserAccount manageable(PantauUser admin, long id) {
		UserAccount account = accounts.findById(id).orElseThrow(() -> new NotFoundException("user " + id));
		if (!admin.scope().covers(Scope.of(account.getScopeCode()))) {
			throw new NotFoundException("user " + id);
		}
		return account;
	}

	private String checkedScope(PantauUser admin, UserForm form) {
		String code = blankToNull(form.scopeCode());
		Scope scope = Scope.of(code);
		if (code != null) {
			if (!Scope.isRegionCode(code)) {
				throw new AccountException("user.scope.unknown", code);
			}
			Region region = reference.region(code).orElseThrow(() -> new AccountException("user.scope.unknown", code));
			if (!form.role().acceptsScopeLevel(region.level())) {
				throw new AccountException("user.scope.villageRequired");
			}
		}
		else if (!form.role().acceptsScopeLevel(null)) {
			throw new AccountException("user.scope.villageRequired");
		}
		if (!admin.scope().covers(scope)) {
			throw new AccountException("user.scope.outsideOwn");
		}
		return code;
	}

	private static String scopeOrWhole(String code) {
		return code == null ? "*" : code;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
