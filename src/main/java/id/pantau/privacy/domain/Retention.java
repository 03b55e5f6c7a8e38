package id.pantau.privacy.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.crossings.CrossingPersonalData;
import id.pantau.followup.AlertBook;
import id.pantau.matching.MatchingPersonalData;
import id.pantau.registry.RegistryPersonalData;
import id.pantau.reports.ReportPersonalData;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Each owner erases its own tables ({@link RegistryPersonalData}, {@link CrossingPersonalData},
 * {@link ReportPersonalData}, {@link MatchingPersonalData}, {@link AlertBook}) in this job's transaction; the reports delete their photos
 * once it has committed. Each erasure is written to the audit trail (one entry per person, one summary per run) in the
 * same transaction. The audit trail itself is never deleted from: it holds ids and short facts, not the erased
 * details.
 */
@Service
public class Retention {

	static final String ANONYMISED = "[DIANONIMKAN]";
	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final TransactionTemplate transaction;
	private final RetentionSettings settings;
	private final Clock clock;
	private final Owners owners;

	/** The modules whose tables hold personal data, each erasing its own. */
	record Owners(RegistryPersonalData persons, CrossingPersonalData crossings,
			ReportPersonalData reports, MatchingPersonalData matching, AlertBook alerts) {
	}

	Retention(JdbcClient jdbc, AuditTrail audit, AlertBook alerts, PlatformTransactionManager transactions,
			RetentionSettings settings, Clock clock, RegistryPersonalData persons,
			CrossingPersonalData crossings, ReportPersonalData reports, MatchingPersonalData matching) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = settings;
		this.clock = clock;
		this.owners = new Owners(persons, crossings, reports, matching, alerts);
	}

	/** What one run erased. */
	public record Outcome(int persons, int reports, int crossings, int refusedRows) {
	}

	/** Once a night across all instances (ShedLock); the lock is held at most two hours, past any real run. */
	@Scheduled(cron = "${pantau.privacy.retention.cron:0 30 2 * * *}", zone = "Asia/Jayapura")
	@SchedulerLock(name = "retention-nightly", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
	void nightly() {
		Outcome outcome = apply();
		log.info("Retensi data: {} orang dianonimkan, {} laporan, {} perlintasan, {} baris ditolak dihapus",
				outcome.persons(), outcome.reports(), outcome.crossings(), outcome.refusedRows());
	}

	/** Applies the retention periods as of the clock's now, in one transaction. */
	public Outcome apply() {
		Instant now = clock.instant();
		return transaction.execute(status -> {
			int persons = settings.personYears() > 0 ? anonymisePersons(before(now, settings.personYears())) : 0;
			int reports = 0;
			if (settings.reportYears() > 0) {
				Instant limit = before(now, settings.reportYears()).toInstant();
				owners.matching().anonymiseReports(owners.reports().concludedBefore(limit, ANONYMISED), ANONYMISED);
				reports = owners.reports().eraseConcluded(limit, ANONYMISED);
			}
			int crossings = 0;
			int refused = 0;
			if (settings.crossingYears() > 0) {
				Instant limit = before(now, settings.crossingYears()).toInstant();
				owners.matching().forgetCrossingsBefore(limit);
				crossings = owners.crossings().eraseBefore(limit);
				refused = owners.crossings().eraseRefusedRowsBefore(limit);
			}
			Outcome result = new Outcome(persons, reports, crossings, refused);
			audit.recordAs("system", AuditEntry.of("RETENTION_APPLIED").detail("persons", persons)
					.detail("reports", reports).detail("crossings", crossings).detail("refusedRows", refused)
					.detail("personYears", settings.personYears()).detail("reportYears", settings.reportYears())
					.detail("crossingYears", settings.crossingYears()));
			return result;
		});
	}

	private static Timestamp before(Instant now, int years) {
		return Timestamp.from(now.atOffset(ZoneOffset.UTC).minusYears(years).toInstant());
	}

	private int anonymisePersons(Timestamp limit) {
		Map<Long, String> candidates = new LinkedHashMap<>();
		jdbc.sql("""
				select p.id, p.region_code from person_read p
				where p.status in ('DEPARTED', 'DEPORTED', 'DECEASED') and p.primary_name <> :anonymised
				  and coalesce((select max(c.changed_at) from person_status_change_read c
				                where c.person_id = p.id and c.status = p.status), p.updated_at) < :limit
				  and not exists (select 1 from person_read m where m.merged_into = p.id and m.primary_name <> :anonymised)
				order by p.id""").param("limit", limit).param("anonymised", ANONYMISED)
				.query(rs -> {
					candidates.put(rs.getLong("id"), rs.getString("region_code"));
				});
		// a person whose alert is still being followed up keeps their details until it is concluded
		candidates.keySet().removeAll(owners.alerts().withActiveAlerts(candidates.keySet()));
		candidates.forEach((id, region) -> {
			owners.persons().anonymise(id, ANONYMISED, clock.instant());
			owners.crossings().unlink(id);
			owners.reports().unlink(id);
			owners.matching().anonymise(id, ANONYMISED);
			owners.alerts().anonymiseAbout(id);
			audit.recordAs("system", AuditEntry.of("PERSON_ANONYMISED").subject("PERSON", id).region(region)
					.detail("reason", "retention"));
		});
		return candidates.size();
	}
}
