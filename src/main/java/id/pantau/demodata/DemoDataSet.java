package id.pantau.demodata;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import id.pantau.demodata.CrossingFile.Traveller;
import id.pantau.crossings.CrossingBulkLoad;
import id.pantau.crossings.Direction;
import id.pantau.demodata.RegistryPopulation.Generated;
import id.pantau.detection.RuleCatalogue;
import id.pantau.followup.AlertBulkLoad;
import id.pantau.followup.Severity;
import id.pantau.matching.MatchBulkLoad;
import id.pantau.platform.copy.CopyTables;
import id.pantau.registry.Category;
import id.pantau.registry.RegistryBulkLoad;
import id.pantau.registry.VesselStatus;
import id.pantau.registry.names.DocumentNumbers;
import id.pantau.reports.ReportBulkLoad;
import id.pantau.reports.ReportState;
import id.pantau.reports.ValidationOutcome;

/**
 * A whole generated data set of any size, written with PostgreSQL COPY in one transaction: the registry
 * ({@link RegistryPopulation}) with vessels for its crew, a year of crossings ({@link CrossingFile}'s travellers, and a
 * share of crossings of registry persons, linked to them as matching would), the linkage cases of those crossings and
 * a review queue, village reports in every state of their workflow with their transitions, a year of monthly reports
 * per village, and alerts in every status. {@code java -jar pantau.jar demo-data} and the benchmarks use this one
 * generator. The same seed and sizes give the same data.
 * <p>
 * Memory does not grow with the size: rows go out in chunks, and a crossing or report about a registry person
 * generates that person again from the seed instead of keeping the registry in memory.
 */
public final class DemoDataSet {

	/** Who the generated rows are created by ({@code created_by} of persons, the import batch...). */
	public static final String ACTOR = "demo-data";
	/** The origin of the import batch the generated crossings belong to. */
	public static final String ORIGIN = "demo-data";

	private static final ZoneId WIT = ZoneId.of("Asia/Jayapura");
	private static final int CHUNK = 50_000;
	/** The rules generated alerts are of, as the detection catalogue describes them, and how often each. */
	private static final List<RuleCatalogue.Rule> RULES = Stream.of("OVERSTAY", "PERMIT_EXPIRING", "NO_ENTRY_RECORD",
			"PRESENT_AFTER_DEPARTURE", "EX_CREW_ASHORE", "DOCUMENT_CONFLICT", "NO_SKTT", "SILENT_VILLAGE",
			"CONCENTRATION").map(RuleCatalogue::of).toList();
	private static final int[] RULE_WEIGHTS = { 25, 20, 5, 10, 15, 3, 15, 3, 4 };
	private static final String[] OUTCOMES = { "RESOLVED_COMPLIANT", "ADMINISTRATIVE_ACTION", "REGULARISED", "DEPARTED",
			"REFERRED", "OTHER" };

	/**
	 * What to generate. {@code villages} are region codes of villages (persons live and reports come from there);
	 * {@code linkedPercent} of the crossings are of registry persons and linked to them.
	 */
	public record Options(int persons, long crossings, int reports, int alerts, List<String> villages,
			int linkedPercent, long seed) {

		public Options {
			if (persons < 0 || crossings < 0 || reports < 0 || alerts < 0 || linkedPercent < 0 || linkedPercent > 100) {
				throw new IllegalArgumentException("sizes must not be negative, linked between 0 and 100");
			}
			if (villages.isEmpty()) {
				throw new IllegalArgumentException("no village");
			}
			villages = List.copyOf(villages);
		}

		/** The sizes of issue 10 for Kota Tual's 30 villages: alerts one for 20 persons, 40 % of crossings linked. */
		public static Options of(int persons, long crossings, int reports, long seed) {
			return new Options(persons, crossings, reports, persons / 20, RegistryPopulation.TUAL_VILLAGES, 40, seed);
		}
	}

	/** Rows written into a table and the time spent writing them (COPY, with the table's indexes in place). */
	public record TableFigures(String table, long rows, double seconds) {

