package id.pantau.registry.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

/** A person's service on a vessel's crew. */
@Table("vessel_assignment")
public record VesselAssignment(Long vesselId, String crewRole, LocalDate signedOn, LocalDate signedOff, Instant addedAt) {
}
