package id.pantau.detection.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pantau.detection.*} (the rules' thresholds are in the database, changed on the administrator's page)
 *
 * @param nightlyCron when every rule runs in full, in Asia/Jayapura time ({@code -} switches the nightly run off)
 * @param debounce how long triggers wait for more of the same burst (many links after one import) before a run
 * @param maxIncrementalPersons above this many persons touched, a run looks at everyone instead
 */
@ConfigurationProperties("pantau.detection")
public record DetectionSettings(@DefaultValue("0 30 2 * * *") String nightlyCron, @DefaultValue("5s") Duration debounce,
		@DefaultValue("2000") int maxIncrementalPersons) {
}
