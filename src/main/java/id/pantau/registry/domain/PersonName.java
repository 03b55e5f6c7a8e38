package id.pantau.registry.domain;

import java.time.Instant;

import id.pantau.registry.NameSource;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A name a person goes by, with where it was learnt (and which record, e.g. a report's number, when known); the keys
 * are the normalised forms search uses.
 */
@Table("person_name")
public record PersonName(String fullName, NameSource source, boolean isPrimary, String searchKey, String phoneticKey,
		Instant addedAt, String sourceRef) {
}
