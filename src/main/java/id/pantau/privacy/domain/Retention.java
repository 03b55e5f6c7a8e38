package id.pantau.privacy.domain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.followup.AlertBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly retention job. What is past its period ({@link RetentionSettings}):
 * <ul>
 * <li>a person departed, deported or deceased for {@code personYears}, with no open alert: names, documents, permits,
 * residences, crew service, NIK links and humanitarian flags are erased; the person row keeps only what statistics
 * need (sex, nationality, category, status, region) under the name {@code [DIANONIMKAN]}; the person's crossings,
 * reports, match cases and closed alerts are unlinked or emptied of the person's details;</li>
 * <li>a village report concluded for {@code reportYears}: what was heard and seen (names, documents, address, note,
 * photo) is erased; the report's village, month, state and outcome stay for completeness figures;</li>
 * <li>crossing records older than {@code crossingYears} are deleted with their match cases, and the refused rows
 * (raw lines) of batches older than that; the batch row (file hash, legal basis, counts) stays.</li>
 * </ul>
 * Each erasure is written to the audit trail (one entry per person, one summary per run) in the same transaction. The
 * audit trail itself is never deleted from: it holds ids and short facts, not the erased details.
 */
@Service
public class Retention {

	static final String ANONYMISED = "[DIANONIMKAN]";
	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final AlertBook alerts;
	private final TransactionTemplate transaction;
	private final RetentionSettings settings;
	private final Clock clock;
	private final Path photos;

