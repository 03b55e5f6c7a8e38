package id.pantau.demodata;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.registry.BirthDate;
import id.pantau.registry.Category;
import id.pantau.registry.DocumentType;
import id.pantau.registry.HumanitarianFlag;
import id.pantau.registry.IdentityLinkKind;
import id.pantau.registry.NameSource;
import id.pantau.registry.PersonHistory;
import id.pantau.registry.PersonStatus;
import id.pantau.registry.Registry;
import id.pantau.registry.Registry.NewVessel;
import id.pantau.registry.Registry.VesselRef;
import id.pantau.registry.Sex;
import id.pantau.registry.VesselStatus;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * About 200 foreigners for a demonstration of Kota Tual, shaped like the field: former crew from Myanmar, Thailand,
 * Cambodia and Laos living in villages for years (some with a Kei name and a NIK, some carrying another country's
 * papers, some with no document at all), crew of active vessels, company workers, researchers, missionaries, spouses
 * of citizens and tourists, spread over the villages. Generated from a fixed seed, so every demo looks the same, and
 * registered through the registry's API. All names are invented (the {@code demo-*} pools and the first names of
 * others in {@code demodata/names.tsv}).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DemoRegistry {

	private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);
	/** Who the demo's records are created by. */
	static final String ACTOR = "demo";
	/** The start of the notes of the persons made as clear cases for the detection rules. */
	static final String DETECTION_CASE = "Kasus demo deteksi dini: ";
	private static final String DUKCAPIL = "Dinas Dukcapil Kota Tual";

	private static final String[] MYANMAR = NamePools.names("demo-myanmar");
	private static final String[] THAI_GIVEN = NamePools.names("thai-given", 10);
	private static final String[] THAI_FAMILY = NamePools.names("demo-thai-family");
	private static final String[] KHMER_GIVEN = NamePools.names("khmer-given", 7);
	private static final String[] KHMER_FAMILY = NamePools.names("khmer-family", 8);
	private static final String[] LAO_GIVEN = NamePools.names("lao-given", 6);
	private static final String[] LAO_FAMILY = NamePools.names("demo-lao-family");
	private static final String[] VIET_FAMILY = NamePools.names("demo-viet-family");
	private static final String[] VIET_MIDDLE = NamePools.names("demo-viet-middle");
	private static final String[] VIET_GIVEN = NamePools.names("viet-given", 8);
	private static final String[] CHINESE = NamePools.names("chinese");
	private static final String[] KOREAN = NamePools.names("korean");
	private static final String[] JAPANESE = NamePools.names("demo-japanese");
	private static final String[] FILIPINO = NamePools.names("filipino");
	private static final String[] MELANESIAN_GIVEN = NamePools.names("demo-melanesian-given");
	private static final String[] MELANESIAN_FAMILY = NamePools.names("demo-melanesian-family");
	private static final String[] WESTERN_GIVEN = NamePools.names("western-given", 12);
	private static final String[] WESTERN_FAMILY = NamePools.names("demo-western-family");
	private static final String[] ROHINGYA_FAMILY = NamePools.names("demo-rohingya-family");
	private static final String[] KEI_GIVEN = NamePools.names("kei-given", 9);
	private static final String[] KEI_FAMILY = NamePools.names("kei-family", 16);

	private static final String[] CITY_VILLAGES = { "81.72.02.1003", "81.72.02.1004", "81.72.02.1005", "81.72.02.2001",
			"81.72.02.2002" };
	private static final String[] COAST_VILLAGES = { "81.72.01.2001", "81.72.01.2002", "81.72.01.2003",
			"81.72.01.2004", "81.72.01.2005", "81.72.01.2006", "81.72.01.2007", "81.72.01.2008", "81.72.02.2002" };
	private static final String[] ISLAND_VILLAGES = { "81.72.03.2001", "81.72.03.2002", "81.72.03.2004",
			"81.72.04.2001", "81.72.04.2002", "81.72.04.2005", "81.72.05.2001", "81.72.05.2003", "81.72.05.2006" };

	/** A demo person as registered: the id the registry gave and what it was registered with. */
	record Registered(long id, PersonHistory history) {
	}

	/**
	 * The demo registry as loaded: the persons in the order of their ids, the fleet by id, and the clear cases for
	 * the detection rules by what each is a case of.
	 */
	record Loaded(List<Registered> persons, Map<Long, VesselRef> fleet, Map<DetectionCase, Registered> cases) {

		static final Loaded NOTHING = new Loaded(List.of(), Map.of(), Map.of());
	}

	/** One clear case for each early-detection rule, which the demo's crossings complete. */
	enum DetectionCase {
		OVERSTAY, LONG_OVERSTAY, PERMIT_EXPIRING, BACK_AFTER_DEPARTURE, EX_CREW_ASHORE, DOCUMENT_HOLDER,
		DOCUMENT_BORROWER, NO_SKTT
	}

	private final Registry registry;
	private final AuditTrail audit;
	private final Clock clock;

	/** Registers the demo's vessels and persons into an empty registry; a registry that holds anyone is left alone. */
	Loaded load() {
		if (!registry.isEmpty()) {
			return Loaded.NOTHING;
		}
		Map<Long, VesselRef> fleet = new LinkedHashMap<>();
		Map<PersonHistory, DetectionCase> cases = new LinkedHashMap<>();
		List<PersonHistory> histories = generate(new Random(2026), fleet, cases);
		List<Registry.PersonRef> refs = registry.registerHistories(histories, ACTOR);
		List<Registered> persons = new ArrayList<>();
		Map<DetectionCase, Registered> byCase = new LinkedHashMap<>();
		for (int i = 0; i < refs.size(); i++) {
			Registered registered = new Registered(refs.get(i).id(), histories.get(i));
			persons.add(registered);
			DetectionCase detectionCase = cases.get(histories.get(i));
			if (detectionCase != null) {
				byCase.put(detectionCase, registered);
			}
		}
		persons.sort(Comparator.comparingLong(Registered::id));
		audit.recordAs("system", AuditEntry.of("DEMO_DATA_LOADED").detail("persons", persons.size()));
		log.info("{} orang asing demo dibuat", persons.size());
		return new Loaded(List.copyOf(persons), Map.copyOf(fleet), Map.copyOf(byCase));
	}

	private List<PersonHistory> generate(Random random, Map<Long, VesselRef> fleetById,
			Map<PersonHistory, DetectionCase> cases) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		Generator g = new Generator(random, today);
		List<NewVessel> vessels = List.of(
				new NewVessel("KM Mitra Jaya 21", "IDN", "GT.120 No.4521/PPm", null, "PT Mitra Samudra Tual",
						VesselStatus.ACTIVE, null),
				new NewVessel("KM Samudra Baru 08", "IDN", "GT.98 No.3310/PPm", null, "CV Baru Bahari",
						VesselStatus.ACTIVE, null),
				new NewVessel("KM Aru Marine 11", "IDN", "GT.150 No.5102/PPm", null, "PT Aru Marine",
						VesselStatus.ACTIVE, null),
				new NewVessel("KM Antasena 809", "IDN", "GT.200 No.1899/PPm", null, "PT Antasena Perikanan",
						VesselStatus.SEIZED, "Disita 2015, moratorium kapal eks asing"),
				new NewVessel("KM Bintang Samudera 5", "IDN", "GT.180 No.2240/PPm", null, "PT Bintang Samudera",
						VesselStatus.SEIZED, null),
				new NewVessel("KM Permata 3", "IDN", "GT.90 No.1450/PPm", null, "CV Permata Laut",
						VesselStatus.SUNK, "Tenggelam dekat Pulau Kur"),
				new NewVessel("FV Sin Yi Fa 12", "TWN", null, "8812345", "Sin Yi Fa Fishery Co.",
						VesselStatus.DEPARTED, null),
				new NewVessel("KM Nusantara Fortune", "THA", null, "9123457", "Fortune Marine Co. Ltd",
						VesselStatus.DEPARTED, null));
		List<Long> fleet = new ArrayList<>();
		for (VesselRef vessel : registry.registerVessels(vessels)) {
			fleet.add(vessel.id());
			fleetById.put(vessel.id(), vessel);
		}
		List<PersonHistory> all = new ArrayList<>();
		for (int i = 0; i < 62; i++) {
			all.add(g.exCrew(fleet.get(3 + random.nextInt(5))));
		}
		for (int i = 0; i < 38; i++) {
			all.add(g.crew(fleet.get(random.nextInt(3))));
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
		Map<DetectionCase, PersonHistory> detectionCases = g.detectionCases(fleet);
		detectionCases.forEach((detectionCase, person) -> cases.put(person, detectionCase));
		all.addAll(detectionCases.values());
		return all;
	}

	/** Most ITAS holders have registered with Dukcapil for an SKTT; some have not (a NO_SKTT case). */
	private static void registerMostSktt(List<PersonHistory> all, Random random) {
		for (PersonHistory person : all) {
			boolean itas = person.hasPermit("ITAS");
			if (itas && random.nextInt(5) > 0) {
				person.link(IdentityLinkKind.SKTT, "SKTT/8172/" + (1000 + random.nextInt(9000)),
						DUKCAPIL);
			}
		}
	}

	private static final class Generator {

		private final Random random;
		private final LocalDate today;

		Generator(Random random, LocalDate today) {
			this.random = random;
			this.today = today;
		}

		PersonHistory exCrew(long vesselId) {
			int origin = random.nextInt(10);
			String nationality = origin < 5 ? "MMR" : origin < 7 ? "THA" : origin < 9 ? "KHM" : "LAO";
			String name = nameOf(nationality);
			boolean carriesThaiPapers = nationality.equals("MMR") && random.nextInt(4) == 0;
			String documented = carriesThaiPapers ? "THA" : random.nextInt(5) == 0 ? null : nationality;
			PersonHistory person = history(name, Sex.M, birth(1960, 1992), documented,
					carriesThaiPapers || documented == null ? nationality : null, Category.EX_CREW, NameSource.VILLAGE_REPORT);
			int arrived = 2000 + random.nextInt(17);
			LocalDate ashore = LocalDate.of(arrived, 1 + random.nextInt(12), 1 + random.nextInt(28));
			person.vessel(vesselId, "ABK", ashore.minusYears(1 + random.nextInt(3)), ashore);
			if (documented != null && random.nextInt(3) > 0) {
				person.document(carriesThaiPapers ? DocumentType.SEAMAN_BOOK : DocumentType.PASSPORT,
						documentNumber(documented), documented, ashore.plusYears(5));
			}
			if (random.nextInt(3) == 0) {
				person.name(name.contains(" ") ? "U " + name : name, NameSource.SELF_DECLARED);
			}
			if (random.nextInt(4) == 0) {
				String keiName = pick(KEI_GIVEN) + " " + pick(KEI_FAMILY);
				person.name(keiName, NameSource.NIK_RECORD);
				person.link(IdentityLinkKind.NIK, nik(), "Terdaftar di Dukcapil Kota Tual");
			}
			if (random.nextInt(12) == 0) {
				person.flag(HumanitarianFlag.TRAFFICKING_VICTIM, ashore, "Ditinggalkan kapal tanpa upah");
			}
			person.moveTo(village(COAST_VILLAGES, ISLAND_VILLAGES), "RT 0" + (1 + random.nextInt(5)), ashore);
			int fate = random.nextInt(20);
			if (fate == 0) {
				person.status(PersonStatus.WHEREABOUTS_UNKNOWN, "Tidak ditemukan saat pendataan ulang");
			}
			else if (fate == 1) {
				person.status(PersonStatus.DEPORTED, "Dipulangkan melalui TPI Ambon");
			}
			return person;
		}

		/**
		 * One clear case for each early-detection rule, told in the notes ({@value #DETECTION_CASE}); the demo's
		 * crossings give them the crossings the cases need.
		 */
		Map<DetectionCase, PersonHistory> detectionCases(List<Long> fleet) {
			Map<DetectionCase, PersonHistory> cases = new LinkedHashMap<>();
			cases.put(DetectionCase.OVERSTAY, passportHolder("TRAN VAN TOAN", Sex.M, LocalDate.of(1986, 3, 14), "VNM",
					Category.WORKER, "izin tinggal lewat 25 hari", "C7012345", today.plusYears(3))
					.permit("ITAS", "2C1170123456", today.minusDays(390), today.minusDays(25), "PT Maluku Cold Storage")
					.link(IdentityLinkKind.SKTT, "SKTT/8172/7012", DUKCAPIL)
					.moveTo("81.72.02.1004", "Mes karyawan", today.minusDays(390)));
			cases.put(DetectionCase.LONG_OVERSTAY, passportHolder("PIETER BAKKER", Sex.M, LocalDate.of(1979, 8, 2),
					"NLD", Category.TOURIST, "bebas visa lewat 90 hari", "NX8812345", today.plusYears(5))
					.permit("BEBAS_VISA", null, today.minusDays(120), today.minusDays(90), null)
					.moveTo("81.72.01.2003", "Homestay", today.minusDays(120)));
			cases.put(DetectionCase.PERMIT_EXPIRING, passportHolder("SOPHIE WEBER", Sex.F, LocalDate.of(1990, 11, 20),
					"DEU", Category.RESEARCHER, "izin tinggal berakhir 12 hari lagi", "C4LK77123", today.plusYears(6))
					.permit("ITAS", "2C2188123456", today.minusDays(300), today.plusDays(12),
							"Politeknik Perikanan Negeri Tual")
					.link(IdentityLinkKind.SKTT, "SKTT/8172/8812", DUKCAPIL)
					.moveTo("81.72.02.1003", "Rumah kontrakan", today.minusDays(300)));
			cases.put(DetectionCase.BACK_AFTER_DEPARTURE, passportHolder("JAMES TAYLOR", Sex.M, LocalDate.of(1983, 5, 9),
					"AUS", Category.TOURIST, "tinggal di desa setelah keluar", "PA9031234", today.plusYears(4))
					.permit("VOA", null, today.minusDays(70), today.minusDays(40), null)
					.moveTo("81.72.02.2002", "Penginapan", today.minusDays(10)));
			cases.put(DetectionCase.EX_CREW_ASHORE, new PersonHistory("KYAW ZAW HTUN", Sex.M, BirthDate.ofYear(1981),
					"MMR", null, Category.EX_CREW, DETECTION_CASE + "eks ABK kapal yang disita", NameSource.VILLAGE_REPORT)
					.vessel(fleet.get(4), "ABK", today.minusYears(4), today.minusYears(3))
					.moveTo("81.72.01.2005", "Pondok dekat pantai", today.minusYears(3)));
			cases.put(DetectionCase.DOCUMENT_HOLDER, passportHolder("SOMSAK SAETANG", Sex.M, LocalDate.of(1977, 1, 30),
					"THA", Category.WORKER, "nomor paspor yang sama dengan orang lain", "AB7654321", today.plusYears(2))
					.permit("ITAS", "2C1176543210", today.minusDays(200), today.plusDays(160), "CV Kei Mutiara")
					.link(IdentityLinkKind.SKTT, "SKTT/8172/7654", DUKCAPIL)
					.moveTo("81.72.02.1005", "Mes karyawan", today.minusDays(200)));
			cases.put(DetectionCase.DOCUMENT_BORROWER, new PersonHistory("MIN AUNG", Sex.M, BirthDate.ofYear(1984), "THA",
					"MMR", Category.OTHER, DETECTION_CASE + "memakai nomor paspor orang lain", NameSource.VILLAGE_REPORT)
					.document(DocumentType.PASSPORT, "AB 7654321", "THA", null)
					.moveTo("81.72.01.2002", "Rumah warga", today.minusYears(2)));
			cases.put(DetectionCase.NO_SKTT, passportHolder("ARNEL GARCIA", Sex.M, LocalDate.of(1988, 7, 7), "PHL",
					Category.WORKER, "ITAS tanpa SKTT", "P6612345A", today.plusYears(4))
					.permit("ITAS", "2C1166123456", today.minusDays(60), today.plusDays(300), "PT Aru Marine")
					.moveTo("81.72.02.2001", "Mes karyawan", today.minusDays(60)));
			return cases;
		}

		/** A clear case who came on a passport of their nationality, named as the passport has it. */
		private static PersonHistory passportHolder(String name, Sex sex, LocalDate born, String nationality,
				Category category, String caseOf, String passport, LocalDate expiry) {
			return new PersonHistory(name, sex, BirthDate.of(born), nationality, null, category,
					DETECTION_CASE + caseOf, NameSource.PASSPORT).document(DocumentType.PASSPORT, passport, nationality,
							expiry);
		}

		PersonHistory crew(long vesselId) {
			String nationality = pickOf("MMR", "MMR", "THA", "VNM", "CHN", "PHL");
			PersonHistory person = history(nameOf(nationality), Sex.M, birth(1975, 2003), nationality, null,
					Category.CREW, NameSource.CROSSING);
			LocalDate signedOn = today.minusDays(30 + random.nextInt(600));
			person.vessel(vesselId, pickOf("ABK", "ABK", "ABK", "Juru mesin", "Mualim"), signedOn, null);
			person.document(DocumentType.SEAMAN_BOOK, documentNumber(nationality), nationality,
					today.plusDays(200 + random.nextInt(1500)));
			person.permit("AWAK_ALAT_ANGKUT", null, signedOn, today.plusDays(-20 + random.nextInt(200)), null);
			if (random.nextInt(3) == 0) {
				person.moveTo(pick(CITY_VILLAGES), "Mes kapal, Pelabuhan Tual", signedOn);
			}
			return person;
		}

		PersonHistory worker() {
			String nationality = pickOf("CHN", "CHN", "KOR", "PHL", "PHL", "JPN", "THA");
			PersonHistory person = history(nameOf(nationality), random.nextInt(5) == 0 ? Sex.F : Sex.M,
					birth(1965, 1998), nationality, null, Category.WORKER, NameSource.PASSPORT);
			person.document(DocumentType.PASSPORT, documentNumber(nationality), nationality,
					today.plusDays(300 + random.nextInt(2500)));
			LocalDate from = today.minusDays(100 + random.nextInt(700));
			person.permit("ITAS", "2C11" + digits(8), from, today.plusDays(-15 + random.nextInt(300)),
					pickOf("PT Mitra Samudra Tual", "PT Aru Marine", "PT Maluku Cold Storage", "CV Kei Mutiara"));
			person.moveTo(village(CITY_VILLAGES, COAST_VILLAGES), "Mes karyawan", from);
			return person;
		}

		PersonHistory researcherOrMissionary(boolean missionary) {
			String nationality = pickOf("AUS", "USA", "NLD", "DEU", "GBR", "JPN", "KOR");
			PersonHistory person = history(nameOf(nationality), random.nextBoolean() ? Sex.F : Sex.M,
					birth(1955, 1995), nationality, null, missionary ? Category.OTHER : Category.RESEARCHER,
					NameSource.PASSPORT);
			person.document(DocumentType.PASSPORT, documentNumber(nationality), nationality,
					today.plusDays(400 + random.nextInt(2500)));
			LocalDate from = today.minusDays(60 + random.nextInt(900));
			person.permit("ITAS", "2C21" + digits(8), from, today.plusDays(-10 + random.nextInt(400)),
					missionary ? "Gereja Protestan Maluku Klasis Kei Kecil" : "Politeknik Perikanan Negeri Tual");
			person.moveTo(village(COAST_VILLAGES, ISLAND_VILLAGES), missionary ? "Pastori" : "Rumah kontrakan",
					from);
			return person;
		}

		PersonHistory spouse() {
			String nationality = pickOf("MMR", "THA", "PHL", "AUS", "NLD", "USA", "PNG", "TLS");
			Sex sex = random.nextBoolean() ? Sex.F : Sex.M;
			PersonHistory person = history(nameOf(nationality), sex, birth(1965, 1998), nationality, null,
					Category.FAMILY_OF_CITIZEN, NameSource.PASSPORT);
			person.document(DocumentType.PASSPORT, documentNumber(nationality), nationality,
					today.plusDays(200 + random.nextInt(2500)));
			LocalDate from = today.minusDays(365 + random.nextInt(3000));
			boolean permanent = random.nextInt(3) == 0;
			person.permit(permanent ? "ITAP" : "ITAS", (permanent ? "2D" : "2C31") + digits(8), from,
					permanent ? today.plusYears(3) : today.plusDays(-5 + random.nextInt(300)),
					"Pasangan WNI: " + pick(KEI_GIVEN) + " " + pick(KEI_FAMILY));
			person.moveTo(village(CITY_VILLAGES, COAST_VILLAGES), null, from);
			return person;
		}

		PersonHistory tourist() {
			String nationality = pickOf("AUS", "AUS", "NLD", "DEU", "GBR", "FRA", "USA", "CHN", "NZL");
			PersonHistory person = history(nameOf(nationality), random.nextBoolean() ? Sex.F : Sex.M,
					birth(1950, 2004), nationality, null, Category.TOURIST, NameSource.PASSPORT);
			person.document(DocumentType.PASSPORT, documentNumber(nationality), nationality,
					today.plusDays(300 + random.nextInt(2500)));
			LocalDate arrived = today.minusDays(random.nextInt(60));
			person.permit(random.nextBoolean() ? "VOA" : "BEBAS_VISA", null, arrived, arrived.plusDays(30), null);
			person.moveTo(pickOf("81.72.02.2002", "81.72.01.2001", "81.72.02.1004", "81.72.01.2003"),
					pickOf("Penginapan", "Homestay", "Hotel"), arrived);
			if (random.nextInt(5) == 0) {
				person.status(PersonStatus.DEPARTED, "Keluar melalui Bandara Karel Sadsuitubun");
			}
			return person;
		}

		PersonHistory student() {
			String nationality = pickOf("TLS", "PNG", "PHL");
			PersonHistory person = history(nameOf(nationality), random.nextBoolean() ? Sex.F : Sex.M,
					birth(1998, 2006), nationality, null, Category.STUDENT, NameSource.PASSPORT);
			person.document(DocumentType.PASSPORT, documentNumber(nationality), nationality, today.plusYears(4));
			person.permit("ITAS", "2C41" + digits(8), today.minusYears(1), today.plusDays(20 + random.nextInt(300)),
					"Politeknik Perikanan Negeri Tual");
			person.moveTo(pick(CITY_VILLAGES), "Asrama", today.minusYears(1));
			return person;
		}

		PersonHistory stateless() {
			PersonHistory person = history("MOHAMMED " + pick(ROHINGYA_FAMILY), Sex.M,
					BirthDate.ofYear(1985 + random.nextInt(15)), null, "XXA", Category.REFUGEE_STATELESS,
					NameSource.SELF_DECLARED);
			person.flag(HumanitarianFlag.STATELESS, null, "Mengaku Rohingya, tanpa dokumen");
			person.moveTo(pick(CITY_VILLAGES), null, today.minusDays(400 + random.nextInt(800)));
			return person;
		}

		private static PersonHistory history(String name, Sex sex, BirthDate birth, String nationality, String claimed,
				Category category, NameSource source) {
			return new PersonHistory(name, sex, birth, nationality, claimed, category, null, source);
		}

		private String nameOf(String nationality) {
			return switch (nationality) {
				case "MMR" -> burmese();
				case "THA" -> pick(THAI_GIVEN) + " " + pick(THAI_FAMILY);
				case "KHM" -> pick(KHMER_FAMILY) + " " + pick(KHMER_GIVEN);
				case "LAO" -> pick(LAO_GIVEN) + " " + pick(LAO_FAMILY);
				case "VNM" -> pick(VIET_FAMILY) + " " + pick(VIET_MIDDLE) + " " + pick(VIET_GIVEN);
				case "CHN" -> pick(CHINESE);
				case "KOR" -> pick(KOREAN);
				case "PHL" -> pick(FILIPINO);
				case "JPN" -> pick(JAPANESE);
				case "PNG", "TLS" -> pick(MELANESIAN_GIVEN) + " " + pick(MELANESIAN_FAMILY);
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
