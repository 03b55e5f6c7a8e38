package id.pantau.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestPhotos;
import id.pantau.reports.domain.PhotoStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reports module erases its own concluded reports for the retention job: what was heard and seen goes, the
 * report's village, state and outcome stay, and the photo's file goes only once the erasure has committed.
 */
@PantauIntegrationTest
class ReportPersonalDataIntegrationTests {

	/** Long before any report another test writes: the erasure reaches this test's reports only. */
	private static final Instant LIMIT = Instant.parse("1995-01-01T00:00:00Z");
	private static final String MARKER = "[DIANONIMKAN]";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportPersonalData reports;

	@Autowired
	PhotoStore photos;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void erasesWhatAConcludedReportHeardAndDeletesItsPhotoOnceCommitted() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		PhotoStore.Stored photo = photos.store(photos.prepare(new ByteArrayInputStream(TestPhotos.jpeg()), 1_000));
		long report = concluded("LAMA DILAPORKAN " + tag, photo.id(), "1990-03-01T00:00:00Z");
		long recent = concluded("BARU DILAPORKAN " + tag, null, "1999-03-01T00:00:00Z");

		TransactionTemplate transaction = new TransactionTemplate(transactions);
		int erased = transaction.execute(status -> {
			assertThat(reports.concludedBefore(LIMIT, MARKER)).contains(report).doesNotContain(recent);
			int count = reports.eraseConcluded(LIMIT, MARKER);
			assertThat(photos.read(photo.id())).as("kept until the erasure commits").isNotEmpty();
			return count;
		});

		assertThat(erased).isGreaterThanOrEqualTo(1);
		Map<String, Object> row = jdbc.sql("""
				select names_as_heard, staying_at, photo_id, state, outcome, village_code from village_report
				where id = :id""").param("id", report).query().singleRow();
		assertThat(row.get("names_as_heard")).isEqualTo(MARKER);
		assertThat(row.get("staying_at")).isNull();
		assertThat(row.get("photo_id")).isNull();
		assertThat(row).containsEntry("state", "VALIDATED").containsEntry("outcome", "KNOWN_IN_ORDER")
				.containsEntry("village_code", "81.72.01.2001");
		assertThat(jdbc.sql("select reason from report_event where village_report_id = :id").param("id", report)
				.query(String.class).list()).containsOnlyNulls();
		assertThat(jdbc.sql("select names_as_heard from village_report where id = :id").param("id", recent)
				.query(String.class).single()).isEqualTo("BARU DILAPORKAN " + tag);
		assertThat(photoKept(photo.id())).as("the photo's file is gone").isFalse();
	}

	@Test
	void aRolledBackErasureKeepsThePhoto() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		PhotoStore.Stored photo = photos.store(photos.prepare(new ByteArrayInputStream(TestPhotos.jpeg()), 1_000));
		long report = concluded("BATAL DIHAPUS " + tag, photo.id(), "1990-04-01T00:00:00Z");

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			reports.eraseConcluded(LIMIT, MARKER);
			status.setRollbackOnly();
		});

		assertThat(jdbc.sql("select names_as_heard from village_report where id = :id").param("id", report)
				.query(String.class).single()).isEqualTo("BATAL DIHAPUS " + tag);
		assertThat(photoKept(photo.id())).isTrue();
	}

	private long concluded(String names, UUID photo, String decidedAt) {
		long id = jdbc.sql("""
				insert into village_report (number, village_code, state, names_as_heard, staying_at, outcome, photo_id,
				  photo_type, created_at, created_by, state_since, updated_at, version)
				values (:number, '81.72.01.2001', 'VALIDATED', :names, 'Rumah Pak Ketua RT', 'KNOWN_IN_ORDER', :photo,
				  :type, :decided::timestamptz - interval '2 days', 'ohoi.fiditan', :decided::timestamptz,
				  :decided::timestamptz, 0)
				returning id""").param("number", "RET-" + UUID.randomUUID()).param("names", names)
				.param("photo", photo, java.sql.Types.OTHER).param("type", photo == null ? null : "image/jpeg",
						java.sql.Types.VARCHAR)
				.param("decided", decidedAt).query(Long.class).single();
		jdbc.sql("""
				insert into report_event (village_report_id, at, from_state, to_state, reason, actor)
				values (:id, :decided::timestamptz, 'FORWARDED', 'VALIDATED', 'Nama dan alamat sesuai laporan', 'kesbangpol')""")
				.param("id", id).param("decided", decidedAt).update();
		return id;
	}

	private boolean photoKept(UUID id) {
		try {
			return photos.read(id).length > 0;
		}
		catch (java.io.UncheckedIOException gone) {
			return false;
		}
	}
}
