package id.pantau.registry.web;

import id.pantau.registry.DocumentType;
import id.pantau.registry.mrz.MrzResult;

/** How an MRZ fills the registration form. */
final class MrzForms {

	private MrzForms() {
	}

	/** Given names then surname, as people say it; a name with no given names is the surname alone. */
	static String name(MrzResult result) {
		String first = result.firstName() == null ? "" : result.firstName().strip();
		String last = result.lastName() == null ? "" : result.lastName().strip();
		return (first + " " + last).strip();
	}

	static String documentType(MrzResult result) {
		String code = result.documentCode() == null ? "" : result.documentCode();
		if (code.startsWith("P")) {
			return DocumentType.PASSPORT.name();
		}
		if (code.startsWith("I") || code.startsWith("A") || code.startsWith("C")) {
			return DocumentType.ID_CARD.name();
		}
		return DocumentType.OTHER.name();
	}
}
