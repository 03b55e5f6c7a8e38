package id.pantau.registry.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

/** A stay permit (its type is a code of the permit_type reference table). */
@Table("stay_permit")
public record StayPermit(String permitType, String number, LocalDate validFrom, LocalDate validUntil, String sponsor,
		Instant addedAt) {
}
