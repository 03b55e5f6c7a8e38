package id.pantau.registry;

/**
 * A foreigner as a village report tells of them, in the village's words: what the registry keeps of it when the
 * report is validated, each fact marked as coming from the report.
 *
 * @param namesAsHeard       one or more names or nicknames, separated by commas, semicolons, slashes, line breaks or
 *                           parentheses
 * @param claimedNationality the nationality the person claims, as a code when the village's words could be read
 * @param nationalityText    the nationality in the village's words
 * @param ageOrBirth         a birth date, a year or an age
 * @param documentNumbers    the documents seen, e.g. "Paspor C1234567; buku pelaut VN998877"
 * @param presentSince       since when the person is in the village (a date, or words)
 */
public record ReportedPerson(String reportNumber, String villageCode, String namesAsHeard, String sex,
		String claimedNationality, String nationalityText, String ageOrBirth, String documentNumbers,
		String stayingAt, String activity, String employerOrVessel, String presentSince, String note) {
}
