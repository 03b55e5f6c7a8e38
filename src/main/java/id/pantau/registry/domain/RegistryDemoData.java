package id.pantau.registry.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.DemoAccountsCreated;
import id.pantau.registry.BirthDate;
import id.pantau.registry.Category;
import id.pantau.registry.DocumentType;
import id.pantau.registry.HumanitarianFlag;
import id.pantau.registry.IdentityLinkKind;
import id.pantau.registry.NameSource;
import id.pantau.registry.PersonStatus;
import id.pantau.registry.Sex;
import id.pantau.registry.VesselStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * About 200 foreigners for a demonstration of Kota Tual, shaped like the field: former crew from Myanmar, Thailand,
 * Cambodia and Laos living in villages for years (some with a Kei name and a NIK, some carrying another country's
 * papers, some with no document at all), crew of active vessels, company workers, researchers, missionaries, spouses
 * of citizens and tourists, spread over the villages. Generated from a fixed seed, so every demo looks the same.
 * All names are invented.
 */
@Component
class RegistryDemoData {

	private static final Logger log = LoggerFactory.getLogger(RegistryDemoData.class);
	private static final String ACTOR = "demo";
	/** The start of the notes of the persons made as clear cases for the detection rules. */
	static final String DETECTION_CASE = "Kasus demo deteksi dini: ";