		public double rowsPerSecond() {
			return seconds > 0 ? rows / seconds : 0;
		}
	}

	/** What a run wrote, table by table, and how long it took in all (generating, writing, committing). */
	public record Result(List<TableFigures> tables, double seconds, long firstPersonId, long importBatch) {

		public long rows() {
			return tables.stream().mapToLong(TableFigures::rows).sum();
		}

		public long rows(String table) {
			return tables.stream().filter(t -> t.table().equals(table)).mapToLong(TableFigures::rows).sum();
		}
	}

	private final Options options;
	private final Instant now;
	private final LocalDate today;
	private final PrintStream progress;
	private RegistryPopulation population;
	private long firstPerson;

	private DemoDataSet(Options options, Clock clock, PrintStream progress) {
		this.options = options;
		this.now = clock.instant();
		this.today = LocalDate.ofInstant(now, WIT);
		this.progress = progress;
	}

	/**
	 * Generates the data set into the database of {@code dataSource}, all or nothing, then analyses the tables.
	 * Persons are handed to {@code persons} as they are written (a benchmark keeps them to query for them).
	 */
	public static Result generate(DataSource dataSource, Options options, Clock clock, Consumer<Generated> persons,
			PrintStream progress) throws SQLException, IOException {
		return new DemoDataSet(options, clock, progress).generate(dataSource, persons);
	}

