package id.pantau.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.crossings.CrossingPersonalData;
import id.pantau.crossings.domain.CrossingImports;
import id.pantau.crossings.domain.CrossingMonthCounts;
import id.pantau.dashboard.domain.DashboardQueries;
import id.pantau.followup.domain.OpenAlertCounts;
import id.pantau.platform.Scope;
import id.pantau.registry.RegistryPersonalData;
import id.pantau.registry.domain.PresentPersonCounts;
import id.pantau.reports.domain.ReportStateCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counts the owners keep as their data changes (V32, V34) equal a recount of the counted table after every kind of
 * write: inserts, updates that move a row between keys and updates that do not, deletes, privacy's anonymisation and
 * erasure, an import, and compaction. Each check compares the whole table with the whole read model, so it holds
 * whatever else the shared database holds.
 */
@PantauIntegrationTest
class MaintainedCountsIntegrationTests {

	private static final String VILLAGE = "81.72.01.2001";
	private static final String OTHER_VILLAGE = "81.72.01.2002";

	@TempDir
	Path folder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	RegistryPersonalData registryPersonalData;

	@Autowired
	CrossingPersonalData crossingPersonalData;

	@Autowired
	CrossingImports imports;

	@Autowired
	PresentPersonCounts presentCounts;

	@Autowired
	ReportStateCounts reportCounts;

	@Autowired
	CrossingMonthCounts crossingCounts;

	@Autowired
	OpenAlertCounts openAlertCounts;

	@Autowired
	DashboardQueries dashboard;

	@Test
	void presentPersonsPerVillageEqualARecountAfterEveryKindOfWrite() {
		String tag = tag();
		assertPresentPersonsAgree("before");
		long first = person("HADIR SATU " + tag, "PRESENT", VILLAGE);
		long second = person("HADIR DUA " + tag, "PRESENT", VILLAGE);
		long unplaced = person("TANPA DESA " + tag, "PRESENT", null);
		person("SUDAH PERGI " + tag, "DEPARTED", VILLAGE);
		jdbc.sql("""
				insert into person (primary_name, sex, nationality, category, status, region_code, created_at, created_by,
				  updated_at, updated_by, version)
				select 'BANYAK ' || :tag || ' ' || g, 'F', 'THA', 'WORKER', 'PRESENT', :village, now(), 'uji', now(), 'uji', 0
				from generate_series(1, 40) g""").param("tag", tag).param("village", OTHER_VILLAGE).update();
		assertPresentPersonsAgree("after registrations, one of many rows");

		jdbc.sql("update person set region_code = :v, version = version + 1 where id = :id").param("v", OTHER_VILLAGE)
				.param("id", first).update();
		jdbc.sql("update person set status = 'DEPARTED', version = version + 1 where id = :id").param("id", second)
				.update();
		jdbc.sql("update person set category = 'CREW', nationality = 'VNM' where primary_name like :p")
				.param("p", "BANYAK " + tag + " 1%").update();
		jdbc.sql("update person set notes = 'hanya catatan' where id = :id").param("id", unplaced).update();
		assertPresentPersonsAgree("after moves, departures, a changed category and an edit that moves nothing");

		new TransactionTemplate(transactions)
				.executeWithoutResult(status -> registryPersonalData.anonymise(first, "ANONIM", Instant.now()));
		assertPresentPersonsAgree("after anonymisation");

		jdbc.sql("delete from person where primary_name like :p").param("p", "BANYAK " + tag + " 2%").update();
		jdbc.sql("delete from person where id = :id").param("id", unplaced).update();
		assertPresentPersonsAgree("after deletions");

		presentCounts.compact();
		assertPresentPersonsAgree("after compaction");
		assertThat(jdbc.sql("""
				select count(*) from (select region_code, nationality, category from person_present_count
				  group by 1, 2, 3 having count(*) > 1) folded""").query(Long.class).single())
				.as("one row per key once compacted").isZero();
	}

