package id.pantau.matching.domain;

import java.time.LocalDate;

import id.pantau.registry.BirthDate;
import id.pantau.registry.ListedPerson;
import id.pantau.registry.Sex;

/**
 * A row of an imported list of foreigners (Kesbangpol's existing list) as matching keeps it: the record of a
 * {@link MatchCase.Kind#ROSTER} case.
 *
 * @param outcome CREATED, LINKED, REVIEW, KNOWN or REFUSED
 * @param duplicateOfRow an earlier row of the same list this row may be a duplicate of, or null
 */
public record PersonListRow(long id, long listId, int rowNumber, String externalId, String fullName, Sex sex,
		BirthDate birth, String nationality, String documentNumber, String villageCode, String permitType,
		LocalDate permitUntil, String outcome, Long personId, Integer duplicateOfRow) {

	/** Where the row's facts came from, written beside each name and document it gives a person. */
	public String sourceRef() {
		return sourceRef(listId, rowNumber);
	}

	static String sourceRef(long listId, int rowNumber) {
		return "DAFTAR-" + listId + "-" + rowNumber;
	}

	ListedPerson listed() {
		return new ListedPerson(externalId, fullName, sex, birth, nationality, documentNumber, villageCode, permitType,
				permitUntil, sourceRef());
	}
}
