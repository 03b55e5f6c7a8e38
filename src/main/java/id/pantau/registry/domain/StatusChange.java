package id.pantau.registry.domain;

import java.time.Instant;

import id.pantau.registry.PersonStatus;
import org.springframework.data.relational.core.mapping.Table;

/** One change of a person's status, with who made it and why. */
@Table("person_status_change")
public record StatusChange(PersonStatus status, Instant changedAt, String changedBy, String reason) {
}
