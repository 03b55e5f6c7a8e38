package id.pantau.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.WebSession;
import id.pantau.dashboard.domain.MonthlyRecap;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.Scope;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly recap counts facts: who was present at the end of the last complete month and of the month before, by
 * residence, permit, crossing and status dates, on persons of two villages no other data uses (Sermaf and Lokwirin),
 * whatever day the suite's clock says it is. Its exports print labels, not codes, in both languages.
 */
@PantauIntegrationTest
class MonthlyRecapIntegrationTests {

	static final String SERMAF = "81.72.04.2012";
	static final String LOKWIRIN = "81.72.04.2004";
	static final String TAG = "RECAPTEST";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MonthlyRecap recaps;

	/** The last complete month, its last day, and the last day of the month before. */
	YearMonth month;
	LocalDate end;
	LocalDate endBefore;

	/** The fixtures by name: expected present at {@link #end}, and at {@link #endBefore}, in Sermaf. */
	final Map<String, Long> ids = new HashMap<>();

	@BeforeEach
	void persons() {
		month = TestClock.thisMonth().minusMonths(1);
		end = month.atEndOfMonth();
		endBefore = month.minusMonths(1).atEndOfMonth();
		Instant now = TestClock.now();
		Instant longAgo = at(endBefore.minusDays(400));

		// registered today, living in Sermaf for months: present at both month ends
		long registeredToday = person("REGISTERED_TODAY", "MMR", "EX_CREW", "PRESENT", SERMAF, now);
		residence(registeredToday, SERMAF, endBefore.minusDays(100), null, now);
		// moved in on the 10th of the month: present at its end only
		long movedIn = person("MOVED_IN", "THA", "WORKER", "PRESENT", SERMAF, longAgo);
		residence(movedIn, SERMAF, month.atDay(10), null, longAgo);
		// moved out on the 5th with no later residence: present at the end of the month before only
		long movedOut = person("MOVED_OUT", "THA", "WORKER", "PRESENT", SERMAF, longAgo);
		residence(movedOut, SERMAF, endBefore.minusDays(200), month.atDay(5), longAgo);
		// moved from Lokwirin to Sermaf on the 15th: in Lokwirin before, in Sermaf at the end
		long moved = person("MOVED_VILLAGE", "KHM", "EX_CREW", "PRESENT", SERMAF, longAgo);
		residence(moved, LOKWIRIN, endBefore.minusDays(300), month.atDay(15), longAgo);
		residence(moved, SERMAF, month.atDay(15), null, longAgo);
		// no residence, a permit that ended on the 14th: present (in its village) at the end of the month before only
		long permitEnded = person("PERMIT_ENDED", "AUS", "TOURIST", "PRESENT", SERMAF, longAgo);
		permit(permitEnded, "VOA", endBefore.minusDays(20), month.atDay(14));
		// an entry, then an exit on the 12th, with the residence never closed: gone at the end of the month
		long exited = person("ENTERED_THEN_EXITED", "VNM", "CREW", "PRESENT", SERMAF, longAgo);
		residence(exited, SERMAF, endBefore.minusDays(400), null, longAgo);
		crossing(exited, "ENTRY", endBefore.minusDays(30), endBefore.plusDays(60));
		crossing(exited, "EXIT", month.atDay(12), null);
		// departed on the 20th by status: present at the end of the month before only
		long departed = person("DEPARTED", "NLD", "RESEARCHER", "DEPARTED", SERMAF, longAgo);
		residence(departed, SERMAF, endBefore.minusDays(400), null, longAgo);
		status(departed, "DEPARTED", month.atDay(20));
		// died before the month before ended: never
		long deceased = person("DECEASED", "MMR", "EX_CREW", "DECEASED", SERMAF, longAgo);
		residence(deceased, SERMAF, endBefore.minusDays(400), null, longAgo);
		status(deceased, "DECEASED", endBefore.minusDays(10));
		// a record merged into another: never (the surviving record carries its facts)
		long merged = person("MERGED", "MMR", "EX_CREW", "MERGED", SERMAF, longAgo);
		jdbc.sql("update person set merged_into = :into where id = :id").param("into", registeredToday)
				.param("id", merged).update();
		residence(merged, SERMAF, endBefore.minusDays(400), null, longAgo);
		// moves in only this month, though a permit covers both month ends: the dated residence decides
		long arrivesLater = person("ARRIVES_LATER", "CHN", "WORKER", "PRESENT", SERMAF, longAgo);
		residence(arrivesLater, SERMAF, end.plusDays(1), null, now);
		permit(arrivesLater, "ITAS", endBefore.minusDays(100), end.plusDays(365));
		// no residence, entered on the 3rd with a stay to after the month, nationality unknown: present at the end
		long entered = person("ENTERED", null, "OTHER", "PRESENT", SERMAF, longAgo);
		crossing(entered, "ENTRY", month.atDay(3), end.plusDays(30));
		// an undated residence typed today and nothing else: not known to be there before today
		long undated = person("UNDATED_TODAY", "PHL", "WORKER", "PRESENT", SERMAF, now);
		residence(undated, SERMAF, null, null, now);
	}