	private static final String[] MYANMAR = { "AUNG", "KYAW", "MIN", "HTUN", "ZAW", "WIN", "THEIN", "SOE", "NAING",
			"MYINT", "TUN", "OO", "HLAING", "THANT", "LWIN", "NYEIN", "KO", "SAN" };
	private static final String[] THAI_GIVEN = { "SOMCHAI", "SOMSAK", "PRASERT", "SURACHAI", "WICHAI", "ANAN", "KITTI",
			"NIRAN", "BOONMEE", "CHATCHAI" };
	private static final String[] THAI_FAMILY = { "SRISUK", "WONGSA", "CHAIYAPORN", "BOONMA", "KAEWMANEE", "SAETANG",
			"THONGDEE", "PHROMMA" };
	private static final String[] KHMER_GIVEN = { "VANNAK", "SAMBO", "DARA", "RITHY", "PISETH", "SOPHEAK", "VIBOL" };
	private static final String[] KHMER_FAMILY = { "SOK", "CHEA", "HENG", "LIM", "SENG", "PHAL", "CHAN", "KIM" };
	private static final String[] LAO_GIVEN = { "SOMPHONE", "KHAMPHOUT", "BOUNMY", "VIENGSAVANH", "PHOUVONG", "SENGDAO" };
	private static final String[] LAO_FAMILY = { "SOUVANNAVONG", "PHOMMACHANH", "KEOMANY", "SIPHANDONE", "INTHAVONG" };
	private static final String[] VIET_FAMILY = { "NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "VU" };
	private static final String[] VIET_GIVEN = { "HUNG", "NAM", "MINH", "TUAN", "DUNG", "LONG", "THANH", "HAI" };
	private static final String[] CHINESE = { "WANG WEI", "LI QIANG", "ZHANG WEI", "LIU YANG", "CHEN JIE", "HUANG LEI",
			"ZHAO MIN", "WU HAO" };
	private static final String[] KOREAN = { "KIM MIN JUN", "LEE SEUNG HO", "PARK JI HOON", "CHOI YOUNG SOO",
			"JUNG HAE IN" };
	private static final String[] FILIPINO = { "JUAN DELA CRUZ", "JOSE REYES", "MARK BAUTISTA", "RAMON VILLANUEVA",
			"ARNEL GARCIA" };
	private static final String[] WESTERN_GIVEN = { "JAMES", "SARAH", "PIETER", "JAN", "MARKUS", "EMMA", "DAVID",
			"ANNA", "THOMAS", "LUCAS", "SOPHIE", "MICHAEL" };
	private static final String[] WESTERN_FAMILY = { "WILSON", "THOMPSON", "DE VRIES", "BAKKER", "WEBER", "CLARK",
			"MILLER", "JANSEN", "SCHMIDT", "TAYLOR", "VAN DIJK", "BROWN" };
	private static final String[] KEI_GIVEN = { "YOHANES", "PETRUS", "ANTONIUS", "MARKUS", "YOSEPH", "PAULUS",
			"FRANSISKUS", "ABDUL", "HASAN" };
	private static final String[] KEI_FAMILY = { "RENWARIN", "RAHAYAAN", "OHOIWUTUN", "NOTANUBUN", "RETTOB", "NGABALIN",
			"JAMLEAN", "SILUBUN", "ELMAS", "RAHANRA", "UBRO", "LETSOIN", "RENYAAN", "MATDOAN", "OHOITIMUR", "TAMHER" };

	private static final String[] CITY_VILLAGES = { "81.72.02.1003", "81.72.02.1004", "81.72.02.1005", "81.72.02.2001",
			"81.72.02.2002" };
	private static final String[] COAST_VILLAGES = { "81.72.01.2001", "81.72.01.2002", "81.72.01.2003",
			"81.72.01.2004", "81.72.01.2005", "81.72.01.2006", "81.72.01.2007", "81.72.01.2008", "81.72.02.2002" };
	private static final String[] ISLAND_VILLAGES = { "81.72.03.2001", "81.72.03.2002", "81.72.03.2004",
			"81.72.04.2001", "81.72.04.2002", "81.72.04.2005", "81.72.05.2001", "81.72.05.2003", "81.72.05.2006" };

	private final Persons persons;
	private final Vessels vessels;
	private final AuditTrail audit;
	private final Clock clock;

	RegistryDemoData(Persons persons, Vessels vessels, AuditTrail audit, Clock clock) {
		this.persons = persons;
		this.vessels = vessels;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	@Order(1)
	@Transactional
	void onDemoAccounts(DemoAccountsCreated event) {
		if (persons.count() > 0) {
			return;
		}
		List<Person> created = generate(new Random(2026));
		persons.saveAll(created);
		audit.recordAs("system", AuditEntry.of("DEMO_DATA_LOADED").detail("persons", created.size()));
		log.info("{} orang asing demo dibuat", created.size());
	}

	List<Person> generate(Random random) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Generator g = new Generator(random, now, today);
		List<Vessel> fleet = vessels.saveAll(List.of(
				Vessel.register("KM Mitra Jaya 21", "IDN", "GT.120 No.4521/PPm", null, "PT Mitra Samudra Tual",
						VesselStatus.ACTIVE, null, now),
				Vessel.register("KM Samudra Baru 08", "IDN", "GT.98 No.3310/PPm", null, "CV Baru Bahari",
						VesselStatus.ACTIVE, null, now),
				Vessel.register("KM Aru Marine 11", "IDN", "GT.150 No.5102/PPm", null, "PT Aru Marine",
						VesselStatus.ACTIVE, null, now),
				Vessel.register("KM Antasena 809", "IDN", "GT.200 No.1899/PPm", null, "PT Antasena Perikanan",
						VesselStatus.SEIZED, "Disita 2015, moratorium kapal eks asing", now),
				Vessel.register("KM Bintang Samudera 5", "IDN", "GT.180 No.2240/PPm", null, "PT Bintang Samudera",
						VesselStatus.SEIZED, null, now),
				Vessel.register("KM Permata 3", "IDN", "GT.90 No.1450/PPm", null, "CV Permata Laut",
						VesselStatus.SUNK, "Tenggelam dekat Pulau Kur", now),
				Vessel.register("FV Sin Yi Fa 12", "TWN", null, "8812345", "Sin Yi Fa Fishery Co.",
						VesselStatus.DEPARTED, null, now),
				Vessel.register("KM Nusantara Fortune", "THA", null, "9123457", "Fortune Marine Co. Ltd",
						VesselStatus.DEPARTED, null, now)));
		List<Person> all = new ArrayList<>();
		for (int i = 0; i < 62; i++) {
			all.add(g.exCrew(fleet.get(3 + random.nextInt(5)).getId()));
		}
		for (int i = 0; i < 38; i++) {
			all.add(g.crew(fleet.get(random.nextInt(3)).getId()));
		}
		for (int i = 0; i < 28; i++) {
			all.add(g.worker());
		}
		for (int i = 0; i < 12; i++) {
			all.add(g.researcherOrMissionary(i % 3 == 0));
		}
		for (int i = 0; i < 8; i++) {
			all.add(g.researcherOrMissionary(true));
		}
		for (int i = 0; i < 20; i++) {
			all.add(g.spouse());
		}
		for (int i = 0; i < 26; i++) {
			all.add(g.tourist());
		}
		for (int i = 0; i < 3; i++) {
			all.add(g.student());
		}
		all.add(g.stateless());
		all.add(g.stateless());
		registerMostSktt(all, new Random(2029));
		all.addAll(g.detectionCases(fleet));
		return all;
	}

	/** Most ITAS holders have registered with Dukcapil for an SKTT; some have not (a NO_SKTT case). */
	private void registerMostSktt(List<Person> all, Random random) {
		Instant now = clock.instant();
		for (Person person : all) {
			boolean itas = person.getPermits().stream().anyMatch(p -> "ITAS".equals(p.permitType()));
			if (itas && random.nextInt(5) > 0) {
				person.linkIdentity(IdentityLinkKind.SKTT, "SKTT/8172/" + (1000 + random.nextInt(9000)),
						"Dinas Dukcapil Kota Tual", ACTOR, now);
			}
		}
	}

	private static final class Generator {

		private final Random random;
		private final Instant now;
		private final LocalDate today;

		Generator(Random random, Instant now, LocalDate today) {
			this.random = random;
			this.now = now;
			this.today = today;
		}

		Person exCrew(long vesselId) {
			int origin = random.nextInt(10);
			String nationality = origin < 5 ? "MMR" : origin < 7 ? "THA" : origin < 9 ? "KHM" : "LAO";
			String name = nameOf(nationality);
			boolean carriesThaiPapers = nationality.equals("MMR") && random.nextInt(4) == 0;
			String documented = carriesThaiPapers ? "THA" : random.nextInt(5) == 0 ? null : nationality;
			Person person = Person.register(identity(name, Sex.M, birth(1960, 1992), documented,
					carriesThaiPapers || documented == null ? nationality : null, Category.EX_CREW), NameSource.VILLAGE_REPORT,
					ACTOR, now);
			int arrived = 2000 + random.nextInt(17);
			LocalDate ashore = LocalDate.of(arrived, 1 + random.nextInt(12), 1 + random.nextInt(28));
			person.assignToVessel(vesselId, "ABK", ashore.minusYears(1 + random.nextInt(3)), ashore, ACTOR, now);
			if (documented != null && random.nextInt(3) > 0) {
				person.addDocument(carriesThaiPapers ? DocumentType.SEAMAN_BOOK : DocumentType.PASSPORT,
						documentNumber(documented), documented, ashore.plusYears(5), ACTOR, now);
			}
			if (random.nextInt(3) == 0) {
				person.addName(name.contains(" ") ? "U " + name : name, NameSource.SELF_DECLARED, ACTOR, now);
			}
			if (random.nextInt(4) == 0) {
				String keiName = pick(KEI_GIVEN) + " " + pick(KEI_FAMILY);
				person.addName(keiName, NameSource.NIK_RECORD, ACTOR, now);
				person.linkIdentity(IdentityLinkKind.NIK, nik(), "Terdaftar di Dukcapil Kota Tual", ACTOR, now);
			}
			if (random.nextInt(12) == 0) {
				person.flag(HumanitarianFlag.TRAFFICKING_VICTIM, ashore, "Ditinggalkan kapal tanpa upah", ACTOR, now);
			}
			person.moveTo(village(COAST_VILLAGES, ISLAND_VILLAGES), "RT 0" + (1 + random.nextInt(5)), ashore, ACTOR,
					now);
			int fate = random.nextInt(20);
			if (fate == 0) {
				person.changeStatus(PersonStatus.WHEREABOUTS_UNKNOWN, "Tidak ditemukan saat pendataan ulang", ACTOR, now);
			}
			else if (fate == 1) {
				person.changeStatus(PersonStatus.DEPORTED, "Dipulangkan melalui TPI Ambon", ACTOR, now);
			}
			return person;
		}

		/**
		 * One clear case for each early-detection rule, marked in the notes ({@value #DETECTION_CASE}) so that the
		 * crossing demo can give them the crossings the cases need.
		 */
		List<Person> detectionCases(List<Vessel> fleet) {
			List<Person> cases = new ArrayList<>();
			Person overstay = Person.register(new Person.Identity("TRAN VAN TOAN", Sex.M,
					BirthDate.of(LocalDate.of(1986, 3, 14)), "VNM", null, Category.WORKER,
					DETECTION_CASE + "izin tinggal lewat 25 hari"), NameSource.PASSPORT, ACTOR, now);
			overstay.addDocument(DocumentType.PASSPORT, "C7012345", "VNM", today.plusYears(3), ACTOR, now);
			overstay.addPermit("ITAS", "2C11" + "70123456", today.minusDays(390), today.minusDays(25),
					"PT Maluku Cold Storage", ACTOR, now);
			overstay.linkIdentity(IdentityLinkKind.SKTT, "SKTT/8172/7012", "Dinas Dukcapil Kota Tual", ACTOR, now);
			overstay.moveTo("81.72.02.1004", "Mes karyawan", today.minusDays(390), ACTOR, now);
			cases.add(overstay);

			Person longOverstay = Person.register(new Person.Identity("PIETER BAKKER", Sex.M,
					BirthDate.of(LocalDate.of(1979, 8, 2)), "NLD", null, Category.TOURIST,
					DETECTION_CASE + "bebas visa lewat 90 hari"), NameSource.PASSPORT, ACTOR, now);
			longOverstay.addDocument(DocumentType.PASSPORT, "NX8812345", "NLD", today.plusYears(5), ACTOR, now);
			longOverstay.addPermit("BEBAS_VISA", null, today.minusDays(120), today.minusDays(90), null, ACTOR, now);
			longOverstay.moveTo("81.72.01.2003", "Homestay", today.minusDays(120), ACTOR, now);
			cases.add(longOverstay);

			Person expiring = Person.register(new Person.Identity("SOPHIE WEBER", Sex.F,
					BirthDate.of(LocalDate.of(1990, 11, 20)), "DEU", null, Category.RESEARCHER,
					DETECTION_CASE + "izin tinggal berakhir 12 hari lagi"), NameSource.PASSPORT, ACTOR, now);
			expiring.addDocument(DocumentType.PASSPORT, "C4LK77123", "DEU", today.plusYears(6), ACTOR, now);
			expiring.addPermit("ITAS", "2C21" + "88123456", today.minusDays(300), today.plusDays(12),
					"Politeknik Perikanan Negeri Tual", ACTOR, now);
			expiring.linkIdentity(IdentityLinkKind.SKTT, "SKTT/8172/8812", "Dinas Dukcapil Kota Tual", ACTOR, now);
			expiring.moveTo("81.72.02.1003", "Rumah kontrakan", today.minusDays(300), ACTOR, now);
			cases.add(expiring);

			Person backAgain = Person.register(new Person.Identity("JAMES TAYLOR", Sex.M,
					BirthDate.of(LocalDate.of(1983, 5, 9)), "AUS", null, Category.TOURIST,
					DETECTION_CASE + "tinggal di desa setelah keluar"), NameSource.PASSPORT, ACTOR, now);
			backAgain.addDocument(DocumentType.PASSPORT, "PA9031234", "AUS", today.plusYears(4), ACTOR, now);
			backAgain.addPermit("VOA", null, today.minusDays(70), today.minusDays(40), null, ACTOR, now);
			backAgain.moveTo("81.72.02.2002", "Penginapan", today.minusDays(10), ACTOR, now);
			cases.add(backAgain);

			Person ashore = Person.register(new Person.Identity("KYAW ZAW HTUN", Sex.M,
					BirthDate.ofYear(1981), "MMR", null, Category.EX_CREW,
					DETECTION_CASE + "eks ABK kapal yang disita"), NameSource.VILLAGE_REPORT, ACTOR, now);
			ashore.assignToVessel(fleet.get(4).getId(), "ABK", today.minusYears(4), today.minusYears(3), ACTOR, now);
			ashore.moveTo("81.72.01.2005", "Pondok dekat pantai", today.minusYears(3), ACTOR, now);
			cases.add(ashore);

			Person holder = Person.register(new Person.Identity("SOMSAK SAETANG", Sex.M,
					BirthDate.of(LocalDate.of(1977, 1, 30)), "THA", null, Category.WORKER,
					DETECTION_CASE + "nomor paspor yang sama dengan orang lain"), NameSource.PASSPORT, ACTOR, now);
			holder.addDocument(DocumentType.PASSPORT, "AB7654321", "THA", today.plusYears(2), ACTOR, now);
			holder.addPermit("ITAS", "2C11" + "76543210", today.minusDays(200), today.plusDays(160),
					"CV Kei Mutiara", ACTOR, now);
			holder.linkIdentity(IdentityLinkKind.SKTT, "SKTT/8172/7654", "Dinas Dukcapil Kota Tual", ACTOR, now);
			holder.moveTo("81.72.02.1005", "Mes karyawan", today.minusDays(200), ACTOR, now);
			cases.add(holder);
			Person borrower = Person.register(new Person.Identity("MIN AUNG", Sex.M, BirthDate.ofYear(1984), "THA",
					"MMR", Category.OTHER, DETECTION_CASE + "memakai nomor paspor orang lain"),
					NameSource.VILLAGE_REPORT, ACTOR, now);
			borrower.addDocument(DocumentType.PASSPORT, "AB 7654321", "THA", null, ACTOR, now);
			borrower.moveTo("81.72.01.2002", "Rumah warga", today.minusYears(2), ACTOR, now);
			cases.add(borrower);

			Person noSktt = Person.register(new Person.Identity("ARNEL GARCIA", Sex.M,
					BirthDate.of(LocalDate.of(1988, 7, 7)), "PHL", null, Category.WORKER,
					DETECTION_CASE + "ITAS tanpa SKTT"), NameSource.PASSPORT, ACTOR, now);
			noSktt.addDocument(DocumentType.PASSPORT, "P6612345A", "PHL", today.plusYears(4), ACTOR, now);
			noSktt.addPermit("ITAS", "2C11" + "66123456", today.minusDays(60), today.plusDays(300), "PT Aru Marine",
					ACTOR, now);
			noSktt.moveTo("81.72.02.2001", "Mes karyawan", today.minusDays(60), ACTOR, now);
			cases.add(noSktt);
			return cases;
		}

		Person crew(long vesselId) {
			String nationality = pickOf("MMR", "MMR", "THA", "VNM", "CHN", "PHL");
			Person person = Person.register(identity(nameOf(nationality), Sex.M, birth(1975, 2003), nationality, null,
					Category.CREW), NameSource.CROSSING, ACTOR, now);
			LocalDate signedOn = today.minusDays(30 + random.nextInt(600));
			person.assignToVessel(vesselId, pickOf("ABK", "ABK", "ABK", "Juru mesin", "Mualim"), signedOn, null,
					ACTOR, now);
			person.addDocument(DocumentType.SEAMAN_BOOK, documentNumber(nationality), nationality,
					today.plusDays(200 + random.nextInt(1500)), ACTOR, now);
			person.addPermit("AWAK_ALAT_ANGKUT", null, signedOn, today.plusDays(-20 + random.nextInt(200)), null,
					ACTOR, now);
			if (random.nextInt(3) == 0) {
				person.moveTo(pick(CITY_VILLAGES), "Mes kapal, Pelabuhan Tual", signedOn, ACTOR, now);
			}
			return person;
		}

		Person worker() {
			String nationality = pickOf("CHN", "CHN", "KOR", "PHL", "PHL", "JPN", "THA");
			Person person = Person.register(identity(nameOf(nationality), random.nextInt(5) == 0 ? Sex.F : Sex.M,
					birth(1965, 1998), nationality, null, Category.WORKER), NameSource.PASSPORT, ACTOR, now);
			person.addDocument(DocumentType.PASSPORT, documentNumber(nationality), nationality,
					today.plusDays(300 + random.nextInt(2500)), ACTOR, now);
			LocalDate from = today.minusDays(100 + random.nextInt(700));
			person.addPermit("ITAS", "2C11" + digits(8), from, today.plusDays(-15 + random.nextInt(300)),
					pickOf("PT Mitra Samudra Tual", "PT Aru Marine", "PT Maluku Cold Storage", "CV Kei Mutiara"),
					ACTOR, now);
			person.moveTo(village(CITY_VILLAGES, COAST_VILLAGES), "Mes karyawan", from, ACTOR, now);
			return person;
		}

		Person researcherOrMissionary(boolean missionary) {
			String nationality = pickOf("AUS", "USA", "NLD", "DEU", "GBR", "JPN", "KOR");
			Person person = Person.register(identity(nameOf(nationality), random.nextBoolean() ? Sex.F : Sex.M,
					birth(1955, 1995), nationality, null, missionary ? Category.OTHER : Category.RESEARCHER),
					NameSource.PASSPORT, ACTOR, now);
			person.addDocument(DocumentType.PASSPORT, documentNumber(nationality), nationality,
					today.plusDays(400 + random.nextInt(2500)), ACTOR, now);
			LocalDate from = today.minusDays(60 + random.nextInt(900));
			person.addPermit("ITAS", "2C21" + digits(8), from, today.plusDays(-10 + random.nextInt(400)),
					missionary ? "Gereja Protestan Maluku Klasis Kei Kecil" : "Politeknik Perikanan Negeri Tual",
					ACTOR, now);
			person.moveTo(village(COAST_VILLAGES, ISLAND_VILLAGES), missionary ? "Pastori" : "Rumah kontrakan",
					from, ACTOR, now);
			return person;
		}

		Person spouse() {
			String nationality = pickOf("MMR", "THA", "PHL", "AUS", "NLD", "USA", "PNG", "TLS");
			Sex sex = random.nextBoolean() ? Sex.F : Sex.M;
			Person person = Person.register(identity(nameOf(nationality), sex, birth(1965, 1998), nationality, null,
					Category.FAMILY_OF_CITIZEN), NameSource.PASSPORT, ACTOR, now);
			person.addDocument(DocumentType.PASSPORT, documentNumber(nationality), nationality,
					today.plusDays(200 + random.nextInt(2500)), ACTOR, now);
			LocalDate from = today.minusDays(365 + random.nextInt(3000));
			boolean permanent = random.nextInt(3) == 0;
			person.addPermit(permanent ? "ITAP" : "ITAS", (permanent ? "2D" : "2C31") + digits(8), from,
					permanent ? today.plusYears(3) : today.plusDays(-5 + random.nextInt(300)),
					"Pasangan WNI: " + pick(KEI_GIVEN) + " " + pick(KEI_FAMILY), ACTOR, now);
			person.moveTo(village(CITY_VILLAGES, COAST_VILLAGES), null, from, ACTOR, now);
			return person;
		}

		Person tourist() {
			String nationality = pickOf("AUS", "AUS", "NLD", "DEU", "GBR", "FRA", "USA", "CHN", "NZL");
			Person person = Person.register(identity(nameOf(nationality), random.nextBoolean() ? Sex.F : Sex.M,
					birth(1950, 2004), nationality, null, Category.TOURIST), NameSource.PASSPORT, ACTOR, now);
			person.addDocument(DocumentType.PASSPORT, documentNumber(nationality), nationality,
					today.plusDays(300 + random.nextInt(2500)), ACTOR, now);
			LocalDate arrived = today.minusDays(random.nextInt(60));
			person.addPermit(random.nextBoolean() ? "VOA" : "BEBAS_VISA", null, arrived, arrived.plusDays(30), null,
					ACTOR, now);
			person.moveTo(pickOf("81.72.02.2002", "81.72.01.2001", "81.72.02.1004", "81.72.01.2003"),
					pickOf("Penginapan", "Homestay", "Hotel"), arrived, ACTOR, now);
			if (random.nextInt(5) == 0) {
				person.changeStatus(PersonStatus.DEPARTED, "Keluar melalui Bandara Karel Sadsuitubun", ACTOR, now);
			}
			return person;
		}

		Person student() {
			String nationality = pickOf("TLS", "PNG", "PHL");
			Person person = Person.register(identity(nameOf(nationality), random.nextBoolean() ? Sex.F : Sex.M,
					birth(1998, 2006), nationality, null, Category.STUDENT), NameSource.PASSPORT, ACTOR, now);
			person.addDocument(DocumentType.PASSPORT, documentNumber(nationality), nationality, today.plusYears(4),
					ACTOR, now);
			person.addPermit("ITAS", "2C41" + digits(8), today.minusYears(1), today.plusDays(20 + random.nextInt(300)),
					"Politeknik Perikanan Negeri Tual", ACTOR, now);
			person.moveTo(pick(CITY_VILLAGES), "Asrama", today.minusYears(1), ACTOR, now);
			return person;
		}

		Person stateless() {
			Person person = Person.register(identity("MOHAMMED " + pickOf("RAFIQ", "ISLAM", "HASSAN"), Sex.M,
					BirthDate.ofYear(1985 + random.nextInt(15)), null, "XXA", Category.REFUGEE_STATELESS),
					NameSource.SELF_DECLARED, ACTOR, now);
			person.flag(HumanitarianFlag.STATELESS, null, "Mengaku Rohingya, tanpa dokumen", ACTOR, now);
			person.moveTo(pick(CITY_VILLAGES), null, today.minusDays(400 + random.nextInt(800)), ACTOR, now);
			return person;
		}

		private Person.Identity identity(String name, Sex sex, BirthDate birth, String nationality, String claimed,
				Category category) {
			return new Person.Identity(name, sex, birth, nationality, claimed, category, null);
		}

		private String nameOf(String nationality) {
			return switch (nationality) {
				case "MMR" -> burmese();
				case "THA" -> pick(THAI_GIVEN) + " " + pick(THAI_FAMILY);
				case "KHM" -> pick(KHMER_FAMILY) + " " + pick(KHMER_GIVEN);
				case "LAO" -> pick(LAO_GIVEN) + " " + pick(LAO_FAMILY);
				case "VNM" -> pick(VIET_FAMILY) + " " + pickOf("VAN", "VAN", "DUC", "QUANG") + " " + pick(VIET_GIVEN);
				case "CHN" -> pick(CHINESE);
				case "KOR" -> pick(KOREAN);
				case "PHL" -> pick(FILIPINO);
				case "JPN" -> pickOf("TANAKA HIROSHI", "SATO KENJI", "SUZUKI AYA", "YAMAMOTO DAISUKE");
				case "PNG", "TLS" -> pickOf("JOHN", "MARIA", "JOSE", "PETER", "ANA") + " "
						+ pickOf("KAUPA", "DA SILVA", "SOARES", "TOBIAS", "XIMENES");
				default -> pick(WESTERN_GIVEN) + " " + pick(WESTERN_FAMILY);
			};
		}

		private String burmese() {
			int length = 2 + random.nextInt(2);
			StringBuilder name = new StringBuilder();
			for (int i = 0; i < length; i++) {
				name.append(i == 0 ? "" : " ").append(pick(MYANMAR));
			}
			return name.toString();
		}

		private BirthDate birth(int fromYear, int toYear) {
			int year = fromYear + random.nextInt(toYear - fromYear + 1);
			return random.nextInt(4) == 0 ? BirthDate.ofYear(year)
					: BirthDate.of(LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)));
		}

