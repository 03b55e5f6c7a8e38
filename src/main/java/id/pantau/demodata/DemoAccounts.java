package id.pantau.demodata;

import java.io.PrintStream;
import java.util.List;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.AccountOpening;
import id.pantau.identity.AccountOpening.NewAccount;
import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One demo account per role, with OHOI accounts for two villages, all with the same known password. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DemoAccounts {

	static final String PASSWORD = "tual-demo-2026";

	/**
	 * The TOTP secret of the demo accounts whose role needs a second factor (published like the password: demo
	 * accounts are for trying Pantau out, never for real data). Any authenticator app takes it.
	 */
	static final String TOTP_SECRET = "PANTAUDEMOKOTATUALMALUKUINDONESI";

	static final List<NewAccount> ACCOUNTS = List.of(
			new NewAccount("ohoi.fiditan", "Petugas Ohoi Fiditan", Role.OHOI, Agency.PEMERINTAH_OHOI, "81.72.01.2001"),
			new NewAccount("ohoi.taar", "Petugas Ohoi Taar", Role.OHOI, Agency.PEMERINTAH_OHOI, "81.72.02.2002"),
			new NewAccount("bpmpd", "Petugas BPMPD Kota Tual", Role.BPMPD, Agency.BPMPD, "81.72"),
			new NewAccount("kesbangpol", "Petugas Kesbangpol Kota Tual", Role.KESBANGPOL, Agency.KESBANGPOL, "81.72"),
			new NewAccount("imigrasi", "Petugas Kantor Imigrasi Tual", Role.IMIGRASI, Agency.IMIGRASI, null),
			new NewAccount("timpora.polres", "Anggota TIMPORA (Polres Tual)", Role.TIMPORA, Agency.POLRES, "81.72"),
			new NewAccount("timpora.lanal", "Anggota TIMPORA (Lanal Tual)", Role.TIMPORA, Agency.LANAL, "81.72"),
			new NewAccount("admin", "Administrator Pantau", Role.ADMIN, Agency.PEMERINTAH_KOTA, null));

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final AccountOpening accounts;
	private final AuditTrail audit;

	/** Adds the demo accounts that are missing; returns how many. */
	int load() {
		int added = 0;
		for (NewAccount account : ACCOUNTS) {
			if (accounts.open(account, PASSWORD, TOTP_SECRET)) {
				added++;
			}
		}
		if (added > 0) {
			audit.recordAs("system", AuditEntry.of("DEMO_DATA_LOADED").detail("accounts", added));
			log.info("{} akun demo dibuat", added);
		}
		return added;
	}

	boolean noAccounts() {
		return accounts.noAccounts();
	}

	/** Whether the installation has the demo accounts (the first and the last of them). */
	boolean present() {
		return accounts.exists(ACCOUNTS.get(0).username())
				&& accounts.exists(ACCOUNTS.get(ACCOUNTS.size() - 1).username());
	}

	/** Prints where to log in: each demo account with its role, the password and the authenticator key. */
	void print(PrintStream out) {
		out.println("Akun demo (kata sandi awal: " + PASSWORD + "):");
		ACCOUNTS.forEach(a -> out.printf("  %-16s %-11s %s%s%n", a.username(), a.role(), a.fullName(),
				accounts.needsSecondFactor(a.role()) ? "  (+ kode TOTP)" : ""));
		out.println("Akun bertanda + kode TOTP meminta kode dari aplikasi autentikator setelah kata sandi; kunci demo: "
				+ AccountOpening.groupedSecret(TOTP_SECRET));
		out.println("  " + AccountOpening.authenticatorUri("demo", TOTP_SECRET));
		out.println();
	}
}
