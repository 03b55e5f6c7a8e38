package id.pantau.registry;

import java.time.LocalDate;

/**
 * A foreigner as a list imported into the registry gives them (Kesbangpol's existing list), already checked: what the
 * registry keeps of the row when it becomes a person, or fills in on the person it was linked to.
 *
 * @param externalId the row's id in the list, kept as the person's external reference; null when the list gave none
 * @param nationality an alpha-3 code, or null
 * @param villageCode a village of the deployment, or null
 * @param permitType a known permit type code, or null
 * @param sourceRef where the facts came from ("DAFTAR-3-12": list 3, row 12), written beside each name and document
 */
public record ListedPerson(String externalId, String fullName, Sex sex, BirthDate birth, String nationality,
		String documentNumber, String villageCode, String permitType, LocalDate permitUntil, String sourceRef) {
}