	@AfterEach
	void removePersons() {
		List<Long> all = new ArrayList<>(ids.values());
		jdbc.sql("delete from alert_action where alert_id in (select id from alert where facts_key like :tag"
				+ " or person_id in (:ids))").param("tag", TAG + "%").param("ids", all).update();
		jdbc.sql("delete from alert where facts_key like :tag or person_id in (:ids)").param("tag", TAG + "%")
				.param("ids", all).update();
		jdbc.sql("delete from match_candidate where person_id in (:ids)").param("ids", all).update();
		jdbc.sql("delete from crossing where person_id in (:ids)").param("ids", all).update();
		jdbc.sql("update person set merged_into = null, status = 'PRESENT' where id in (:ids)").param("ids", all)
				.update();
		jdbc.sql("delete from person where id in (:ids)").param("ids", all).update();
	}

	@Test
	void presentAtTheEndOfAMonthIsDecidedByResidencePermitCrossingAndStatusDates() {
		List<String> atEnd = List.of("REGISTERED_TODAY", "MOVED_IN", "MOVED_VILLAGE", "ENTERED");
		List<String> atEndBefore = List.of("REGISTERED_TODAY", "MOVED_OUT", "PERMIT_ENDED", "ENTERED_THEN_EXITED",
				"DEPARTED");
		MonthlyRecap.Recap sermaf = recaps.of(Scope.of(SERMAF), "Sermaf", month);
		assertThat(sermaf.presentOn()).isEqualTo(end);
		assertThat(sermaf.presentBeforeOn()).isEqualTo(endBefore);
		assertThat(sermaf.present()).isEqualTo(atEnd.size());
		assertThat(sermaf.presentBefore()).isEqualTo(atEndBefore.size());
		// the list the figure summarises: exactly these persons, each in the village whose residence covered the day
		assertThat(recaps.presentAt(Scope.of(SERMAF), end)).extracting(MonthlyRecap.Presence::personId)
				.containsExactlyInAnyOrderElementsOf(idsOf(atEnd));
		assertThat(recaps.presentAt(Scope.of(SERMAF), endBefore)).extracting(MonthlyRecap.Presence::personId)
				.containsExactlyInAnyOrderElementsOf(idsOf(atEndBefore));
		assertThat(recaps.presentAt(Scope.of(LOKWIRIN), endBefore)).extracting(MonthlyRecap.Presence::personId)
				.containsExactly(ids.get("MOVED_VILLAGE"));
		assertThat(recaps.presentAt(Scope.of(LOKWIRIN), end)).isEmpty();
		// every breakdown adds up to the figure
		for (List<MonthlyRecap.Change> breakdown : List.of(sermaf.byNationality(), sermaf.byCategory(),
				sermaf.byDistrict(), sermaf.byVillage())) {
			assertThat(breakdown.stream().mapToLong(MonthlyRecap.Change::now).sum()).isEqualTo(sermaf.present());
			assertThat(breakdown.stream().mapToLong(MonthlyRecap.Change::before).sum())
					.isEqualTo(sermaf.presentBefore());
		}
		assertThat(sermaf.byVillage()).singleElement().satisfies(v -> {
			assertThat(v.key()).isEqualTo(SERMAF);
			assertThat(v.now()).isEqualTo(4);
			assertThat(v.before()).isEqualTo(5);
		});
		assertThat(sermaf.byNationality()).anySatisfy(n -> {
			assertThat(n.key()).isNull();
			assertThat(n.now()).isEqualTo(1);
			assertThat(n.before()).isZero();
		});
		// the village the person moved from counts them the month before
		MonthlyRecap.Recap lokwirin = recaps.of(Scope.of(LOKWIRIN), "Lokwirin", month);
		assertThat(lokwirin.present()).isZero();
		assertThat(lokwirin.presentBefore()).isEqualTo(1);
		// records created in the month, the figure's own label: these fixtures were made today or long ago
		assertThat(sermaf.registered()).isZero();
	}