		private String documentNumber(String nationality) {
			return switch (nationality) {
				case "MMR" -> "M" + pickOf("A", "B", "C") + digits(6);
				case "THA" -> pickOf("AA", "AB", "AC") + digits(7);
				case "KHM" -> "N" + digits(7);
				case "LAO" -> "P" + digits(7);
				case "VNM" -> "C" + digits(7);
				case "CHN" -> "E" + digits(8);
				case "PHL" -> "P" + digits(7) + "A";
				default -> pickOf("N", "P", "X", "L") + digits(7);
			};
		}

		private String nik() {
			return "81720" + (1 + random.nextInt(5)) + String.format("%02d%02d%02d", 1 + random.nextInt(28),
					1 + random.nextInt(12), 60 + random.nextInt(35)) + digits(4);
		}

		private String digits(int count) {
			StringBuilder digits = new StringBuilder();
			for (int i = 0; i < count; i++) {
				digits.append(random.nextInt(10));
			}
			return digits.toString();
		}

		private String village(String[] mostly, String[] sometimes) {
			return random.nextInt(4) == 0 ? pick(sometimes) : pick(mostly);
		}

		private String pick(String[] values) {
			return values[random.nextInt(values.length)];
		}

		private String pickOf(String... values) {
			return pick(values);
		}
	}
}
