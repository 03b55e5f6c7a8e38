package id.pantau.followup.domain;

import id.pantau.platform.KeptCounts;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open (or acknowledged) alerts per village and severity ({@code open_alert_count}, V34), kept as {@link
 * KeptCounts}: the owner compacts its delta rows every ten minutes.
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
		return KeptCounts.compact(jdbc, "open_alert_count", "region_code", "severity");
	}
}