	Retention(JdbcClient jdbc, AuditTrail audit, AlertBook alerts, PlatformTransactionManager transactions,
			RetentionSettings settings, Clock clock, @Value("${pantau.storage.dir:./data/files}") Path storage) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.alerts = alerts;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = settings;
		this.clock = clock;
		this.photos = storage.resolve("photos");
	}

	/** What one run erased. */
	public record Outcome(int persons, int reports, int crossings, int refusedRows) {
	}

	@Scheduled(cron = "${pantau.privacy.retention.cron:0 30 2 * * *}", zone = "Asia/Jayapura")
	void nightly() {
		Outcome outcome = apply();
		log.info("Retensi data: {} orang dianonimkan, {} laporan, {} perlintasan, {} baris ditolak dihapus",
				outcome.persons(), outcome.reports(), outcome.crossings(), outcome.refusedRows());
	}

	/** Applies the retention periods as of the clock's now, in one transaction. */
	public Outcome apply() {
		Instant now = clock.instant();
		List<String> photoIds = new java.util.ArrayList<>();
		Outcome outcome = transaction.execute(status -> {
			int persons = settings.personYears() > 0 ? anonymisePersons(before(now, settings.personYears())) : 0;
			int reports = 0;
			if (settings.reportYears() > 0) {
				Timestamp limit = before(now, settings.reportYears());
				photoIds.addAll(jdbc.sql("""
						select photo_id::text from village_report
						where state in ('VALIDATED', 'REJECTED') and state_since < :limit and photo_id is not null""")
						.param("limit", limit).query(String.class).list());
				reports = anonymiseReports(limit);
			}
			int crossings = 0;
			int refused = 0;
			if (settings.crossingYears() > 0) {
				Timestamp limit = before(now, settings.crossingYears());
				jdbc.sql("""
						delete from match_case where record_kind = 'CROSSING'
						  and record_id in (select id from crossing where crossed_at < :limit)""")
						.param("limit", limit).update();
				crossings = jdbc.sql("delete from crossing where crossed_at < :limit").param("limit", limit).update();
				refused = jdbc.sql("""
						delete from import_row_error
						where batch_id in (select id from import_batch where created_at < :limit)""")
						.param("limit", limit).update();
			}
			Outcome result = new Outcome(persons, reports, crossings, refused);
			audit.recordAs("system", AuditEntry.of("RETENTION_APPLIED").detail("persons", persons)
					.detail("reports", reports).detail("crossings", crossings).detail("refusedRows", refused)
					.detail("personYears", settings.personYears()).detail("reportYears", settings.reportYears())
					.detail("crossingYears", settings.crossingYears()));
			return result;
		});
		for (String id : photoIds) {
			try {
				Files.deleteIfExists(photos.resolve(id));
			}
			catch (java.io.IOException e) {
				log.warn("Foto laporan {} tidak dapat dihapus: {}", id, e.getMessage());
			}
		}
		return outcome;
	}

	private static Timestamp before(Instant now, int years) {
		return Timestamp.from(now.atOffset(ZoneOffset.UTC).minusYears(years).toInstant());
	}

	private int anonymisePersons(Timestamp limit) {
		List<Long> candidates = jdbc.sql("""
				select p.id from person p
				where p.status in ('DEPARTED', 'DEPORTED', 'DECEASED') and p.primary_name <> :anonymised
				  and coalesce((select max(c.changed_at) from person_status_change c
				                where c.person_id = p.id and c.status = p.status), p.updated_at) < :limit
				  and not exists (select 1 from person m where m.merged_into = p.id and m.primary_name <> :anonymised)
				order by p.id""").param("limit", limit).param("anonymised", ANONYMISED).query(Long.class).list();
		// a person whose alert is still being followed up keeps their details until it is concluded
		java.util.Set<Long> followedUp = alerts.withActiveAlerts(candidates);
		List<Long> ids = candidates.stream().filter(id -> !followedUp.contains(id)).toList();
		for (long id : ids) {
			String region = jdbc.sql("select region_code from person where id = :id").param("id", id)
					.query(String.class).optional().orElse(null);
			for (String table : List.of("person_name", "travel_document", "stay_permit", "residence",
					"vessel_assignment", "identity_link", "humanitarian_flag")) {
				jdbc.sql("delete from " + table + " where person_id = :id").param("id", id).update();
			}
			jdbc.sql("update person_status_change set reason = null where person_id = :id").param("id", id).update();
			jdbc.sql("""
					update person set primary_name = :anonymised, birth_date = null, birth_year = null,
					  claimed_nationality = null, notes = null, external_ref = null, updated_at = :now, updated_by = 'system',
					  version = version + 1
					where id = :id""").param("anonymised", ANONYMISED).param("now", Timestamp.from(clock.instant()))
					.param("id", id).update();
			jdbc.sql("update crossing set person_id = null where person_id = :id").param("id", id).update();
			jdbc.sql("update village_report set person_id = null where person_id = :id").param("id", id).update();
			// the row's id in the list stays, so that importing the list again does not register the person anew
			jdbc.sql("""
					update person_list_row set full_name = null, sex = null, birth_date = null, birth_year = null,
					  nationality = null, document_number = null, village_code = null, permit_type = null,
					  permit_until = null, cells = null
					where person_id = :id""").param("id", id).update();
			jdbc.sql("delete from match_candidate where person_id = :id").param("id", id).update();
			jdbc.sql("update match_case set person_id = null, record_name = :anonymised where person_id = :id")
					.param("anonymised", ANONYMISED).param("id", id).update();
			alerts.anonymiseAbout(id);
			audit.recordAs("system", AuditEntry.of("PERSON_ANONYMISED").subject("PERSON", id).region(region)
					.detail("reason", "retention"));
		}
		return ids.size();
	}

	private int anonymiseReports(Timestamp limit) {
		jdbc.sql("""
				update match_case set record_name = :anonymised where record_kind = 'REPORT' and record_id in
				  (select id from village_report where state in ('VALIDATED', 'REJECTED') and state_since < :limit
				     and names_as_heard <> :anonymised)""").param("anonymised", ANONYMISED).param("limit", limit)
				.update();
		jdbc.sql("""
				update report_event set reason = null where village_report_id in
				  (select id from village_report where state in ('VALIDATED', 'REJECTED') and state_since < :limit
				     and names_as_heard <> :anonymised)""").param("anonymised", ANONYMISED).param("limit", limit)
				.update();
		jdbc.sql("""
				update report_agency_view set view_text = '' where village_report_id in
				  (select id from village_report where state in ('VALIDATED', 'REJECTED') and state_since < :limit
				     and names_as_heard <> :anonymised)""").param("anonymised", ANONYMISED).param("limit", limit)
				.update();
		return jdbc.sql("""
				update village_report set names_as_heard = :anonymised, age_or_birth = null, document_numbers = null,
				  staying_at = null, activity = null, employer_or_vessel = null, present_since = null, note = null,
				  nationality_text = null, photo_id = null, photo_type = null, person_id = null,
				  version = version + 1
				where state in ('VALIDATED', 'REJECTED') and state_since < :limit and names_as_heard <> :anonymised""")
				.param("anonymised", ANONYMISED).param("limit", limit).update();
	}
}
