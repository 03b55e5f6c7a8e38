package id.pantau.reference;

/** A type of stay permit; {@code skttRequired} when its holder must register with Dukcapil (UU 23/2006 Pasal 20). */
public record PermitType(String code, String nameId, String nameEn, String kind, boolean skttRequired) {
}
