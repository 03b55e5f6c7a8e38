package id.pantau.identity.demo;

import java.io.PrintStream;
import java.time.Clock;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.Agency;
import id.pantau.identity.DemoAccountsCreated;
import id.pantau.identity.Role;
import id.pantau.identity.domain.AccountSeeding;
import id.pantau.identity.domain.PasswordPolicy;
import id.pantau.identity.domain.SecondFactors;
import id.pantau.identity.domain.Totp;
import id.pantau.platform.Commands;
import id.pantau.platform.DatabaseMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The accounts a new installation starts with. Demo accounts are created on the first start of the embedded
 * database ({@code pantau.demo=auto}), or on any database when asked explicitly ({@code PANTAU_DEMO=true} or
 * {@code --pantau.demo=true}); never silently in a configured production database. A database with no account at
 * all gets one administrator with a temporary password, printed once.
 */
@Component
@Order(100)
class StartupAccounts implements ApplicationRunner {

	private final AccountSeeding seeding;
	private final SecondFactors factors;
	private final PasswordPolicy policy;
	private final AuditTrail audit;
	private final DatabaseMode database;
	private final Clock clock;
	private final String demo;
	private final String command;
	private final ApplicationEventPublisher events;
	private boolean demoPresent;

	StartupAccounts(AccountSeeding seeding, SecondFactors factors, PasswordPolicy policy, AuditTrail audit, DatabaseMode database,
			Clock clock, @Value("${pantau.demo:auto}") String demo,
			@Value("${" + Commands.PROPERTY + ":" + Commands.SERVE + "}") String command,
			ApplicationEventPublisher events) {
		this.seeding = seeding;
		this.factors = factors;
		this.policy = policy;
		this.audit = audit;
		this.database = database;
		this.clock = clock;
		this.demo = demo;
		this.command = command;
		this.events = events;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!Commands.SERVE.equals(command)) {
			return;
		}
		boolean wanted = "true".equalsIgnoreCase(demo)
				|| ("auto".equalsIgnoreCase(demo) && database.embedded() && seeding.noAccounts());
		if (wanted) {
			int created = DemoAccounts.load(seeding, factors, audit, clock);
			if (created > 0) {
				events.publishEvent(new DemoAccountsCreated(created));
			}
		}
		demoPresent = seeding.exists(DemoAccounts.ACCOUNTS.get(0).username())
				&& seeding.exists(DemoAccounts.ACCOUNTS.get(DemoAccounts.ACCOUNTS.size() - 1).username());
		if (seeding.noAccounts()) {
			String password = policy.temporary();
			seeding.seed("admin", "Administrator", Role.ADMIN, Agency.PEMERINTAH_KOTA, null, password, true);
			audit.recordAs("system", AuditEntry.of("INITIAL_ADMIN_CREATED").detail("username", "admin"));
			System.out.println();
			System.out.println("Akun administrator pertama dibuat: admin / " + password);
			System.out.println("Kata sandi ini sementara: ganti saat masuk pertama kali. Ia tidak akan ditampilkan lagi.");
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void printDemoAccounts() {
		if (!demoPresent) {
			return;
		}
		PrintStream out = System.out;
		out.println("Akun demo (kata sandi awal: " + DemoAccounts.PASSWORD + "):");
		DemoAccounts.ACCOUNTS.forEach(a -> out.printf("  %-16s %-11s %s%s%n", a.username(), a.role(), a.fullName(),
				factors.required(a.role()) ? "  (+ kode TOTP)" : ""));
		out.println("Akun bertanda + kode TOTP meminta kode dari aplikasi autentikator setelah kata sandi; kunci demo: "
				+ Totp.grouped(DemoAccounts.TOTP_SECRET));
		out.println("  " + Totp.uri(SecondFactors.ISSUER, "demo", DemoAccounts.TOTP_SECRET));
		out.println();
	}
}
