package id.pantau.registry;

/** Circumstances that call for protection rather than enforcement. */
public enum HumanitarianFlag {

	TRAFFICKING_VICTIM, STATELESS, REFUGEE_ASYLUM, UNACCOMPANIED_MINOR, MEDICAL, OTHER
}