	@Test
	void thePageShowsTheLastCompleteMonthByDefaultWithItsFiguresAndDates() {
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		String page = kesbangpol.get("/rekap?region=" + SERMAF + "&lang=id").body();
		String monthName = month.getMonth().getDisplayName(TextStyle.FULL, Locale.forLanguageTag("id"));
		assertThat(page).contains("Sermaf · " + monthName + " " + month.getYear())
				.contains("value=\"" + month + "\"")
				.containsPattern("id=\"recap-present\">4<")
				.contains("per akhir " + dmy(end))
				.contains("akhir bulan sebelumnya (" + dmy(endBefore) + ") 5, perubahan -1")
				.contains("Kewarganegaraan tidak diketahui").contains("Eks ABK").doesNotContain("tanpa desa")
				.doesNotContain("??");
		assertThat(cell(page, "recap-village", "Sermaf")).isEqualTo("4");
	}

	@Test
	void theExportsPrintTheLabelsThePageShowsInIndonesianAndEnglishAndNoCodes() throws Exception {
		Instant opened = at(month.atDay(10));
		long alert = jdbc.sql("""
				insert into alert (rule, severity, subject_type, subject_key, person_id, region_code, facts_key,
				  summary_args, evidence, status, opened_at, last_seen_at, closed_at, closed_by, outcome, version)
				values ('EX_CREW_ASHORE', 'HIGH', 'PERSON', :subject, :person, :region, :facts, '[]', '[]', 'CLOSED',
				  :opened, :opened, :closed, 'test', 'RESOLVED_BY_FACTS', 0)
				returning id""").param("subject", Long.toString(ids.get("MOVED_IN")))
				.param("person", ids.get("MOVED_IN")).param("region", SERMAF).param("facts", TAG + "-ashore")
				.param("opened", Timestamp.from(opened)).param("closed", Timestamp.from(at(month.atDay(11))))
				.query(Long.class).single();
		jdbc.sql("insert into alert_action (alert_id, kind, actor, recorded_at) values (:id, 'FIELD_CHECK', 'test', :at)")
				.param("id", alert).param("at", Timestamp.from(opened)).update();
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		List<String> codes = List.of("EX_CREW_ASHORE", "HIGH", "FIELD_CHECK", "CLOSED", "RESOLVED_BY_FACTS",
				"EX_CREW", "WORKER", SERMAF, "null");

		Map<String, List<String>> labels = Map.of(
				"id", List.of("Eks ABK di darat / Tinggi", "Cek lapangan", "Ditutup / Selesai karena fakta berubah",
						"Eks ABK", "Pekerja (TKA)", "Kewarganegaraan tidak diketahui", "Sermaf"),
				"en", List.of("Former crew ashore / High", "Field check", "Closed / Resolved because the facts changed",
						"Former crew (eks ABK)", "Worker (TKA)", "Nationality unknown", "Sermaf"));
		for (String language : List.of("id", "en")) {
			String query = "/rekap/unduh?month=" + month + "&region=" + SERMAF + "&lang=" + language + "&format=";
			String page = kesbangpol.get("/rekap?month=" + month + "&region=" + SERMAF + "&lang=" + language)
					.body();
			HttpResponse<byte[]> pdf = kesbangpol.getBytes(query + "pdf");
			assertThat(pdf.statusCode()).isEqualTo(200);
			String pdfText;
			try (PDDocument document = Loader.loadPDF(pdf.body())) {
				pdfText = new PDFTextStripper().getText(document);
			}
			HttpResponse<byte[]> xlsx = kesbangpol.getBytes(query + "xlsx");
			assertThat(xlsx.statusCode()).isEqualTo(200);
			String xlsxText = xlsxText(xlsx.body());
			for (String label : labels.get(language)) {
				assertThat(page).as("page in " + language).contains(label);
				assertThat(pdfText.replace('\n', ' ')).as("PDF in " + language).contains(label);
				assertThat(xlsxText).as("XLSX in " + language).contains(label);
			}
			for (String code : codes) {
				assertThat(pdfText).as("PDF in " + language).doesNotContain(code);
				assertThat(xlsxText).as("XLSX in " + language).doesNotContain(code);
			}
			assertThat(pdfText).contains(dmy(end));
		}
	}

