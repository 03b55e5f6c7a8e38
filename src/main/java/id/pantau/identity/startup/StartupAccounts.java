package id.pantau.identity.startup;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import id.pantau.identity.domain.AccountSeeding;
import id.pantau.identity.domain.PasswordPolicy;
import id.pantau.platform.Commands;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The account a new installation starts with: a database with no account at all (after the demo data, if any, has
 * had its turn) gets one administrator with a temporary password, printed once.
 */
@Component
@Order(100)
class StartupAccounts implements ApplicationRunner {

	private final AccountSeeding seeding;
	private final PasswordPolicy policy;
	private final AuditTrail audit;
	private final String command;

	StartupAccounts(AccountSeeding seeding, PasswordPolicy policy, AuditTrail audit,
			@Value("${" + Commands.PROPERTY + ":" + Commands.SERVE + "}") String command) {
		this.seeding = seeding;
		this.policy = policy;
		this.audit = audit;
		this.command = command;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!Commands.SERVE.equals(command) || !seeding.noAccounts()) {
			return;
		}
		String password = policy.temporary();
		seeding.seed("admin", "Administrator", Role.ADMIN, Agency.PEMERINTAH_KOTA, null, password, true);
		audit.recordAs("system", AuditEntry.of("INITIAL_ADMIN_CREATED").detail("username", "admin"));
		System.out.println();
		System.out.println("Akun administrator pertama dibuat: admin / " + password);
		System.out.println("Kata sandi ini sementara: ganti saat masuk pertama kali. Ia tidak akan ditampilkan lagi.");
	}
}
