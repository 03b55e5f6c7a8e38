package id.pantau.dashboard.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.platform.DisplayTime;
import id.pantau.platform.ReplicaReads;
import id.pantau.platform.Scope;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The province-wide view: one row per regency (kabupaten/kota) within a scope that covers several, with its present
 * foreigners, open alerts, village reports waiting for BPMPD or Kesbangpol, and last month's crossings of the persons
 * placed in it (crossings carry a port, not a village: those of persons placed nowhere are counted in no regency).
 * Read on the replica when there is one.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RegencyFigures {

	/**
	 * @param crossings last month's crossings (entries and exits) of the persons placed in the regency
	 */
	public record Row(String code, String name, long present, long openAlerts, long reportsWaiting, long crossings) {
	}

	private final ReplicaReads replicas;
	private final Clock clock;

	/** The rows of the regencies within {@code scope}, by code; empty when it covers one regency or less. */
	public List<Row> of(Scope scope) {
		YearMonth last = YearMonth.now(clock.withZone(DisplayTime.ZONE)).minusMonths(1);
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		params.put("from", Timestamp.from(last.atDay(1).atStartOfDay(DisplayTime.ZONE).toInstant()));
		params.put("to", Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay(DisplayTime.ZONE).toInstant()));
		long regencies = replicas.read(() -> replicas.jdbc().sql("select count(*) from region_read g"
				+ " where g.level = 'REGENCY' and " + scope.sqlCondition("g.code")).params(scope.sqlParameters())
				.query(Long.class).single());
		if (regencies < 2) {
			return List.of(); // a regency or less: its dashboard is the regency's, no need to count per regency
		}
		return replicas.read(() -> replicas.jdbc().sql("""
				with present as (
				  select left(p.region_code, 5) as regency, count(*) as n from person_read p
				  where p.status = 'PRESENT' and %1$s group by 1
				), alerts as (
				  select left(a.region_code, 5) as regency, sum(a.n) as n from open_alert_count_read a
				  where %2$s group by 1
				), reports as (
				  select left(r.village_code, 5) as regency, count(*) as n from village_report_read r
				  where r.state in ('SUBMITTED', 'FORWARDED') and %3$s group by 1
				), crossings as (
				  select left(p.region_code, 5) as regency, count(*) as n
				  from crossing_read c join person_read p on p.id = c.person_id
				  where c.crossed_at >= :from and c.crossed_at < :to and %1$s group by 1
				)
				select g.code, g.name, coalesce(pr.n, 0) as present, coalesce(al.n, 0) as alerts,
				  coalesce(re.n, 0) as reports, coalesce(cr.n, 0) as crossings
				from region_read g
				left join present pr on pr.regency = g.code
				left join alerts al on al.regency = g.code
				left join reports re on re.regency = g.code
				left join crossings cr on cr.regency = g.code
				where g.level = 'REGENCY' and %4$s
				order by g.code""".formatted(scope.sqlCondition("p.region_code"), scope.sqlCondition("a.region_code"),
				scope.sqlCondition("r.village_code"), scope.sqlCondition("g.code")))
				.params(params)
				.query((rs, n) -> new Row(rs.getString("code"), rs.getString("name"), rs.getLong("present"),
						rs.getLong("alerts"), rs.getLong("reports"), rs.getLong("crossings")))
				.list());
	}
}
