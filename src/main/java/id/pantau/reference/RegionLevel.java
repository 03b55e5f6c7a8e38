package id.pantau.reference;

/** The levels of Indonesia's administrative regions, by the number of segments of their Kemendagri code. */
public enum RegionLevel {

	PROVINCE, REGENCY, DISTRICT, VILLAGE;

	public static RegionLevel ofCode(String code) {
		return values()[code.split("\\.").length - 1];
	}
}
