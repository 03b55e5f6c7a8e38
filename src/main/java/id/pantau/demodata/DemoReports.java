package id.pantau.demodata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import id.pantau.demodata.DemoRegistry.Loaded;
import id.pantau.demodata.DemoRegistry.Registered;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.Scope;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.RegionLevel;
import id.pantau.registry.Category;
import id.pantau.registry.PersonHistory;
import id.pantau.registry.Registry.VesselRef;
import id.pantau.registry.VesselStatus;
import id.pantau.registry.names.DocumentNumbers;
import id.pantau.reports.ReportHistories;
import id.pantau.reports.ReportHistory;
import id.pantau.reports.ReportHistory.Content;
import id.pantau.reports.ReportHistory.PaperView;
import id.pantau.reports.ValidationOutcome;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo reports in every state across the villages (some waiting too long in an inbox), and monthly reports for the
 * last five months in which a few villages stayed silent last month. Generated from a fixed seed after the demo
 * registry, and recorded through the reports module's API.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DemoReports {

	private static final Logger log = LoggerFactory.getLogger(DemoReports.class);
	private static final String SILENT_VILLAGE = "81.72.05.2006";
	private static final String RISING_VILLAGE = "81.72.01.2003";
	/** Fiditan, the village of the demo account ohoi.fiditan. */
	private static final String STORY_VILLAGE = "81.72.01.2001";

	private static final String[][] SIGHTINGS = {
			{ "Kyaw Min, dipanggil Pak Min", "Myanmar", "M", "sekitar 45", "", "rumah Bapak Renwarin", "nelayan",
					"KM Antasena", "2012" },
			{ "Somchai", "Thailand", "M", "50-an", "", "pondok dekat pantai", "buruh bangunan", "", "2010" },
			{ "Sok Vannak", "Kamboja", "M", "40", "N1234567", "kos dekat pasar", "tukang ojek", "", "2016" },
			{ "Dua orang bule, perempuan", "Belanda", "F", "30-an", "", "homestay", "wisata", "", "minggu lalu" },
			{ "Nguyen Van Hung", "Vietnam", "M", "35", "C0123456", "mes kapal", "ABK", "KM Mitra Jaya 21", "bulan lalu" },
			{ "Wang Wei", "Cina", "M", "40", "E12345678", "mes perusahaan", "mandor gudang beku", "PT Maluku Cold Storage",
					"2025" },
			{ "Mohammed Rafiq", "Rohingya", "M", "30", "", "menumpang di rumah warga", "tidak jelas", "", "2024" },
			{ "John Kaupa", "Papua Nugini", "M", "28", "", "rumah keluarga istri", "petani", "", "2023" },
			{ "Aung Zaw Win (U Zaw)", "Burma", "M", "60", "", "kebun di belakang gereja", "berkebun", "KM Permata 3",
					"2004" },
			{ "Sarah Thompson", "Australia", "F", "52", "", "pastori", "misionaris", "", "2022" } };

	private final ReportHistories reports;
	private final ReferenceData reference;
	private final Clock clock;

	/** Records the demo's reports about the demo registry's persons, unless reports are already stored. */
	void load(Loaded registry) {
		if (reports.anyReport()) {
			return;
		}
		Random random = new Random(2027);
		Instant now = clock.instant();
		List<String> villages = reference.regionsWithin(Scope.of("81.72"), RegionLevel.VILLAGE).stream()
				.map(r -> r.code()).toList();
		List<Long> persons = registry.persons().stream().map(Registered::id).toList();
		int created = 0;
		for (int i = 0; i < 40; i++) {
			String village = i < 6 ? "81.72.01.2001" : i < 10 ? "81.72.02.2002" : villages.get(random.nextInt(villages.size()));
			String[] s = SIGHTINGS[random.nextInt(SIGHTINGS.length)];
			Instant start = now.minus(Duration.ofHours(6 + random.nextInt(24 * 40)));
			String actor = "ohoi." + village.replace(".", "");
			Content content = new Content(s[0], s[1], s[2], s[3], s[4].isEmpty() ? null : s[4], s[5], s[6],
					s[7].isEmpty() ? null : s[7], s[8], null);
			ReportHistory report = new ReportHistory(village, content, actor, start);
			int stage = i % 7;
			Instant t = start;
			if (stage >= 1) {
				report.submit(actor, t = t.plus(Duration.ofHours(2)));
			}
			if (stage == 2) {
				report.returnToVillage("Nomor dokumen dan sejak kapan belum diisi. Mohon dilengkapi.", "bpmpd",
						t.plus(Duration.ofHours(20)));
			}
			if (stage >= 3) {
				report.forward("bpmpd", t = t.plus(Duration.ofHours(26)));
			}
			if (stage == 3 && i % 2 == 1) {
				report.recordView("IMIGRASI", "Belum ada catatan perlintasan atas nama ini di TPI Tual.", "imigrasi",
						t.plus(Duration.ofHours(3)));
			}
			if (stage == 4 || stage == 5) {
				ValidationOutcome outcome = stage == 4 ? ValidationOutcome.KNOWN_IN_ORDER
						: ValidationOutcome.POSSIBLE_VIOLATION;
				Long person = persons.isEmpty() ? null : persons.get(random.nextInt(persons.size()));
				report.recordView("IMIGRASI", stage == 4 ? "Izin tinggal masih berlaku."
						: "Tidak ada catatan masuk; perlu pemeriksaan lapangan.", "imigrasi", t.plus(Duration.ofHours(30)));
				report.recordView("POLRES", "Tidak ada catatan gangguan keamanan.", "timpora.polres",
						t.plus(Duration.ofHours(34)));
				report.validate(outcome, outcome == ValidationOutcome.KNOWN_IN_ORDER && person == null
						? null : person, List.of(new PaperView("DISNAKER", stage == 4
								? "Bekerja sesuai izin kerja." : "Tidak terdaftar sebagai tenaga kerja asing.", "kesbangpol",
								t.plus(Duration.ofHours(48)))),
						stage == 4 ? "Orang asing ini tercatat dengan izin yang berlaku."
								: "Diserahkan ke Imigrasi untuk diperiksa.", "kesbangpol", t.plus(Duration.ofHours(48)));
			}
			if (stage == 6) {
				report.validate(ValidationOutcome.NOT_A_FOREIGNER, null, List.of(),
						"Ternyata WNI dari Papua", "kesbangpol", t.plus(Duration.ofHours(30)));
			}
			reports.record(report);
			created++;
		}
		boolean story = storyOfAnExCrewMemberAshore(registry, now);
		YearMonth current = YearMonth.from(now.atZone(DisplayTime.ZONE));
		int periodic = 0;
		// the three months before the current one first, then the two before them, so that the five months BPMPD
		// sees on its completeness page are filled and the first three stay as they always were
		for (int[] backs : List.of(new int[] { 1, 2, 3 }, new int[] { 4, 5 })) {
			for (String village : villages) {
				for (int back : backs) {
					YearMonth month = current.minusMonths(back);
					boolean silentVillage = village.endsWith("2004") || village.startsWith("81.72.05.200");
					boolean silentLastMonth = back == 1 && silentVillage && random.nextInt(2) == 0;
					// one village stays silent for two months and another reports a sharp rise: cases for detection
					if (village.equals(SILENT_VILLAGE) && back <= 2) {
						continue;
					}
					if (silentLastMonth || (back > 1 && random.nextInt(10) == 0)) {
						continue;
					}
					boolean late = random.nextInt(6) == 0 && !village.equals(RISING_VILLAGE);
					Instant at = month.plusMonths(1).atDay(late ? 12 : 2).atStartOfDay(DisplayTime.ZONE).toInstant();
					if (at.isAfter(now)) {
						continue;
					}
					int foreigners = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(8);
					if (village.equals(RISING_VILLAGE) && back <= 2) {
						foreigners = back == 1 ? 14 : 3;
					}
					reports.recordMonthly(village, month, foreigners, at, "ohoi." + village.replace(".", ""));
					periodic++;
				}
			}
		}
		log.info("{} laporan desa dan {} laporan bulanan demo dibuat", created + (story ? 1 : 0), periodic);
	}

	/**
	 * One case the way it goes between the agencies, for a demo person whose page then tells it whole: Fiditan reports
	 * an ex-crew member of a seized or departed vessel still ashore, BPMPD forwards, Immigration and Polres give their
	 * views from their own accounts, Kesbangpol adds Lanal's view from the meeting and concludes "possible violation";
	 * the conclusion goes to Immigration as a case (the detection module opens it and tells Immigration), waiting there
	 * for the demo user's decision.
	 */
	private boolean storyOfAnExCrewMemberAshore(Loaded registry, Instant now) {
		Optional<Registered> found = registry.persons().stream().filter(p -> isStoryPerson(p.history())).findFirst();
		if (found.isEmpty()) {
			return false;
		}
		PersonHistory person = found.get().history();
		long personId = found.get().id();
		String name = person.primaryName();
		PersonHistory.DocumentAdded document = person.events(PersonHistory.DocumentAdded.class).get(0);
		VesselRef vessel = registry.fleet().get(person.events(PersonHistory.VesselServed.class).get(0).vesselId());
		Instant t = now.minus(Duration.ofDays(9));
		String village = "ohoi.fiditan";
		String nationality = reference.countries().stream().filter(c -> c.alpha3().equals(person.nationality()))
				.map(c -> c.nameId()).findFirst().orElse("tidak jelas");
		Content content = new Content(name + ", dipanggil Pak " + name.split(" ")[0], nationality, "M", "sekitar 40",
				"buku pelaut " + DocumentNumbers.normalize(document.number()),
				"menumpang di rumah Bapak Renwarin, RT 04", "membantu nelayan setempat, tidak punya kapal sendiri",
				vessel.name() + (vessel.status() == VesselStatus.SEIZED ? " (disita)" : ""), "2015",
				"Sudah lama tinggal; warga bertanya apakah ia boleh menetap.");
		ReportHistory report = new ReportHistory(STORY_VILLAGE, content, village, t);
		report.submit(village, t = t.plus(Duration.ofHours(1)));
		report.forward("bpmpd", t = t.plus(Duration.ofHours(22)));
		report.recordView("IMIGRASI", "Tidak ada catatan kedatangan maupun izin tinggal; izin awak kapal berakhir saat"
				+ " kapal disita. Perlu pemeriksaan keimigrasian.", "imigrasi", t = t.plus(Duration.ofHours(20)));
		report.recordView("POLRES", "Tidak ada catatan pidana; dikenal warga, tidak pernah membuat gangguan.",
				"timpora.polres", t = t.plus(Duration.ofHours(5)));
		report.validate(ValidationOutcome.POSSIBLE_VIOLATION, personId, List.of(new PaperView("LANAL",
				"Awak " + vessel.name() + "; kapalnya ditahan di Pelabuhan Tual.", "kesbangpol",
				t = t.plus(Duration.ofDays(2)))), "Tinggal tanpa izin tinggal sejak kapal disita; diserahkan"
						+ " ke Imigrasi untuk diperiksa.", "kesbangpol", t);
		reports.record(report.tellValidation());
		return true;
	}

	/** The first ex-crew member in Fiditan with a document and a vessel: the story's person. */
	private static boolean isStoryPerson(PersonHistory person) {
		return person.category() == Category.EX_CREW && STORY_VILLAGE.equals(person.regionCode())
				&& !person.events(PersonHistory.DocumentAdded.class).isEmpty()
				&& !person.events(PersonHistory.VesselServed.class).isEmpty();
	}
}
