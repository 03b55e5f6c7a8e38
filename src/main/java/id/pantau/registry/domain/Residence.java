package id.pantau.registry.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

/** Where a person lived, in a village, from and until. */
@Table("residence")
public record Residence(String regionCode, String address, LocalDate since, LocalDate until, Instant addedAt) {

	public boolean isCurrent() {
		return until == null;
	}
}
