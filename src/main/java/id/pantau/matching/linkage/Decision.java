package id.pantau.matching.linkage;

/** What the linker proposes for a record; a person reviews everything but MATCH, and can undo a MATCH. */
public enum Decision {
	/** Linked automatically to the best candidate. */
	MATCH,
	/** A person decides: the best candidate is likely but not certain, or namesakes score alike. */
	REVIEW,
	/** No candidate is likely: a new person is proposed. */
	NONE
}
