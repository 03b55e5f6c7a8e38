package id.pantau.detection.rules;

/** What an alert is about: a person (its id), a village (its code) or a document number (its key). */
public enum SubjectType {
	PERSON, VILLAGE, DOCUMENT
}
