package id.pantau.reports.domain;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The village reports per village and state ({@code village_report_state_count}, V32): written by a trigger as delta rows, one insert per statement that
 * changes them, so concurrent writers never wait on one another. Compaction folds the rows into one per key now and
 * then, so that a reader sums a few rows. It is safe on several instances at once: each deletes only the rows its
 * statement sees (a row another compaction took is skipped) and inserts their sum in the same statement, so a total
 * never changes.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportStateCounts {

	private final JdbcClient jdbc;

	/** Folds the delta rows into one row per key; returns how many rows remain. */
	@Scheduled(fixedDelayString = "${pantau.counts.compaction-interval:PT10M}",
			initialDelayString = "${pantau.counts.compaction-interval:PT10M}")
	@Transactional
	public int compact() {
		return jdbc.sql("""
				with gone as (delete from village_report_state_count returning village_code, state, n)
				insert into village_report_state_count (village_code, state, n)
				select village_code, state, sum(n) from gone group by 1, 2 having sum(n) <> 0""").update();
	}
}
