package id.pantau.identity.demo;

import java.time.Clock;
import java.util.List;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import id.pantau.identity.domain.AccountSeeding;
import id.pantau.identity.domain.SecondFactors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One demo account per role, with OHOI accounts for two villages, all with the same known password. */
final class DemoAccounts {

	static final String PASSWORD = "tual-demo-2026";

	/**
	 * The TOTP secret of the demo accounts whose role needs a second factor (published like the password: demo
	 * accounts are for trying Pantau out, never for real data). Any authenticator app takes it.
	 */
	static final String TOTP_SECRET = "PANTAUDEMOKOTATUALMALUKUINDONESI";

	record Demo(String username, String fullName, Role role, Agency agency, String scopeCode) {
	}

	static final List<Demo> ACCOUNTS = List.of(
			new Demo("ohoi.fiditan", "Petugas Ohoi Fiditan", Role.OHOI, Agency.PEMERINTAH_OHOI, "81.72.01.2001"),
			new Demo("ohoi.taar", "Petugas Ohoi Taar", Role.OHOI, Agency.PEMERINTAH_OHOI, "81.72.02.2002"),
			new Demo("bpmpd", "Petugas BPMPD Kota Tual", Role.BPMPD, Agency.BPMPD, "81.72"),
			new Demo("kesbangpol", "Petugas Kesbangpol Kota Tual", Role.KESBANGPOL, Agency.KESBANGPOL, "81.72"),
			new Demo("imigrasi", "Petugas Kantor Imigrasi Tual", Role.IMIGRASI, Agency.IMIGRASI, null),
			new Demo("timpora.polres", "Anggota TIMPORA (Polres Tual)", Role.TIMPORA, Agency.POLRES, "81.72"),
			new Demo("timpora.lanal", "Anggota TIMPORA (Lanal Tual)", Role.TIMPORA, Agency.LANAL, "81.72"),
			new Demo("admin", "Administrator Pantau", Role.ADMIN, Agency.PEMERINTAH_KOTA, null));

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private DemoAccounts() {
	}

	/** Adds the demo accounts that are missing. */
	static int load(AccountSeeding seeding, SecondFactors factors, AuditTrail audit, Clock clock) {
		int added = 0;
		for (Demo demo : ACCOUNTS) {
			if (seeding.seed(demo.username(), demo.fullName(), demo.role(), demo.agency(), demo.scopeCode(), PASSWORD,
					false)) {
				added++;
				if (factors.required(demo.role())) {
					factors.seed(demo.username(), TOTP_SECRET);
				}
			}
		}
		if (added > 0) {
			audit.recordAs("system", AuditEntry.of("DEMO_DATA_LOADED").detail("accounts", added));
			log.info("{} akun demo dibuat", added);
		}
		return added;
	}
}
