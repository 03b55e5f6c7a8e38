package id.pantau.registry;

/**
 * An identity a person holds in another register: an Indonesian NIK, a family card (KK) number, Dukcapil's residence
 * certificate for ITAS holders (SKTT).
 */
public enum IdentityLinkKind {

	NIK, KK, SKTT, OTHER
}
