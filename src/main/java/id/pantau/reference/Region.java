package id.pantau.reference;

import java.math.BigDecimal;

/**
 * An administrative region. A village's point is its own where an administrator set one, else its island's.
 *
 * @param villageType {@code DESA} (an ohoi in Kei) or {@code KELURAHAN} for villages, {@code null} above
 */
public record Region(String code, String parentCode, RegionLevel level, String name, String villageType,
		String islandCode, BigDecimal lat, BigDecimal lon) {

	public boolean isVillage() {
		return level == RegionLevel.VILLAGE;
	}
}
