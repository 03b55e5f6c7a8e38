package id.pantau.reference;

/** A port through which foreigners arrive; {@code tpi} when it is an official immigration checkpoint. */
public record PortOfEntry(String code, String name, String kind, String place, boolean tpi, boolean active) {
}
