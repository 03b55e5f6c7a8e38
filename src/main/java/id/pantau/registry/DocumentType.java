package id.pantau.registry;

/** Kinds of identity and travel documents (TRAVEL_DOCUMENT: an emergency or stateless travel document; REFUGEE_CARD: a UNHCR card). */
public enum DocumentType {

	PASSPORT, SEAMAN_BOOK, ID_CARD, TRAVEL_DOCUMENT, REFUGEE_CARD, OTHER
}
