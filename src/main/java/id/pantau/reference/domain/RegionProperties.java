package id.pantau.reference.domain;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pantau.region.*}: which kabupaten/kota this deployment serves and where their regions come from.
 *
 * @param regencies Kemendagri codes of the regencies served ({@code PANTAU_REGION_REGENCIES}, e.g. {@code 81.72})
 * @param source a folder in the layout of idn-area-data's {@code data/} ({@code provinces.csv}, {@code regencies.csv},
 * {@code districts.csv}, {@code villages.csv}, {@code islands.csv}); a path or a Spring resource location
 * @param villageIslands optional CSV {@code village_code,island_code} placing villages on their island
 */
@ConfigurationProperties("pantau.region")
public record RegionProperties(@DefaultValue("81.72") List<String> regencies,
		@DefaultValue("classpath:reference/idn-area-data/") String source,
		@DefaultValue("classpath:reference/village-islands.csv") String villageIslands) {
}
