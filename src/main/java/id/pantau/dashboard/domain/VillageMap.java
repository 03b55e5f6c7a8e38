package id.pantau.dashboard.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.sql.Timestamp;
import java.util.List;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.ReplicaReads;
import id.pantau.platform.Scope;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The villages of a scope on the map: each at its point (the administrator's, else the region's own, else its
 * island's), with the foreigners present and the open alerts there. An administrator moves a village's point.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class VillageMap {

	/** Where a village's point came from. */
	public enum PointSource {
		SET, REGION, ISLAND, NONE
	}

	/**
	 * @param alertLevel the highest severity among the village's open alerts (0 none, 1 LOW ... 4 CRITICAL)
	 */
	public record Village(String code, String name, String districtCode, String districtName, BigDecimal lat,
			BigDecimal lon, PointSource source, long present, long openAlerts, int alertLevel) {
	}

	private final JdbcClient jdbc;
	private final ReplicaReads replicas;
	private final AuditTrail audit;
	private final Clock clock;

	/** The villages with their figures, read on the replica when there is one (they may lag by seconds). */
	public List<Village> villages(Scope scope) {
		return replicas.read(() -> replicas.jdbc().sql("""
				with present as (
				  select p.region_code, sum(p.n) as n from person_present_count_read p
				  where %1$s group by p.region_code
				), alerts as (
				  select region_code, sum(n) as n, max(level) filter (where n > 0) as level from (
				    select a.region_code, sum(a.n) as n,
				      case a.severity when 'CRITICAL' then 4 when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end as level
				    from open_alert_count_read a where %2$s group by a.region_code, a.severity) per_severity
				  group by region_code having sum(n) <> 0
				)
				select r.code, r.name, d.code as district_code, d.name as district_name,
				  coalesce(vp.lat, r.lat, i.lat) as lat, coalesce(vp.lon, r.lon, i.lon) as lon,
				  case when vp.village_code is not null then 'SET' when r.lat is not null then 'REGION'
				       when i.lat is not null then 'ISLAND' else 'NONE' end as source,
				  coalesce(pr.n, 0) as present, coalesce(al.n, 0) as alerts, coalesce(al.level, 0) as level
				from region_read r
				left join region_read d on d.code = r.parent_code
				left join island_read i on i.code = r.island_code
				left join village_point vp on vp.village_code = r.code
				left join present pr on pr.region_code = r.code
				left join alerts al on al.region_code = r.code
				where r.level = 'VILLAGE' and %3$s
				order by r.code""".formatted(scope.sqlCondition("p.region_code"), scope.sqlCondition("a.region_code"),
				scope.sqlCondition("r.code")))
				.params(scope.sqlParameters())
				.query((rs, n) -> new Village(rs.getString("code"), rs.getString("name"), rs.getString("district_code"),
						rs.getString("district_name"), rs.getBigDecimal("lat"), rs.getBigDecimal("lon"),
						PointSource.valueOf(rs.getString("source")), rs.getLong("present"), rs.getLong("alerts"),
						rs.getInt("level")))
				.list());
	}

	/** The extent of the scope's islands (south, west, north, east), for the map to show the whole area; or null. */
	public List<BigDecimal> bounds(Scope scope) {
		return replicas.read(() -> replicas.jdbc().sql("select min(i.lat) as s, min(i.lon) as w, max(i.lat) as n,"
				+ " max(i.lon) as e from island_read i where i.lat is not null and " + scope.sqlCondition("i.code"))
				.params(scope.sqlParameters())
				.query((rs, n) -> rs.getBigDecimal("s") == null ? null
						: List.of(rs.getBigDecimal("s"), rs.getBigDecimal("w"), rs.getBigDecimal("n"), rs.getBigDecimal("e")))
				.optional().orElse(null));
	}

	/**
	 * Places a village at a point, or back at its island's point when {@code lat} and {@code lon} are both null.
	 * Audited with the old and the new point.
	 */
	@Transactional
	public void setPoint(String actor, String villageCode, BigDecimal lat, BigDecimal lon) {
		String level = jdbc.sql("select level from region_read where code = :code").param("code", villageCode)
				.query(String.class).optional().orElseThrow(() -> new NotFoundException("village " + villageCode));
		if (!"VILLAGE".equals(level)) {
			throw new NotFoundException("village " + villageCode);
		}
		String before = jdbc.sql("select lat || ',' || lon from village_point where village_code = :code")
				.param("code", villageCode).query(String.class).optional().orElse("");
		if (lat == null && lon == null) {
			jdbc.sql("delete from village_point where village_code = :code").param("code", villageCode).update();
			audit.record(AuditEntry.of("VILLAGE_POINT_CLEARED").subject("REGION", villageCode).region(villageCode)
					.detail("before", before));
			return;
		}
		if (lat == null || lon == null || lat.abs().compareTo(BigDecimal.valueOf(90)) > 0
				|| lon.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
			throw InvalidInput.of("point", "map.point.invalid");
		}
		BigDecimal la = lat.setScale(6, RoundingMode.HALF_UP);
		BigDecimal lo = lon.setScale(6, RoundingMode.HALF_UP);
		jdbc.sql("""
				insert into village_point (village_code, lat, lon, set_at, set_by)
				values (:code, :lat, :lon, :at, :by)
				on conflict (village_code) do update set lat = excluded.lat, lon = excluded.lon,
				  set_at = excluded.set_at, set_by = excluded.set_by""")
				.param("code", villageCode).param("lat", la).param("lon", lo)
				.param("at", Timestamp.from(clock.instant())).param("by", actor).update();
		audit.record(AuditEntry.of("VILLAGE_POINT_SET").subject("REGION", villageCode).region(villageCode)
				.detail("before", before).detail("after", la + "," + lo));
	}
}
