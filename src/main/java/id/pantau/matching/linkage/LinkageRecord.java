package id.pantau.matching.linkage;

import id.pantau.registry.BirthDate;

/**
 * One side of a pair as written: a registry person, a village report or a crossing.
 *
 * @param id the caller's identifier, returned in results
 * @param fullName the name as written, in any order, with or without honorifics; null or blank when unknown
 * @param sex {@code M}, {@code F}, or null when unknown
 * @param birthDate the full date, the year only, or {@link BirthDate#UNKNOWN}; null is taken as unknown
 * @param nationality an alpha-3 or alpha-2 code or a country name in any usual form, or null; resolved by the
 * {@link Linker}'s nationality resolver, and compared as folded text when it does not resolve
 * @param documentNumber a passport, permit or seaman's book number as written, or null
 */
public record LinkageRecord(String id, String fullName, String sex, BirthDate birthDate, String nationality,
		String documentNumber) {

	public LinkageRecord {
		birthDate = birthDate == null ? BirthDate.UNKNOWN : birthDate;
	}
}
