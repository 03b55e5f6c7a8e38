package id.pantau.registry.domain;

import java.time.Instant;
import java.time.LocalDate;

import id.pantau.registry.HumanitarianFlag;
import org.springframework.data.relational.core.mapping.Table;

/** A humanitarian flag on a person. */
@Table("humanitarian_flag")
public record FlagEntry(HumanitarianFlag flag, LocalDate since, String notes, Instant addedAt) {
}
