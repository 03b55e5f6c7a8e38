package id.pantau.reference.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.pantau.reference.Country;
import id.pantau.reference.Island;
import id.pantau.reference.NationalityMatch;
import id.pantau.reference.PermitType;
import id.pantau.reference.PortOfEntry;
import id.pantau.reference.Region;
import id.pantau.reference.RegionLevel;
import id.pantau.reference.ReferenceData;
import id.pantau.platform.Scope;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class JdbcReferenceData implements ReferenceData {

	private static final String REGION_COLUMNS = """
			r.code, r.parent_code, r.level, r.name, r.village_type, r.island_code,
			coalesce(r.lat, i.lat) as lat, coalesce(r.lon, i.lon) as lon
			from region r left join island i on i.code = r.island_code
			""";

	private static final RowMapper<Region> REGION = (rs, n) -> new Region(rs.getString("code"),
			rs.getString("parent_code"), RegionLevel.valueOf(rs.getString("level")), rs.getString("name"),
			rs.getString("village_type"), rs.getString("island_code"), rs.getBigDecimal("lat"),
			rs.getBigDecimal("lon"));

	private final JdbcClient jdbc;

	/** Read on first use: the countries only change with a migration, so once per run is enough. */
	private volatile List<Country> countries;
	private volatile Nationalities nationalities;

	@Override
	public Optional<Region> region(String code) {
		return jdbc.sql("select " + REGION_COLUMNS + " where r.code = :code").param("code", code).query(REGION)
				.optional();
	}

	@Override
	public List<Region> children(String code) {
		return jdbc.sql("select " + REGION_COLUMNS + " where r.parent_code = :code order by r.name")
				.param("code", code).query(REGION).list();
	}

	@Override
	public List<Region> regionsWithin(Scope scope, RegionLevel level) {
		return jdbc.sql("select " + REGION_COLUMNS + " where r.level = :level and " + scope.sqlCondition("r.code")
				+ " order by r.code").param("level", level.name()).params(scope.sqlParameters()).query(REGION).list();
	}

	@Override
	public List<Region> lineage(String code) {
		return jdbc.sql("""
				with recursive up as (
				  select code, parent_code, 0 as depth from region where code = :code
				  union all
				  select r.code, r.parent_code, up.depth + 1 from region r join up on r.code = up.parent_code
				)
				select %s join up on up.code = r.code order by up.depth desc
				""".formatted(REGION_COLUMNS)).param("code", code).query(REGION).list();
	}

	@Override
	public List<Region> searchRegions(String text, int limit) {
		String pattern = "%" + text.trim().toLowerCase().replace("\\", "").replace("%", "").replace("_", "") + "%";
		return jdbc.sql("select " + REGION_COLUMNS
				+ " where lower(r.name) like :pattern or r.code like :pattern order by r.code limit :limit")
				.params(Map.of("pattern", pattern, "limit", limit)).query(REGION).list();
	}

	@Override
	public List<Island> islands() {
		return jdbc.sql("select * from island order by name")
				.query((rs, n) -> new Island(rs.getString("code"), rs.getString("regency_code"), rs.getString("name"),
						rs.getBigDecimal("lat"), rs.getBigDecimal("lon"), rs.getBoolean("populated"),
						rs.getBoolean("outermost_small")))
				.list();
	}

	@Override
	public List<Country> countries() {
		List<Country> read = countries;
		if (read == null) {
			read = List.copyOf(jdbc.sql("select * from country order by mrz_only, name_id")
					.query((rs, n) -> new Country(rs.getString("alpha3"), rs.getString("alpha2"),
							rs.getString("name_id"), rs.getString("name_en"), rs.getBoolean("mrz_only")))
					.list());
			countries = read;
		}
		return read;
	}

	@Override
	public NationalityMatch resolveNationality(String text) {
		return nationalities().resolve(text);
	}

	private Nationalities nationalities() {
		Nationalities built = nationalities;
		if (built == null) {
			synchronized (this) {
				built = nationalities;
				if (built == null) {
					built = new Nationalities(countries(), Nationalities.loadVariants());
					nationalities = built;
				}
			}
		}
		return built;
	}

	@Override
	public List<PortOfEntry> portsOfEntry() {
		return jdbc.sql("select * from port_of_entry order by tpi desc, name")
				.query((rs, n) -> new PortOfEntry(rs.getString("code"), rs.getString("name"), rs.getString("kind"),
						rs.getString("place"), rs.getBoolean("tpi"), rs.getBoolean("active")))
				.list();
	}

	@Override
	public List<PermitType> permitTypes() {
		return jdbc.sql("select * from permit_type order by sort_order")
				.query((rs, n) -> new PermitType(rs.getString("code"), rs.getString("name_id"), rs.getString("name_en"),
						rs.getString("kind"), rs.getBoolean("sktt_required")))
				.list();
	}

	@Override
	public List<Region> deployedRegencies() {
		return jdbc.sql("select " + REGION_COLUMNS + " where r.level = 'REGENCY' order by r.code").query(REGION).list();
	}
}
