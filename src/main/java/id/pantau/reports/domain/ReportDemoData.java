package id.pantau.reports.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

import id.pantau.identity.DemoAccountsCreated;
import id.pantau.platform.DisplayTime;
import id.pantau.reference.RegionLevel;
import id.pantau.reference.ReferenceData;
import id.pantau.platform.Scope;
import id.pantau.reports.ValidationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo reports in every state across the villages (some waiting too long in an inbox), and monthly reports for the
 * last three months in which a few villages stayed silent last month. Generated from a fixed seed after the demo
 * registry.
 */
@Component
class ReportDemoData {

	private static final Logger log = LoggerFactory.getLogger(ReportDemoData.class);
	private static final String SILENT_VILLAGE = "81.72.05.2006";
	private static final String RISING_VILLAGE = "81.72.01.2003";

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

	private final VillageReports reports;
	private final VillageReporting reporting;
	private final ReferenceData reference;
	private final JdbcClient jdbc;
	private final Clock clock;

	ReportDemoData(VillageReports reports, VillageReporting reporting, ReferenceData reference, JdbcClient jdbc,
			Clock clock) {
		this.reports = reports;
		this.reporting = reporting;
		this.reference = reference;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	@Order(2)
	@Transactional
	void onDemoAccounts(DemoAccountsCreated event) {
		if (reports.count() > 0) {
			return;
		}
		Random random = new Random(2027);
		Instant now = clock.instant();
		List<String> villages = reference.regionsWithin(Scope.of("81.72"), RegionLevel.VILLAGE).stream()
				.map(r -> r.code()).toList();
		List<Long> persons = jdbc.sql("select id from person where created_by = 'demo' order by id").query(Long.class)
				.list();
		int created = 0;
		for (int i = 0; i < 40; i++) {
			String village = i < 6 ? "81.72.01.2001" : i < 10 ? "81.72.02.2002" : villages.get(random.nextInt(villages.size()));
			String[] s = SIGHTINGS[random.nextInt(SIGHTINGS.length)];
			Instant start = now.minus(Duration.ofHours(6 + random.nextInt(24 * 40)));
			String actor = "ohoi." + village.replace(".", "");
			ReportContent content = new ReportContent(s[0], s[1], reporting.nationalityOf(s[1]), s[2], s[3],
					s[4].isEmpty() ? null : s[4], s[5], s[6], s[7].isEmpty() ? null : s[7], s[8], null);
			VillageReport report = VillageReport.draft(reporting.nextNumber(village, start), village, content, null,
					actor, start);
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
						? null : person, null, List.of(new AgencyView("DISNAKER", stage == 4
								? "Bekerja sesuai izin kerja." : "Tidak terdaftar sebagai tenaga kerja asing.", "kesbangpol",
								t.plus(Duration.ofHours(48)), true)),
						stage == 4 ? "Orang asing ini tercatat dengan izin yang berlaku."
								: "Diserahkan ke Imigrasi untuk diperiksa.", "kesbangpol", t.plus(Duration.ofHours(48)));
			}
			if (stage == 6) {
				report.validate(ValidationOutcome.NOT_A_FOREIGNER, null, null, List.of(),
						"Ternyata WNI dari Papua", "kesbangpol", t.plus(Duration.ofHours(30)));
			}
			reports.save(report);
			created++;
		}
		YearMonth current = YearMonth.from(now.atZone(DisplayTime.ZONE));
		int periodic = 0;
		for (String village : villages) {
			for (int back = 1; back <= 3; back++) {
				YearMonth month = current.minusMonths(back);
				boolean silentLastMonth = back == 1 && (village.endsWith("2004") || village.startsWith("81.72.05.200"))
						&& random.nextInt(2) == 0;
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
				jdbc.sql("""
						insert into periodic_report (village_code, month, nil, foreigners, note, submitted_at, submitted_by)
						values (:village, :month, :nil, :count, null, :at, :actor)""").param("village", village)
						.param("month", month.atDay(1)).param("nil", foreigners == 0).param("count", foreigners)
						.param("at", java.sql.Timestamp.from(at)).param("actor", "ohoi." + village.replace(".", ""))
						.update();
				periodic++;
			}
		}
		log.info("{} laporan desa dan {} laporan bulanan demo dibuat", created, periodic);
	}
}