	@Test
	void aWriterDoesNotWaitForAnotherWriterOfTheSameVillage() throws Exception {
		String tag = tag();
		CountDownLatch inserted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
				.executeWithoutResult(status -> {
					person("LAMBAT " + tag, "PRESENT", VILLAGE);
					inserted.countDown();
					await(release);
				}));
		assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
		// with one counter row per village this insert would wait for the open transaction above
		CompletableFuture<Long> quick = CompletableFuture.supplyAsync(() -> person("CEPAT " + tag, "PRESENT", VILLAGE));
		try {
			assertThat(quick.get(20, TimeUnit.SECONDS)).isPositive();
		}
		finally {
			release.countDown();
			slow.get(30, TimeUnit.SECONDS);
		}
		assertPresentPersonsAgree("after two concurrent writers of one village");
	}

	@Test
	void reportsPerVillageAndStateEqualARecountAfterEveryKindOfWrite() {
		String tag = tag();
		assertReportsAgree("before");
		long report = report(tag + "-1", VILLAGE, "DRAFT");
		report(tag + "-2", VILLAGE, "SUBMITTED");
		jdbc.sql("""
				insert into village_report (number, village_code, state, names_as_heard, created_at, created_by,
				  state_since, updated_at, version)
				select :tag || '-m' || g, :village, (array['FORWARDED', 'VALIDATED', 'REJECTED'])[1 + g % 3], 'NAMA ' || g,
				  now(), 'uji', now(), now(), 0
				from generate_series(1, 30) g""").param("tag", tag).param("village", OTHER_VILLAGE).update();
		assertReportsAgree("after reports");

		jdbc.sql("update village_report set state = 'SUBMITTED', version = version + 1 where id = :id")
				.param("id", report).update();
		jdbc.sql("update village_report set names_as_heard = 'DIHAPUS' where number like :p").param("p", tag + "-m%")
				.update();
		assertReportsAgree("after a transition and an erasure of what was heard");

		jdbc.sql("delete from village_report where number like :p").param("p", tag + "-m1%").update();
		assertReportsAgree("after deletions");

		reportCounts.compact();
		assertReportsAgree("after compaction");
	}

	@Test
	void crossingsPerMonthEqualARecountAfterAnImportLinksErasureAndDeletions() throws Exception {
		String tag = tag();
		assertCrossingsAgree("before");
		Path file = Files.createTempFile(folder, "crossings", ".csv");
		Files.writeString(file, """
				Arah;Waktu;TPI;Nomor Dokumen;Kewarganegaraan;Nama;Tanggal Lahir;Jenis Kelamin;Jenis Izin;Izin Berlaku Sampai;Alat Angkut\r
				MASUK;2026-03-31 20:30+00:00;TUAL-LAUT;HT%1$s1;Myanmar;HITUNG SATU;1979-03-15;L;VOA;2026-04-30;KM Sirimau\r
				KELUAR;2026-04-02 09:00;TUAL-LAUT;HT%1$s1;MMR;HITUNG SATU;1979-03-15;L;;;KM Sirimau\r
				MASUK;2026-04-03 10:00;TUAL-LAUT;HT%1$s2;Viet Nam;HITUNG DUA;;L;;;\r
				""".formatted(tag), StandardCharsets.UTF_8);
		assertThat(imports.importFile(file, new CrossingImports.Provenance("imigrasi", "hitung.csv", "Surat uji",
				"SIMKIM uji " + tag), null, p -> {
				}).added()).isEqualTo(3);
		assertCrossingsAgree("after an import");
		assertThat(jdbc.sql("""
				select n from crossing_month_count where month = date '2026-04-01' and direction = 'ENTRY'""")
				.query(Long.class).list()).as("20:30 UTC on 31 March is 1 April in Maluku").isNotEmpty();

		long old = crossing("LAMA " + tag, Instant.parse("1989-06-01T00:00:00Z"), "ENTRY");
		crossing("LAMA " + tag, Instant.parse("1989-07-01T00:00:00Z"), "EXIT");
		jdbc.sql("update crossing set crossed_at = crossed_at + interval '40 days' where id = :id").param("id", old)
				.update();
		jdbc.sql("update crossing set person_id = null where document_number like :p").param("p", "HT" + tag + "%")
				.update();
		assertCrossingsAgree("after a moved crossing and links that move nothing");

		new TransactionTemplate(transactions).executeWithoutResult(
				status -> crossingPersonalData.eraseBefore(Instant.parse("1990-01-01T00:00:00Z")));
		assertCrossingsAgree("after retention's erasure");

		jdbc.sql("delete from crossing where document_number = :doc").param("doc", "HT" + tag + "2").update();
		assertCrossingsAgree("after a deletion");

		crossingCounts.compact();
		assertCrossingsAgree("after compaction");
	}

	@Test
	void openAlertsPerVillageAndSeverityEqualARecountAfterEveryKindOfWrite() {
		String tag = tag();
		assertOpenAlertsAgree("before");
		long first = alert(tag + "-1", "HIGH", "OPEN", VILLAGE);
		long second = alert(tag + "-2", "LOW", "OPEN", VILLAGE);
		alert(tag + "-3", "MEDIUM", "OPEN", null);
		alert(tag + "-4", "CRITICAL", "CLOSED", OTHER_VILLAGE);
		jdbc.sql("""
				insert into alert (rule, severity, subject_type, subject_key, region_code, facts_key, summary_args,
				  evidence, status, opened_at, last_seen_at, version)
				select 'TEST_COUNTS', 'MEDIUM', 'DOCUMENT', :tag || '-many-' || g, :village, 'f', '[]', '[]', 'OPEN', now(),
				  now(), 0
				from generate_series(1, 30) g""").param("tag", tag).param("village", OTHER_VILLAGE).update();
		assertOpenAlertsAgree("after a detection run's inserts");

		jdbc.sql("update alert set status = 'ACKNOWLEDGED', version = version + 1 where id = :id").param("id", first)
				.update();
		assertOpenAlertsAgree("after an acknowledgement, which keeps it open");
		jdbc.sql("update alert set status = 'CLOSED', closed_at = now(), version = version + 1 where id = :id")
				.param("id", second).update();
		jdbc.sql("update alert set severity = 'HIGH', region_code = :v where subject_key like :p")
				.param("v", VILLAGE).param("p", tag + "-many-1%").update();
		jdbc.sql("update alert set last_seen_at = now() where subject_key like :p").param("p", tag + "-many-2%").update();
		assertOpenAlertsAgree("after a closing, a move and a new severity, and an edit that moves nothing");

		jdbc.sql("delete from alert where subject_key like :p").param("p", tag + "-many-3%").update();
		assertOpenAlertsAgree("after deletions");

		openAlertCounts.compact();
		assertOpenAlertsAgree("after compaction");
		assertThat(dashboard.figures(Scope.of(VILLAGE), false).openAlertsTotal()).as("the dashboard reads them")
				.isEqualTo(jdbc.sql("select count(*) from alert where status in ('OPEN', 'ACKNOWLEDGED') and region_code = :v")
						.param("v", VILLAGE).query(Long.class).single());
	}

	@Test
	void theDashboardShowsTheMonthsOfCrossingsAsCounted() {
		YearMonth month = TestClock.thisMonth();
		List<DashboardQueries.MonthCrossings> before = dashboard.figures(Scope.of("81.72"), true).crossings();
		crossing("BARU " + tag(), TestClock.now(), "ENTRY");
		List<DashboardQueries.MonthCrossings> after = dashboard.figures(Scope.of("81.72"), true).crossings();
		DashboardQueries.MonthCrossings last = after.get(after.size() - 1);
		assertThat(last.month()).isEqualTo(month);
		assertThat(last.entries()).as("current on the next dashboard, with nothing kept in one instance's memory")
				.isEqualTo(before.get(before.size() - 1).entries() + 1)
				.isEqualTo(jdbc.sql("""
						select count(*) from crossing where direction = 'ENTRY'
						  and date_trunc('month', crossed_at at time zone 'Asia/Jayapura')::date = :month""")
						.param("month", month.atDay(1)).query(Long.class).single());
	}

	private void assertPresentPersonsAgree(String when) {
		assertAgree(when, """
				select region_code, nationality, category, count(*) from person where status = 'PRESENT' group by 1, 2, 3""",
				"""
				select region_code, nationality, category, sum(n) from person_present_count group by 1, 2, 3
				having sum(n) <> 0""");
	}

	private void assertOpenAlertsAgree(String when) {
		assertAgree(when, """
				select region_code, severity, count(*) from alert where status in ('OPEN', 'ACKNOWLEDGED') group by 1, 2""",
				"select region_code, severity, sum(n) from open_alert_count group by 1, 2 having sum(n) <> 0");
	}

	private void assertReportsAgree(String when) {
		assertAgree(when, "select village_code, state, count(*) from village_report group by 1, 2", """
				select village_code, state, sum(n) from village_report_state_count group by 1, 2 having sum(n) <> 0""");
	}

	private void assertCrossingsAgree(String when) {
		assertAgree(when, """
				select date_trunc('month', crossed_at at time zone 'Asia/Jayapura')::date, direction, count(*)
				from crossing group by 1, 2""",
				"select month, direction, sum(n) from crossing_month_count group by 1, 2 having sum(n) <> 0");
	}

	/** Both queries give the same rows (keys and counts), in either direction. */
	private void assertAgree(String when, String recount, String maintained) {
		long differing = jdbc.sql("select count(*) from (((" + recount + ") except (" + maintained + ")) union all (("
				+ maintained + ") except (" + recount + "))) differing").query(Long.class).single();
		assertThat(differing).as("keys whose kept count differs from a recount, " + when).isZero();
	}

	private long person(String name, String status, String village) {
		return jdbc.sql("""
				insert into person (primary_name, sex, nationality, category, status, region_code, created_at, created_by,
				  updated_at, updated_by, version)
				values (:name, 'M', 'MMR', 'EX_CREW', :status, :village, now(), 'uji', now(), 'uji', 0) returning id""")
				.param("name", name).param("status", status).param("village", village).query(Long.class).single();
	}

	/**
	 * An alert of a rule the detection engine does not run: a real rule's next run, in a later test, would take an
	 * alert without a person for one of its own that is gone, and fail (OVERSTAY did, in CI).
	 */
	private long alert(String subject, String severity, String status, String village) {
		return jdbc.sql("""
				insert into alert (rule, severity, subject_type, subject_key, region_code, facts_key, summary_args, evidence,
				  status, opened_at, last_seen_at, version)
				values ('TEST_COUNTS', :severity, 'DOCUMENT', :subject, :village, 'f', '[]', '[]', :status, now(), now(), 0)
				returning id""").param("severity", severity).param("subject", subject).param("village", village)
				.param("status", status).query(Long.class).single();
	}

	private long report(String number, String village, String state) {
		return jdbc.sql("""
				insert into village_report (number, village_code, state, names_as_heard, created_at, created_by,
				  state_since, updated_at, version)
				values (:number, :village, :state, 'NAMA', now(), 'uji', now(), now(), 0) returning id""")
				.param("number", number).param("village", village).param("state", state).query(Long.class).single();
	}

	private long crossing(String name, Instant at, String direction) {
		String document = "D" + tag() + Math.abs(name.hashCode() % 1000);
		return jdbc.sql("""
				insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
				  full_name, name_key, created_at)
				values (:direction, :at, 'TUAL-LAUT', :doc, :doc, 'MMR', :name, lower(:name), now()) returning id""")
				.param("direction", direction).param("at", Timestamp.from(at)).param("doc", document)
				.param("name", name).query(Long.class).single();
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String tag() {
		return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT)
				+ LocalDate.now(ZoneOffset.UTC).getDayOfMonth();
	}
}
