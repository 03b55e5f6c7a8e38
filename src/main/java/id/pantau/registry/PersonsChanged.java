package id.pantau.registry;

import java.util.List;

/**
 * Persons were registered or their facts changed (identity, names, documents, permits, residence, vessel service,
 * status, a merge): whatever is derived from those facts, such as the detection rules' alerts, should look again.
 *
 * @param change the audit action that changed them, e.g. {@code PERSON_CREATED}
 */
public record PersonsChanged(List<Long> personIds, String change) {

	public PersonsChanged {
		personIds = List.copyOf(personIds);
	}

	public static PersonsChanged of(long personId, String change) {
		return new PersonsChanged(List.of(personId), change);
	}
}
