package id.pantau.registry;

/**
 * What a form or an API client may set on a person, as typed: nationality as a code or a name, a birth date that may
 * be a year only, dates as {@code yyyy-mm-dd}. The document, permit and residence fields are read when a person is
 * registered; later they are added one by one. Nothing else binds (no id, status, version or region).
 */
public record PersonForm(String primaryName, String nameSource, String sex, String birthDate, String nationality,
		String claimedNationality, String category, String notes, String documentType, String documentNumber,
		String documentIssuingState, String documentExpiry, String permitType, String permitNumber,
		String permitValidUntil, String villageCode, String address, String residentSince) {

	public static PersonForm empty() {
		return new PersonForm("", "PASSPORT", "", "", "", "", "", "", "PASSPORT", "", "", "", "", "", "", "", "", "");
	}
}
