package id.pantau.registry;

/** Where a name a person goes by was learnt. */
public enum NameSource {

	PASSPORT, VILLAGE_REPORT, CROSSING, NIK_RECORD, SELF_DECLARED, OFFICER,
	/** A list of foreigners imported into the registry (Kesbangpol's existing list). */
	PERSON_LIST
}
