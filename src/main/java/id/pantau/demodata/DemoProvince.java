package id.pantau.demodata;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.AccountOpening;
import id.pantau.identity.AccountOpening.NewAccount;
import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import id.pantau.registry.BirthDate;
import id.pantau.registry.Category;
import id.pantau.registry.DocumentType;
import id.pantau.registry.NameSource;
import id.pantau.registry.PersonHistory;
import id.pantau.registry.Registry;
import id.pantau.registry.Sex;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The province beside Kota Tual's demonstration ({@code pantau.demo.province=true}, set by the {@code province}
 * profile with Maluku's eleven regencies): officers scoped per regency (BPMPD of Kota Ambon, Maluku Tenggara and
 * Kepulauan Aru, Kesbangpol of Kota Ambon) and province-wide (Kesbangpol and TIMPORA of Maluku, scope 81), and
 * foreigners in Ambon, Langgur, Saumlaki and Dobo, so that each sees its own regency and the province sees them all.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DemoProvince {

	static final List<NewAccount> ACCOUNTS = List.of(
			new NewAccount("bpmpd.ambon", "Petugas BPMPD Kota Ambon", Role.BPMPD, Agency.BPMPD, "81.71"),
			new NewAccount("bpmpd.malra", "Petugas BPMPD Kabupaten Maluku Tenggara", Role.BPMPD, Agency.BPMPD,
					"81.02"),
			new NewAccount("bpmpd.aru", "Petugas BPMPD Kabupaten Kepulauan Aru", Role.BPMPD, Agency.BPMPD, "81.07"),
			new NewAccount("kesbangpol.ambon", "Petugas Kesbangpol Kota Ambon", Role.KESBANGPOL, Agency.KESBANGPOL,
					"81.71"),
			new NewAccount("kesbangpol.maluku", "Petugas Kesbangpol Provinsi Maluku", Role.KESBANGPOL,
					Agency.KESBANGPOL, "81"),
			new NewAccount("timpora.maluku", "Anggota TIMPORA Provinsi Maluku (Polda)", Role.TIMPORA, Agency.POLRES,
					"81"));

	/** Villages of four other regencies: Ambon (Wainitu, Benteng), Langgur, Saumlaki, Dobo (Galai Dubu, Siwa Lima). */
	static final List<String> VILLAGES = List.of("81.71.01.1007", "81.71.01.1008", "81.02.01.2014", "81.03.01.1001",
			"81.07.01.1012", "81.07.01.1013");

	private static final Logger log = LoggerFactory.getLogger(DemoProvince.class);

	private final AccountOpening accounts;
	private final Registry registry;
	private final AuditTrail audit;
	private final Clock clock;

	/** Adds the province's accounts and foreigners (once: nothing when its first account exists already). */
	void load() {
		if (accounts.exists(ACCOUNTS.get(0).username())) {
			return;
		}
		ACCOUNTS.forEach(a -> accounts.open(a, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET));
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		List<PersonHistory> persons = new ArrayList<>();
		String[][] people = {
				{ "Chen Wei", "CHN", "WORKER" }, { "Park Ji-hoon", "KOR", "WORKER" },
				{ "Maria Santos", "PHL", "FAMILY_OF_CITIZEN" }, { "Hendrik de Vries", "NLD", "RESEARCHER" },
				{ "Sarah Mitchell", "AUS", "TOURIST" }, { "Nguyen Van Long", "VNM", "EX_CREW" },
				{ "Somchai Srisuk", "THA", "EX_CREW" }, { "Kyaw Zin Oo", "MMR", "EX_CREW" },
				{ "Takeshi Yamada", "JPN", "WORKER" }, { "Liu Yang", "CHN", "WORKER" },
				{ "John Carter", "USA", "OTHER" }, { "Aung Myint", "MMR", "EX_CREW" } };
		for (int i = 0; i < people.length * 2; i++) {
			String[] p = people[i % people.length];
			String village = VILLAGES.get(i % VILLAGES.size());
			String name = i < people.length ? p[0] : p[0] + " " + (char) ('A' + i % 26);
			PersonHistory person = new PersonHistory(name, i % 3 == 0 ? Sex.F : Sex.M,
					BirthDate.ofYear(1965 + (i * 7) % 35), p[1], null, Category.valueOf(p[2]), null, NameSource.PASSPORT);
			person.document(DocumentType.PASSPORT, "MLK" + (100000 + i * 7919 % 900000), p[1], today.plusYears(3));
			if (!"EX_CREW".equals(p[2]) && !"TOURIST".equals(p[2])) {
				person.permit("ITAS", "2C81" + (10000000 + i * 104729), today.minusDays(100 + i * 10L),
						today.plusDays(20L + i * 15L), "Sponsor di " + village);
			}
			person.moveTo(village, "Alamat demo " + (i + 1), today.minusDays(90L + i * 30L));
			persons.add(person);
		}
		registry.registerHistories(persons, DemoRegistry.ACTOR);
		audit.recordAs("system", AuditEntry.of("DEMO_DATA_LOADED").detail("province", "81")
				.detail("accounts", ACCOUNTS.size()).detail("persons", persons.size()));
		log.info("Demo provinsi: {} akun, {} orang asing di {} desa", ACCOUNTS.size(), persons.size(), VILLAGES.size());
	}

	void print(PrintStream out) {
		if (!accounts.exists(ACCOUNTS.get(0).username())) {
			return;
		}
		out.println("Akun demo provinsi (kata sandi sama):");
		ACCOUNTS.forEach(a -> out.printf("  %-18s %-11s %s (%s)%s%n", a.username(), a.role(), a.fullName(),
				a.scopeCode(), accounts.needsSecondFactor(a.role()) ? "  (+ kode TOTP)" : ""));
		out.println();
	}
}