	private static String xlsxText(byte[] file) throws Exception {
		StringBuilder text = new StringBuilder();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			for (Sheet sheet : workbook) {
				text.append(sheet.getSheetName()).append('\n');
				for (Row row : sheet) {
					for (Cell cell : row) {
						text.append(cell.getCellType() == CellType.NUMERIC ? Long.toString((long) cell
								.getNumericCellValue()) : cell.getStringCellValue()).append('\t');
					}
					text.append('\n');
				}
			}
		}
		return text.toString();
	}

	/** The figure of a row of a table on the recap page, by the row's label. */
	private static String cell(String page, String table, String label) {
		Matcher m = Pattern.compile("id=\"" + table + "\"[\\s\\S]*?<td[^>]*>" + Pattern.quote(label)
				+ "</td>\\s*<td[^>]*>(\\d+)</td>").matcher(page);
		assertThat(m.find()).as(label + " in " + table).isTrue();
		return m.group(1);
	}

	private List<Long> idsOf(List<String> names) {
		return names.stream().map(ids::get).toList();
	}

	private static String dmy(LocalDate date) {
		return "%02d-%02d-%04d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

	/** Noon of a day in Maluku. */
	private static Instant at(LocalDate day) {
		return day.atTime(12, 0).atZone(DisplayTime.ZONE).toInstant();
	}

	/** A person as the registry stores one: with the status history a registration starts. */
	private long person(String name, String nationality, String category, String status, String region,
			Instant created) {
		long id = jdbc.sql("""
				insert into person (primary_name, sex, nationality, category, status, region_code, created_at,
				  created_by, updated_at, updated_by, version)
				values (:name, 'M', :nationality, :category, 'PRESENT', :region, :created, 'test', :created, 'test', 1)
				returning id""").param("name", TAG + " " + name)
				.param("nationality", nationality, java.sql.Types.VARCHAR).param("category", category)
				.param("region", region).param("created", Timestamp.from(created)).query(Long.class).single();
		jdbc.sql("""
				insert into person_name (person_id, full_name, source, is_primary, search_key, phonetic_key, added_at)
				values (:id, :name, 'OFFICER', true, :name, :name, :created)""").param("id", id)
				.param("name", TAG + " " + name).param("created", Timestamp.from(created)).update();
		jdbc.sql("""
				insert into person_status_change (person_id, status, changed_at, changed_by)
				values (:id, 'PRESENT', :created, 'test')""").param("id", id).param("created", Timestamp.from(created))
				.update();
		if (!status.equals("PRESENT") && !status.equals("MERGED")) {
			jdbc.sql("update person set status = :status where id = :id").param("status", status).param("id", id)
					.update();
		}
		if (status.equals("MERGED")) {
			// merged_into is set by the caller; the check constraint wants both at once
			jdbc.sql("update person set status = 'MERGED', merged_into = id where id = :id").param("id", id).update();
		}
		ids.put(name, id);
		return id;
	}

	private void residence(long person, String region, LocalDate since, LocalDate until, Instant added) {
		jdbc.sql("""
				insert into residence (person_id, region_code, address, since, until, added_at)
				values (:p, :region, 'RT 01', :since, :until, :added)""").param("p", person).param("region", region)
				.param("since", since, java.sql.Types.DATE).param("until", until, java.sql.Types.DATE)
				.param("added", Timestamp.from(added)).update();
	}

	private void permit(long person, String type, LocalDate from, LocalDate until) {
		jdbc.sql("""
				insert into stay_permit (person_id, permit_type, valid_from, valid_until, added_at)
				values (:p, :type, :from, :until, :added)""").param("p", person).param("type", type)
				.param("from", from).param("until", until).param("added", Timestamp.from(at(from))).update();
	}

	private void status(long person, String status, LocalDate day) {
		jdbc.sql("""
				insert into person_status_change (person_id, status, changed_at, changed_by, reason)
				values (:p, :status, :at, 'test', 'recap test')""").param("p", person).param("status", status)
				.param("at", Timestamp.from(at(day))).update();
	}

	private void crossing(long person, String direction, LocalDate day, LocalDate stayUntil) {
		String document = TAG + person;
		jdbc.sql("""
				insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
				  full_name, name_key, stay_until, person_id, created_at)
				values (:direction, :at, 'TUAL', :doc, :doc, 'VNM', :name, :name, :stay, :p, :at)""")
				.param("direction", direction).param("at", Timestamp.from(at(day))).param("doc", document)
				.param("name", TAG + " CROSSER").param("stay", stayUntil, java.sql.Types.DATE).param("p", person)
				.update();
	}
}
