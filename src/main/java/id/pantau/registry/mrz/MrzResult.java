package id.pantau.registry.mrz;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a machine-readable zone says, fillers removed. A value the zone leaves empty is {@code null}; a date that
 * cannot be read (unknown parts written as {@code <<}, or no such day) is {@code null} and listed as invalid.
 * Values whose check digit fails are still given, so that a person can compare them with the printed page.
 *
 * @param documentCode   {@code P}, {@code I}, {@code ID}, {@code AC}, {@code V} ... as written
 * @param issuingState   as written, which includes MRZ-only codes such as {@code D}, {@code GBD}, {@code UNO},
 *                       {@code XXA}
 * @param lastName       the primary identifier; the whole name when the zone has no {@code <<}
 * @param firstName      the secondary identifier, words separated by a space; {@code null} when there is none
 * @param documentNumber including the part a long TD1 or TD2 number continues in the optional data
 * @param nationality    as written, like {@code issuingState}
 * @param sex            {@code M}, {@code F} or {@code X} (unspecified, {@code <} in the zone); {@code null} for any
 *                       other character
 * @param personalNumber the personal number or optional data; {@code null} when empty
 * @param valid          {@code true} only when every check digit holds and both dates can be read
 * @param invalidFields  among {@link #DOCUMENT_NUMBER}, {@link #BIRTH_DATE}, {@link #EXPIRY_DATE},
 *                       {@link #PERSONAL_NUMBER}, {@link #COMPOSITE}, in that order; empty exactly when valid
 */
@JsonPropertyOrder({ "documentCode", "issuingState", "lastName", "firstName", "documentNumber", "nationality",
		"birthDate", "sex", "expiryDate", "personalNumber", "valid", "invalidFields" })
public record MrzResult(String documentCode, String issuingState, String lastName, String firstName,
		String documentNumber, String nationality, LocalDate birthDate, String sex, LocalDate expiryDate,
		String personalNumber, boolean valid, List<String> invalidFields) {

	public static final String DOCUMENT_NUMBER = "documentNumber";

	public static final String BIRTH_DATE = "birthDate";

	public static final String EXPIRY_DATE = "expiryDate";

	public static final String PERSONAL_NUMBER = "personalNumber";

	/** The composite check digit over the document number, dates and optional data (not on visas). */
	public static final String COMPOSITE = "composite";

	public MrzResult {
		invalidFields = invalidFields == null ? List.of() : List.copyOf(invalidFields);
		if (valid != invalidFields.isEmpty()) {
			throw new IllegalArgumentException("valid must be true exactly when no field is invalid: " + invalidFields);
		}
	}
}
