package id.pantau.identity.domain;

import java.time.Instant;

import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person's account: its role, agency and territorial scope, and its password's state. */
@Table("user_account")
public class UserAccount {

	@Id
	private Long id;
	private String username;
	private String fullName;
	private String email;
	private Role role;
	private Agency agency;
	private String scopeCode;
	private String passwordHash;
	private boolean mustChangePassword;
	private boolean enabled;
	private Instant createdAt;
	private Instant updatedAt;
	private Instant passwordChangedAt;
	private Instant lastLoginAt;
	@Version
	private Integer version;

	UserAccount() {
	}

	static UserAccount create(String username, String fullName, String email, Role role, Agency agency,
			String scopeCode, String passwordHash, boolean mustChangePassword, Instant now) {
		UserAccount account = new UserAccount();
		account.username = username;
		account.fullName = fullName;
		account.email = email;
		account.role = role;
		account.agency = agency;
		account.scopeCode = scopeCode;
		account.passwordHash = passwordHash;
		account.mustChangePassword = mustChangePassword;
		account.enabled = true;
		account.createdAt = now;
		account.updatedAt = now;
		account.passwordChangedAt = now;
		return account;
	}

	void update(String fullName, String email, Role role, Agency agency, String scopeCode, Instant now) {
		this.fullName = fullName;
		this.email = email;
		this.role = role;
		this.agency = agency;
		this.scopeCode = scopeCode;
		this.updatedAt = now;
	}

	void disable(Instant now) {
		this.enabled = false;
		this.updatedAt = now;
	}

	void enable(Instant now) {
		this.enabled = true;
		this.updatedAt = now;
	}

	void changePassword(String hash, boolean mustChange, Instant now) {
		this.passwordHash = hash;
		this.mustChangePassword = mustChange;
		this.passwordChangedAt = now;
		this.updatedAt = now;
	}

	/** The password stays until the user has chosen another, which it must do before anything else. */
	void requirePasswordChange(Instant now) {
		this.mustChangePassword = true;
		this.updatedAt = now;
	}

	/** Whether an update would change who the user is or what it may see, so its sessions must start again. */
	boolean accessDiffers(Role role, Agency agency, String scopeCode) {
		return this.role != role || this.agency != agency || !java.util.Objects.equals(this.scopeCode, scopeCode);
	}

	public Long getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public String getFullName() {
		return fullName;
	}

	public String getEmail() {
		return email;
	}

	public Role getRole() {
		return role;
	}

	public Agency getAgency() {
		return agency;
	}

	public String getScopeCode() {
		return scopeCode;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	public boolean isMustChangePassword() {
		return mustChangePassword;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Instant getPasswordChangedAt() {
		return passwordChangedAt;
	}

	public Instant getLastLoginAt() {
		return lastLoginAt;
	}

	public Integer getVersion() {
		return version;
	}
}
