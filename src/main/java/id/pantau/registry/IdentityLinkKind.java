package id.pantau.registry;

/** An identity a person holds in another register: an Indonesian NIK, a family card (KK) number. */
public enum IdentityLinkKind {

	NIK, KK, OTHER
}
