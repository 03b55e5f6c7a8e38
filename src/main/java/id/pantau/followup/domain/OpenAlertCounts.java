package id.pantau.followup.domain;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open (or acknowledged) alerts per village and severity ({@code open_alert_count}, V34): written by a trigger as
 * delta rows, one insert per statement that changes them, so that a detection run, a closing and a bulk change never
 * wait on one another. Compaction folds the rows into one per key now and then, safe on several instances at once as
 * in {@code PresentPersonCounts}: each deletes only the rows its statement sees and inserts their sum in the same
 * statement.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OpenAlertCounts {

	private final JdbcClient jdbc;

	/** Folds the delta rows into one row per key; returns how many rows remain. */
	@Scheduled(fixedDelayString = "${pantau.counts.compaction-interval:PT10M}",
			initialDelayString = "${pantau.counts.compaction-interval:PT10M}")
	@Transactional
	public int compact() {
		return jdbc.sql("""
				with gone as (delete from open_alert_count returning region_code, severity, n)
				insert into open_alert_count (region_code, severity, n)
				select region_code, severity, sum(n) from gone group by 1, 2 having sum(n) <> 0""").update();
	}
}