	private Result generate(DataSource dataSource, Consumer<Generated> persons) throws SQLException, IOException {
		long started = System.nanoTime();
		long batch;
		CopyTables tables;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			tables = new CopyTables(connection);
			CrossingBulkLoad crossings = CrossingBulkLoad.into(tables);
			MatchBulkLoad cases = MatchBulkLoad.into(tables);
			ReportBulkLoad reports = ReportBulkLoad.into(tables);
			AlertBulkLoad alerts = AlertBulkLoad.into(tables);
			batch = crossings.importBatch("demo-data", "Data demo buatan (bukan data sebenarnya)", ORIGIN, now, ACTOR);
			int vesselCount = Math.max(10, options.persons() / 1000);
			long firstVessel = vessels(tables, vesselCount);
			population = new RegistryPopulation(options.seed(), today, now, ACTOR, options.villages())
					.withVessels(firstVessel, vesselCount);
			say("persons: %,d", options.persons());
			population.load(tables, options.persons(), persons);
			firstPerson = population.firstId();
			say("crossings: %,d", options.crossings());
			crossings(crossings, cases, batch);
			say("village reports: %,d", options.reports());
			villageReports(reports, cases);
			periodicReports(reports);
			say("alerts: %,d", options.alerts());
			alerts(alerts);
			crossings.finish(batch);
			cases.finish();
			reports.finish();
			alerts.finish();
			say("commit");
			connection.commit();
		}
		long analysing = System.nanoTime();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			say("vacuum analyze");
			statement.execute("vacuum analyze");
		}
		tables.add("(vacuum analyze)", 0, System.nanoTime() - analysing);
		return new Result(tables.figures().stream().map(f -> new TableFigures(f.table(), f.rows(), f.nanos() / 1e9))
				.toList(), (System.nanoTime() - started) / 1e9, firstPerson, batch);
	}

	private long vessels(CopyTables tables, int count) throws SQLException, IOException {
		RegistryBulkLoad registry = RegistryBulkLoad.into(tables);
		long first = registry.nextVesselId();
		Random random = new Random(CrossingFile.mix(options.seed() + 0x7E55E1L));
		String[] flags = { "THA", "THA", "VNM", "CHN", "PHL", "MMR", "IDN" };
		String[] words = { "Mina", "Sinar", "Bintang", "Samudra", "Cahaya", "Lautan", "Mutiara", "Harapan", "Jaya",
				"Perkasa" };
		for (int i = 0; i < count; i++) {
			int draw = random.nextInt(100);
			VesselStatus status = draw < 50 ? VesselStatus.ACTIVE : draw < 70 ? VesselStatus.DEPARTED
					: draw < 85 ? VesselStatus.SEIZED : draw < 95 ? VesselStatus.SUNK : VesselStatus.SCRAPPED;
			Instant created = now.minusSeconds(86_400L * (200 + random.nextInt(3000)));
			registry.vessel(first + i, "KM " + words[random.nextInt(words.length)] + " "
					+ words[random.nextInt(words.length)] + " " + (1 + random.nextInt(99)), flags[random.nextInt(flags.length)],
					"GT." + (100 + random.nextInt(900)) + "/" + (1000 + i),
					random.nextInt(3) == 0 ? Long.toString(9_000_000L + random.nextInt(999_999)) : null,
					"PT Perikanan Kei " + (1 + random.nextInt(20)), status, created);
		}
		registry.flush();
		return first;
	}

	/**
	 * Crossings over the last year, written with their linkage: a crossing of a registry person is linked to them
	 * (a case LINKED, as the linker decides above its threshold); one other crossing in fifty waits in the review queue
	 * against a namesake (a case PENDING with one candidate).
	 */
	private void crossings(CrossingBulkLoad crossings, MatchBulkLoad cases, long batch)
			throws SQLException, IOException {
		long firstCrossing = crossings.nextCrossingId();
		long nextCase = cases.nextCaseId();
		int travellerCount = (int) Math.min(2_000_000, Math.max(1, options.crossings() / 5));
		CrossingFile travellers = new CrossingFile(options.seed(), travellerCount);
		long yearSeconds = 365L * 86_400;
		for (long i = 0; i < options.crossings(); i++) {
			Random random = new Random(CrossingFile.mix(options.seed() * 0x2545F4914F6CDD1DL + i));
			long id = firstCrossing + i;
			boolean entry = random.nextBoolean();
			Instant at = now.minusSeconds(1 + (long) (random.nextDouble() * yearSeconds)).plusNanos(1000 * (i % 1_000_000));
			LocalDate day = LocalDate.ofInstant(at, WIT);
			String port = CrossingFile.PORTS[CrossingFile.weighted(random, CrossingFile.PORT_WEIGHTS)];
			String transport = port.endsWith("-LAUT") ? CrossingFile.VESSELS[random.nextInt(CrossingFile.VESSELS.length)]
					: CrossingFile.FLIGHTS[random.nextInt(CrossingFile.FLIGHTS.length)];
			Generated person = null;
			if (options.persons() > 0 && random.nextInt(100) < options.linkedPercent()) {
				person = population.person(firstPerson + random.nextInt(options.persons()));
				if (!person.searchable() || person.document() == null || person.crossingNationality() == null) {
					person = null; // merged persons and persons without papers have no crossing of their own
				}
			}
			String name;
			String document;
			String nationality;
			LocalDate birthDate = null;
			Integer birthYear = null;
			String sex;
			String permit = null;
			LocalDate stayUntil = null;
			if (person != null) {
				name = person.names().get(0);
				document = person.document();
				nationality = person.crossingNationality();
				birthDate = person.birthDate();
				birthYear = person.birthYear();
				sex = person.sex();
				if (entry) {
					permit = person.permitType() != null ? person.permitType() : "VOA";
					stayUntil = person.permitUntil() != null && person.permitUntil().isAfter(day) ? person.permitUntil()
							: day.plusDays(30);
				}
			}
			else {
				Traveller traveller = travellers.traveller(random.nextInt(travellerCount));
				name = traveller.name();
				document = traveller.document();
				nationality = traveller.nationality();
				sex = traveller.sex().equals("L") ? "M" : "F";
				if (traveller.birth().length() == 10) {
					birthDate = LocalDate.parse(traveller.birth());
					birthYear = birthDate.getYear();
				}
				else if (traveller.birth().length() == 4) {
					birthYear = Integer.parseInt(traveller.birth());
				}
				if (entry) {
					int kind = random.nextInt(100);
					permit = traveller.crew() ? "AWAK_ALAT_ANGKUT" : kind < 50 ? "VOA" : kind < 75 ? "BEBAS_VISA"
							: kind < 92 ? "ITK" : "ITAS";
					stayUntil = day.plusDays(switch (permit) {
						case "ITAS" -> 365;
						case "ITK" -> 60;
						default -> 30;
					});
				}
			}
			crossings.crossing(new CrossingBulkLoad.Crossing(id, entry ? Direction.ENTRY : Direction.EXIT, at, port,
					document, nationality, name, birthDate, birthYear, sex, permit, stayUntil, transport, batch,
					person == null ? null : person.id(), now));
			if (person != null) {
				cases.matchCase(new MatchBulkLoad.Case(nextCase++, "CROSSING", id, null, name, "MATCH", false, "LINKED",
						person.id(), 0.995 + random.nextInt(5) / 1000.0, at));
			}
			else if (options.persons() > 0 && random.nextInt(50) == 0) {
				long candidate = firstPerson + random.nextInt(options.persons());
				double probability = 0.5 + random.nextInt(45) / 100.0;
				cases.matchCase(new MatchBulkLoad.Case(nextCase, "CROSSING", id, null, name, "REVIEW",
						random.nextBoolean(), "PENDING", candidate, probability, at));
				cases.candidate(new MatchBulkLoad.Candidate(nextCase++, candidate, 1, probability,
						Math.log(probability / (1 - probability)) / Math.log(2), 0,
						"demo-data: nama mirip, dokumen berbeda"));
			}
			if ((i + 1) % CHUNK == 0 || i + 1 == options.crossings()) {
				crossings.flush();
				cases.flush();
				if ((i + 1) % (CHUNK * 20) == 0) {
					say("  %,d crossings", i + 1);
				}
			}
		}
	}

	/**
	 * Village reports in every state of the workflow, each with its transitions; half of them about a registry person
	 * (in the person's village, under a name as heard), the others about strangers. A report about a registry person
	 * is linked to them once submitted; a submitted report about a stranger waits for review one time in ten.
	 */
	private void villageReports(ReportBulkLoad reports, MatchBulkLoad cases) throws SQLException, IOException {
		long first = reports.nextReportId();
		long nextCase = cases.nextCaseId();
		CrossingFile strangers = new CrossingFile(options.seed() + 17, Math.max(1, options.reports()));
		List<String> villages = options.villages();
		for (int i = 0; i < options.reports(); i++) {
			Random random = new Random(CrossingFile.mix(options.seed() * 0x632BE59BD9B4E019L + i));
			long id = first + i;
			Generated person = options.persons() > 0 && random.nextBoolean()
					? population.person(firstPerson + random.nextInt(options.persons())) : null;
			if (person != null && (!person.searchable() || person.regionCode() == null)) {
				person = null;
			}
			String village = person != null ? person.regionCode() : villages.get(random.nextInt(villages.size()));
			String name;
			String nationality;
			String sex;
			if (person != null) {
				name = person.names().get(random.nextInt(person.names().size()));
				nationality = person.crossingNationality();
				sex = person.sex();
			}
			else {
				Traveller stranger = strangers.traveller(i);
				name = stranger.name();
				nationality = stranger.nationality();
				sex = stranger.sex().equals("L") ? "M" : "F";
			}
			int draw = random.nextInt(100);
			ReportState state = draw < 10 ? ReportState.DRAFT : draw < 25 ? ReportState.SUBMITTED : draw < 30
					? ReportState.RETURNED : draw < 50 ? ReportState.FORWARDED : draw < 90 ? ReportState.VALIDATED
					: ReportState.REJECTED;
			Instant created = now.minusSeconds(3600L + random.nextInt(400 * 86_400));
			String ohoi = "ohoi." + village.replace(".", "");
			Instant t = created;
			reports.event(new ReportBulkLoad.Event(id, null, ReportState.DRAFT, ohoi, t, null));
			if (state != ReportState.DRAFT) {
				reports.event(new ReportBulkLoad.Event(id, ReportState.DRAFT, ReportState.SUBMITTED, ohoi,
						t = t.plusSeconds(7200), null));
			}
			if (state == ReportState.RETURNED) {
				reports.event(new ReportBulkLoad.Event(id, ReportState.SUBMITTED, ReportState.RETURNED, "bpmpd",
						t = t.plusSeconds(86_400), "Nomor dokumen dan sejak kapan belum diisi. Mohon dilengkapi."));
			}
			if (state == ReportState.FORWARDED || state == ReportState.VALIDATED || state == ReportState.REJECTED) {
				reports.event(new ReportBulkLoad.Event(id, ReportState.SUBMITTED, ReportState.FORWARDED, "bpmpd",
						t = t.plusSeconds(86_400), null));
			}
			ValidationOutcome outcome = null;
			if (state == ReportState.VALIDATED) {
				outcome = person != null ? (random.nextInt(4) == 0 ? ValidationOutcome.POSSIBLE_VIOLATION
						: ValidationOutcome.KNOWN_IN_ORDER) : ValidationOutcome.NEW_PERSON_ADDED;
				reports.event(new ReportBulkLoad.Event(id, ReportState.FORWARDED, ReportState.VALIDATED, "kesbangpol",
						t = t.plusSeconds(2 * 86_400), null));
			}
			if (state == ReportState.REJECTED) {
				outcome = ValidationOutcome.NOT_A_FOREIGNER;
				reports.event(new ReportBulkLoad.Event(id, ReportState.FORWARDED, ReportState.REJECTED, "kesbangpol",
						t = t.plusSeconds(2 * 86_400), "Ternyata WNI; bukan orang asing."));
			}
			if (t.isAfter(now)) {
				t = now;
			}
			Long linked = person != null && state != ReportState.DRAFT && outcome != ValidationOutcome.NOT_A_FOREIGNER
					? person.id() : null;
			reports.report(new ReportBulkLoad.Report(id, "DEMO/" + id, village, state, name, nationality, nationality,
					sex, person != null && person.birthYear() > 0 ? Integer.toString(person.birthYear()) : null,
					person != null ? person.document() : null, random.nextBoolean() ? "Rumah warga, RT 0" + (1 + random.nextInt(5))
							: "Mes kapal", person != null ? activity(person.category()) : "Nelayan", null,
					Integer.toString(today.getYear() - random.nextInt(20)), null, outcome, linked, created, ohoi, t, t));
			if (linked != null) {
				cases.matchCase(new MatchBulkLoad.Case(nextCase++, "REPORT", id, village, name, "MATCH", false, "LINKED",
						linked, 0.99, t));
			}
			else if (person == null && state != ReportState.DRAFT && options.persons() > 0 && random.nextInt(10) == 0) {
				long candidate = firstPerson + random.nextInt(options.persons());
				cases.matchCase(new MatchBulkLoad.Case(nextCase, "REPORT", id, village, name, "REVIEW", false, "PENDING",
						candidate, 0.7, t));
				cases.candidate(new MatchBulkLoad.Candidate(nextCase++, candidate, 1, 0.7, 1.22, 0,
						"demo-data: nama mirip, tanpa dokumen"));
			}
			if ((i + 1) % CHUNK == 0 || i + 1 == options.reports()) {
				reports.flushReports();
				cases.flush();
			}
		}
	}

	private static String activity(Category category) {
		return switch (category) {
			case CREW, EX_CREW -> "Nelayan / ABK";
			case WORKER -> "Karyawan perusahaan";
			case TOURIST -> "Wisata";
			case STUDENT -> "Pelajar";
			case RESEARCHER -> "Penelitian";
			default -> "Tinggal bersama keluarga";
		};
	}

	/**
	 * Monthly reports of the last twelve months: nine villages in ten report each month, a third of them nil; the
	 * others stay silent that month. Months a village already reported are left as they are.
	 */
	private void periodicReports(ReportBulkLoad reports) throws SQLException, IOException {
		if (options.reports() == 0) {
			return;
		}
		Set<ReportBulkLoad.VillageMonth> known = reports.reportedMonths();
		Random random = new Random(CrossingFile.mix(options.seed() + 0x9E51L));
		YearMonth current = YearMonth.from(today);
		for (String village : options.villages()) {
			for (int back = 1; back <= 12; back++) {
				LocalDate month = current.minusMonths(back).atDay(1);
				if (random.nextInt(10) == 0 || known.contains(new ReportBulkLoad.VillageMonth(village, month))) {
					continue;
				}
				boolean nil = random.nextInt(3) == 0;
				Instant submitted = LocalDateTime.of(month.plusMonths(1).plusDays(random.nextInt(10)),
						java.time.LocalTime.NOON).toInstant(ZoneOffset.ofHours(9));
				reports.periodic(new ReportBulkLoad.Periodic(village, month, nil, nil ? 0 : 1 + random.nextInt(40), null,
						submitted, "ohoi." + village.replace(".", "")));
			}
		}
		reports.flushPeriodic();
	}

	/** Alerts of every rule and status, opened over the last year; a person's alert is in that person's village. */
	private void alerts(AlertBulkLoad alerts) throws SQLException, IOException {
		long first = alerts.nextAlertId();
		for (int i = 0; i < options.alerts(); i++) {
			Random random = new Random(CrossingFile.mix(options.seed() * 0x1B873593L + i));
			long id = first + i;
			RuleCatalogue.Rule catalogued = RULES.get(CrossingFile.weighted(random, RULE_WEIGHTS));
			String rule = catalogued.code();
			String subjectType;
			String subjectKey;
			Long personId = null;
			String region;
			if (rule.equals("SILENT_VILLAGE") || rule.equals("CONCENTRATION") || options.persons() == 0) {
				subjectType = "VILLAGE";
				region = options.villages().get(random.nextInt(options.villages().size()));
				subjectKey = region;
			}
			else {
				Generated person = population.person(firstPerson + random.nextInt(options.persons()));
				region = person.regionCode();
				if (rule.equals("DOCUMENT_CONFLICT") && person.document() != null) {
					subjectType = "DOCUMENT";
					subjectKey = DocumentNumbers.searchKey(person.document());
				}
				else {
					subjectType = "PERSON";
					subjectKey = Long.toString(person.id());
					personId = person.id();
				}
			}
			int draw = random.nextInt(100);
			String status = draw < 50 ? "OPEN" : draw < 65 ? "ACKNOWLEDGED" : draw < 90 ? "CLOSED" : "DISMISSED";
			String severity = catalogued.severities().get(random.nextInt(catalogued.severities().size()));
			Instant opened = now.minusSeconds(3600L + random.nextInt(365 * 86_400));
			boolean closed = status.equals("CLOSED") || status.equals("DISMISSED");
			Instant closedAt = closed ? opened.plusSeconds(random.nextInt(30 * 86_400)) : null;
			if (closedAt != null && closedAt.isAfter(now)) {
				closedAt = now;
			}
			alerts.alert(new AlertBulkLoad.Alert(id, rule, Severity.valueOf(severity), subjectType, subjectKey, personId,
					region, ACTOR + ":" + id, catalogued.legalReference(), status,
					status.equals("OPEN") ? null : "IMIGRASI", status.equals("OPEN") ? null : "imigrasi", opened,
					closed ? closedAt : now, closedAt, closed ? "imigrasi" : null,
					status.equals("CLOSED") ? OUTCOMES[random.nextInt(OUTCOMES.length)] : null,
					closed ? "Data demo" : null));
			if ((i + 1) % CHUNK == 0 || i + 1 == options.alerts()) {
				alerts.flush();
			}
		}
	}

	private void say(String format, Object... args) {
		if (progress != null) {
			progress.printf(format + "%n", args);
			progress.flush();
		}
	}
}
