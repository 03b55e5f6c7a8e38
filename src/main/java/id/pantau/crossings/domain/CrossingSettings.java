package id.pantau.crossings.domain;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code pantau.crossings.*}
 *
 * @param localZone the zone of times written without one (the ports' local time)
 * @param maxFileSize the largest file accepted
 * @param maxStoredRefusedRows how many refused rows of one batch are kept (to show and download); the rest are only
 * counted, so that a file of a million bad rows does not fill the database
 */
@ConfigurationProperties("pantau.crossings")
public record CrossingSettings(@DefaultValue("Asia/Jayapura") ZoneId localZone,
		@DefaultValue("500MB") DataSize maxFileSize, @DefaultValue("10000") int maxStoredRefusedRows) {
}
