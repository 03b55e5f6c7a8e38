package id.pantau.reference;

/**
 * A country of ISO 3166-1, or a code that only appears in machine-readable zones of travel documents (ICAO 9303).
 */
public record Country(String alpha3, String alpha2, String nameId, String nameEn, boolean mrzOnly) {
}
