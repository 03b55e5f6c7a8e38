package id.pantau.registry;

/** Where a person stands; every change is kept in the person's status history. */
public enum PersonStatus {

	PRESENT, DEPARTED, DEPORTED, DECEASED, WHEREABOUTS_UNKNOWN,
	/** The record was merged into another one, which now holds all it knew. */
	MERGED;

	public boolean isChoosable() {
		return this != MERGED;
	}
}
