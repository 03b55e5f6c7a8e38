package id.pantau.privacy.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pantau.privacy.retention.*}: how long each kind of personal data is kept after it stopped being needed.
 *
 * @param personYears a person who departed, was deported or died this many years ago is anonymised (0: never)
 * @param reportYears a village report concluded (validated or rejected) this many years ago is anonymised (0: never)
 * @param crossingYears crossing records older than this, and refused rows of batches older than this, are erased
 * (0: never)
 * @param auditYears how long the audit trail is kept; it is append-only, so the application never deletes from it (see
 * README, "Retention")
 * @param cron when the nightly job runs, in WIT (Asia/Jayapura)
 */
@ConfigurationProperties("pantau.privacy.retention")
public record RetentionSettings(@DefaultValue("5") int personYears, @DefaultValue("5") int reportYears,
		@DefaultValue("10") int crossingYears, @DefaultValue("10") int auditYears,
		@DefaultValue("0 30 2 * * *") String cron) {
}
