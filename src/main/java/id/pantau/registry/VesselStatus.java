package id.pantau.registry;

/** What became of a vessel; crew of a departed, seized or sunk vessel may be left ashore. */
public enum VesselStatus {

	ACTIVE, DEPARTED, SEIZED, SUNK, SCRAPPED
}
