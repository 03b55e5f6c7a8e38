package id.pantau.reference.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.tables.DelimitedRows;
import id.pantau.reference.RegionLevel;
import id.pantau.platform.Scope;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the regions of one or more regencies (kabupaten/kota) from a folder in idn-area-data's layout: the province,
 * the regency, its kecamatan, its villages (desa/ohoi and kelurahan, told apart by the Kemendagri code: 1xxx is a
 * kelurahan, 2xxx a desa) and its islands with their coordinates. Loading again updates names and adds what is new;
 * a point an administrator set on a village is kept.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RegionLoader {

	private static final Logger log = LoggerFactory.getLogger(RegionLoader.class);

	private final JdbcClient jdbc;
	private final ResourceLoader resources;
	private final AuditTrail audit;

	public record Result(int districts, int villages, int islands) {
	}

	boolean isLoaded(String regency) {
		return jdbc.sql("select count(*) from region where code = :code").param("code", regency).query(Long.class)
				.single() > 0;
	}

	@Transactional
	public Result load(String source, Collection<String> regencies, String villageIslands) {
		for (String regency : regencies) {
			if (!Scope.isRegionCode(regency) || RegionLevel.ofCode(regency) != RegionLevel.REGENCY) {
				throw new IllegalArgumentException("Kode kabupaten/kota tidak sah: " + regency + " (contoh: 81.72)");
			}
		}
		Set<String> wanted = Set.copyOf(regencies);
		Set<String> provinces = wanted.stream().map(r -> r.substring(0, 2)).collect(Collectors.toSet());

		List<Map<String, String>> provinceRows = read(source, "provinces.csv").stream()
				.filter(r -> provinces.contains(r.get("code"))).toList();
		List<Map<String, String>> regencyRows = read(source, "regencies.csv").stream()
				.filter(r -> wanted.contains(r.get("code"))).toList();
		if (regencyRows.size() != wanted.size()) {
			throw new IllegalArgumentException("Kabupaten/kota " + wanted + " tidak ditemukan di " + source);
		}
		List<Map<String, String>> districtRows = read(source, "districts.csv").stream()
				.filter(r -> wanted.contains(r.get("regency_code"))).toList();
		Set<String> districts = districtRows.stream().map(r -> r.get("code")).collect(Collectors.toSet());
		List<Map<String, String>> villageRows = read(source, "villages.csv").stream()
				.filter(r -> districts.contains(r.get("district_code"))).toList();
		List<Map<String, String>> islandRows = optional(source, "islands.csv").stream()
				.filter(r -> wanted.contains(r.get("regency_code"))).toList();

		provinceRows.forEach(r -> upsertRegion(r.get("code"), null, r.get("name"), null));
		regencyRows.forEach(r -> upsertRegion(r.get("code"), r.get("province_code"), r.get("name"), null));
		districtRows.forEach(r -> upsertRegion(r.get("code"), r.get("regency_code"), r.get("name"), null));
		villageRows.forEach(r -> upsertRegion(r.get("code"), r.get("district_code"), r.get("name"),
				villageType(r.get("code"))));
		islandRows.forEach(this::upsertIsland);
		if (villageIslands != null && !villageIslands.isBlank()) {
			readLocation(villageIslands).forEach(r -> jdbc
					.sql("update region set island_code = :island where code = :village and island_code is null")
					.param("island", r.get("island_code")).param("village", r.get("village_code")).update());
		}
		Result result = new Result(districtRows.size(), villageRows.size(), islandRows.size());
		audit.recordAs("system", AuditEntry.of("REGIONS_IMPORTED").detail("regencies", String.join(",", wanted))
				.detail("source", source).detail("districts", result.districts()).detail("villages", result.villages())
				.detail("islands", result.islands()));
		log.info("Wilayah dimuat untuk {}: {} kecamatan, {} desa/kelurahan, {} pulau", wanted, result.districts(),
				result.villages(), result.islands());
		return result;
	}

	private static String villageType(String code) {
		return code.substring(code.lastIndexOf('.') + 1).startsWith("1") ? "KELURAHAN" : "DESA";
	}

	private void upsertRegion(String code, String parent, String name, String villageType) {
		jdbc.sql("""
				insert into region (code, parent_code, level, name, village_type)
				values (:code, :parent, :level, :name, :type)
				on conflict (code) do update set parent_code = excluded.parent_code, name = excluded.name,
				  village_type = excluded.village_type
				""").param("code", code).param("parent", parent).param("level", RegionLevel.ofCode(code).name())
				.param("name", name).param("type", villageType).update();
	}

	private void upsertIsland(Map<String, String> row) {
		var point = Coordinates.parse(row.get("coordinate"));
		jdbc.sql("""
				insert into island (code, regency_code, name, coordinate_dms, lat, lon, populated, outermost_small)
				values (:code, :regency, :name, :dms, :lat, :lon, :populated, :outermost)
				on conflict (code) do update set name = excluded.name, coordinate_dms = excluded.coordinate_dms,
				  lat = excluded.lat, lon = excluded.lon, populated = excluded.populated,
				  outermost_small = excluded.outermost_small
				""").param("code", row.get("code")).param("regency", row.get("regency_code"))
				.param("name", row.get("name")).param("dms", row.get("coordinate"))
				.param("lat", point.map(Coordinates.Point::lat).orElse(null))
				.param("lon", point.map(Coordinates.Point::lon).orElse(null))
				.param("populated", "1".equals(row.get("is_populated")))
				.param("outermost", "1".equals(row.get("is_outermost_small"))).update();
	}

	private List<Map<String, String>> read(String source, String file) {
		Resource resource = resource(source, file);
		if (!resource.exists()) {
			throw new IllegalArgumentException("Berkas " + file + " tidak ada di " + source);
		}
		return parse(resource);
	}

	private List<Map<String, String>> optional(String source, String file) {
		Resource resource = resource(source, file);
		return resource.exists() ? parse(resource) : List.of();
	}

	private List<Map<String, String>> readLocation(String location) {
		Resource resource = resources.getResource(location(location));
		return resource.exists() ? parse(resource) : List.of();
	}

	private Resource resource(String source, String file) {
		String folder = location(source);
		return resources.getResource(folder.endsWith("/") ? folder + file : folder + "/" + file);
	}

	private static String location(String value) {
		return value.contains(":") ? value : "file:" + value;
	}

	/** The rows of a region file by its header's names; a row shorter than the header has empty values. */
	private static List<Map<String, String>> parse(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			List<List<String>> rows = DelimitedRows.readAll(in);
			List<Map<String, String>> records = new ArrayList<>();
			for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
				Map<String, String> record = new HashMap<>();
				List<String> header = rows.get(0);
				for (int i = 0; i < header.size(); i++) {
					record.put(header.get(i), i < row.size() ? row.get(i) : "");
				}
				records.add(record);
			}
			return records;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Berkas wilayah tidak dapat dibaca: " + resource.getDescription(), e);
		}
	}
}
