package id.pantau.dashboard.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pantau.map.*}
 *
 * @param tileUrl a tile server's URL template ({@code https://tiles.example/{z}/{x}/{y}.png}); unset, the map shows
 * the villages on a plain background and needs no connection
 * @param tileAttribution the credit the tile server asks for
 */
@ConfigurationProperties("pantau.map")
public record MapSettings(String tileUrl, String tileAttribution) {

	public boolean hasTiles() {
		return tileUrl != null && !tileUrl.isBlank();
	}
}
