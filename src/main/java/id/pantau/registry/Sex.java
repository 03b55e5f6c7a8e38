package id.pantau.registry;

/** As on a travel document: X when unspecified. */
public enum Sex {

	M, F, X
}
