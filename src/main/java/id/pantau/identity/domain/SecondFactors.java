package id.pantau.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor (TOTP, RFC 6238) of accounts whose role needs one. An account enrols at its first login after the
 * password: Pantau shows a new secret once (base32 and otpauth URI), the user types a code from its app to prove it
 * took it, and the secret is stored encrypted; recovery codes are shown once and kept hashed. From then on every login
 * asks for a code. An administrator can reset the second factor (audited); the user then enrols again.
 */
@Service
public class SecondFactors {

	public static final String ISSUER = "Pantau";
	public static final int RECOVERY_CODES = 8;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final SecretBox box;
	private final SecuritySettings settings;
	private final UserAdministration administration;
	private final UserSessions sessions;
	private final AuditTrail audit;
	private final Clock clock;
	private final TotpTime time;

	SecondFactors(JdbcClient jdbc, SecretBox box, SecuritySettings settings, UserAdministration administration,
			UserSessions sessions, AuditTrail audit, Clock clock, Optional<TotpTime> time) {
		this.jdbc = jdbc;
		this.box = box;
		this.settings = settings;
		this.administration = administration;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
		this.time = time.orElse(clock::instant);
	}

	public boolean required(Role role) {
		return settings.requiresSecondFactor(role);
	}

	public boolean enrolled(long userId) {
		return jdbc.sql("select count(*) from user_second_factor where user_id = ?").param(userId).query(Long.class)
				.single() > 0;
	}

	/** What a user about to enrol is shown once: the secret and the URI an app reads. */
	public record Enrolment(String secret, String uri) implements java.io.Serializable {

		public String grouped() {
			return Totp.grouped(secret);
		}
	}

	public Enrolment newEnrolment(String username) {
		String secret = Totp.newSecret();
		return new Enrolment(secret, Totp.uri(ISSUER, username, secret));
	}

	/**
	 * Stores the secret when the code shows that the user's app has it.
	 *
	 * @return the recovery codes to show once, or empty when the code is wrong
	 */
	@Transactional
	public Optional<List<String>> enrol(PantauUser user, String secret, String code) {
		byte[] bytes = Totp.fromBase32(secret);
		OptionalLong step = Totp.matchingStep(bytes, code, time.now(), 0);
		if (step.isEmpty()) {
			audit.recordAs(user.getUsername(), AuditEntry.of("TOTP_CODE_REFUSED").subject("USER", user.id())
					.detail("during", "enrolment"));
			return Optional.empty();
		}
		store(user.id(), bytes, step.getAsLong());
		List<String> recovery = newRecoveryCodes(user.id());
		audit.recordAs(user.getUsername(), AuditEntry.of("TOTP_ENROLLED").subject("USER", user.id()));
		return Optional.of(recovery);
	}

	/** Whether this code (or an unused recovery code) completes the login; each is accepted once only. */
	@Transactional
	public boolean verify(PantauUser user, String code) {
		var row = jdbc.sql("select secret, last_step from user_second_factor where user_id = ? for update")
				.param(user.id()).query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) }).optional();
		if (row.isEmpty()) {
			return false;
		}
		byte[] secret = box.open((String) row.get()[0]);
		OptionalLong step = Totp.matchingStep(secret, code, time.now(), (Long) row.get()[1]);
		if (step.isPresent()) {
			jdbc.sql("update user_second_factor set last_step = ? where user_id = ?").param(step.getAsLong())
					.param(user.id()).update();
			return true;
		}
		if (useRecoveryCode(user.id(), code)) {
			audit.recordAs(user.getUsername(), AuditEntry.of("TOTP_RECOVERY_CODE_USED").subject("USER", user.id()));
			return true;
		}
		audit.recordAs(user.getUsername(), AuditEntry.of("TOTP_CODE_REFUSED").subject("USER", user.id()));
		return false;
	}

	/** An administrator removes a user's second factor (a lost phone); the user enrols again at its next login. */
	@Transactional
	public void reset(PantauUser admin, long userId) {
		UserAccount account = administration.manageable(admin, userId);
		jdbc.sql("delete from user_second_factor where user_id = ?").param(userId).update();
		jdbc.sql("delete from user_recovery_code where user_id = ?").param(userId).update();
		audit.record(AuditEntry.of("TOTP_RESET").subject("USER", userId).region(account.getScopeCode())
				.detail("username", account.getUsername()));
		sessions.endAll(account.getUsername());
	}

	/** Demo accounts start enrolled with a published secret, so that a newcomer can log in with any app. */
	@Transactional
	public boolean seed(String username, String secret) {
		Long id = jdbc.sql("select id from user_account where username = ?").param(username).query(Long.class)
				.optional().orElse(null);
		if (id == null || enrolled(id)) {
			return false;
		}
		store(id, Totp.fromBase32(secret), 0);
		return true;
	}

	private void store(long userId, byte[] secret, long step) {
		jdbc.sql("delete from user_second_factor where user_id = ?").param(userId).update();
		jdbc.sql("insert into user_second_factor (user_id, secret, enrolled_at, last_step) values (?, ?, ?, ?)")
				.param(userId).param(box.seal(secret)).param(Timestamp.from(clock.instant())).param(step).update();
	}

	private List<String> newRecoveryCodes(long userId) {
		jdbc.sql("delete from user_recovery_code where user_id = ?").param(userId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] bytes = new byte[7];
			RANDOM.nextBytes(bytes);
			String code = Totp.base32(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
			code = code.substring(0, 5) + "-" + code.substring(5);
			codes.add(code);
			jdbc.sql("insert into user_recovery_code (user_id, code_hash) values (?, ?)").param(userId)
					.param(hash(code)).update();
		}
		return codes;
	}

	private boolean useRecoveryCode(long userId, String typed) {
		if (typed == null || typed.isBlank() || typed.strip().length() > 20) {
			return false;
		}
		String code = typed.strip().toLowerCase(Locale.ROOT).replace(" ", "");
		if (code.length() == 10) {
			code = code.substring(0, 5) + "-" + code.substring(5);
		}
		return jdbc.sql("update user_recovery_code set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
				.param(Timestamp.from(clock.instant())).param(userId).param(hash(code)).update() == 1;
	}

	static String hash(String code) {
		try {
			return HexFormat.of().formatHex(
					MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Seconds until the current code changes, for the page to say so. */
	public long secondsLeftInStep() {
		Instant now = time.now();
		return Totp.STEP_SECONDS - Math.floorMod(now.getEpochSecond(), Totp.STEP_SECONDS);
	}
}
