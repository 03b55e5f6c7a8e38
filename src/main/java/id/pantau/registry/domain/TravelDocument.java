package id.pantau.registry.domain;

import java.time.Instant;
import java.time.LocalDate;

import id.pantau.registry.DocumentType;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A travel or identity document; numberKey is the number with easily confused characters folded; sourceRef the
 * record it was learnt from (a village report's number), when not typed by an officer.
 */
@Table("travel_document")
public record TravelDocument(DocumentType documentType, String number, String numberKey, String issuingState,
		LocalDate expiryDate, Instant addedAt, String sourceRef) {
}
