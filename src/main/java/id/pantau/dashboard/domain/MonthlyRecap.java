package id.pantau.dashboard.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.platform.DisplayTime;
import id.pantau.platform.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly recap (rekapitulasi bulanan) of an area for TIMPORA and the Wali Kota: foreigners present at the end
 * of the month against the end of the month before, by nationality, category, kecamatan and village; alerts raised
 * and closed; follow-up actions; reporting completeness; and for a regency-wide area the crossings of the month.
 * <p>
 * Who was present at the end of a month is read from the status history: a person registered before then whose last
 * status change before then (or, with no history, whose status now) is "present". A person counts in the village
 * they live in now: the registry keeps residences over time but not every record has its dates.
 */
@Service
public class MonthlyRecap {

	/** A breakdown row: a code ({@code null} for "none"), its label where the data has one, this month and last. */
	public record Change(String key, String label, long now, long before) {

		public long difference() {
			return now - before;
		}
	}

	public record Count(String key, String label, long count) {
	}

	public record Completeness(long villages, long onTime, long late, long nil) {

		public long missing() {
			return villages - onTime - late;
		}

		public int percent() {
			return villages == 0 ? 0 : (int) Math.round(100.0 * (onTime + late) / villages);
		}
	}

	/**
	 * @param areaCode the region recapped, {@code null} for the whole deployment
	 * @param entries crossings into the country in the month, {@code -1} for an area smaller than a regency
	 */
	public record Recap(YearMonth month, String areaCode, String areaName, long present, long presentBefore,
			long registered, List<Change> byNationality, List<Change> byCategory, List<Change> byDistrict,
			List<Change> byVillage, List<Count> alertsRaised, long alertsRaisedTotal, List<Count> alertsClosed,
			long alertsClosedTotal, long alertsOpenAtEnd, List<Count> actions, Completeness completeness,
			List<Count> reports, long entries, long exits) {

		public long presentChange() {
			return present - presentBefore;
		}

		public boolean hasCrossings() {
			return entries >= 0;
		}
	}

	private final JdbcClient jdbc;
	private final int dueDay;

	MonthlyRecap(JdbcClient jdbc, @Value("${pantau.reports.periodic-due-day:5}") int dueDay) {
		this.jdbc = jdbc;
		this.dueDay = dueDay;
	}

	@Transactional(readOnly = true)
	public Recap of(Scope area, String areaName, YearMonth month) {
		Instant start = month.atDay(1).atStartOfDay(DisplayTime.ZONE).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(DisplayTime.ZONE).toInstant();
		Map<String, Object> params = new HashMap<>(area.sqlParameters());
		params.put("start", Timestamp.from(start));
		params.put("end", Timestamp.from(end));

		List<Change> nationality = new ArrayList<>();
		List<Change> category = new ArrayList<>();
		List<Change> district = new ArrayList<>();
		List<Change> village = new ArrayList<>();
		long[] totals = new long[3];
		// Two changes at the same instant (a person registered and marked at once): the later one is the current status.
		jdbc.sql("""
				with s as (
				  select p.nationality, p.category, p.region_code, p.created_at,
				    coalesce((select c.status from person_status_change c where c.person_id = p.id and c.changed_at < :end
				              order by c.changed_at desc, c.status = p.status desc limit 1), case when p.created_at < :end then p.status end) as at_end,
				    coalesce((select c.status from person_status_change c where c.person_id = p.id
				              and c.changed_at < :start order by c.changed_at desc, c.status = p.status desc limit 1),
				             case when p.created_at < :start then p.status end) as at_start
				  from person p
				  where p.created_at < :end and p.status <> 'MERGED' and %s
				), g as (
				  select grouping(s.nationality) as g_nat, grouping(s.category) as g_cat,
				    grouping(left(s.region_code, 8)) as g_dist, grouping(s.region_code) as g_vil,
				    s.nationality, s.category, left(s.region_code, 8) as district, s.region_code,
				    count(*) filter (where s.at_end = 'PRESENT') as now,
				    count(*) filter (where s.at_start = 'PRESENT') as before,
				    count(*) filter (where s.created_at >= :start) as registered
				  from s
				  group by grouping sets ((s.nationality), (s.category), (left(s.region_code, 8)), (s.region_code), ())
				)
				select g.*, c.name_id as nationality_name, d.name as district_name, v.name as village_name
				from g
				left join country c on c.alpha3 = g.nationality
				left join region d on d.code = g.district
				left join region v on v.code = g.region_code
				where g.now > 0 or g.before > 0 or (g.g_nat = 1 and g.g_cat = 1 and g.g_dist = 1 and g.g_vil = 1)
				order by g.now desc, g.before desc, g.nationality, g.category, g.district, g.region_code
				""".formatted(area.sqlVisibility("p.region_code"))).params(params).query(rs -> {
					long now = rs.getLong("now");
					long before = rs.getLong("before");
					if (rs.getInt("g_nat") == 0) {
						nationality.add(new Change(rs.getString("nationality"), rs.getString("nationality_name"), now,
								before));
					}
					else if (rs.getInt("g_cat") == 0) {
						category.add(new Change(rs.getString("category"), null, now, before));
					}
					else if (rs.getInt("g_dist") == 0) {
						district.add(new Change(rs.getString("district"), rs.getString("district_name"), now, before));
					}
					else if (rs.getInt("g_vil") == 0) {
						village.add(new Change(rs.getString("region_code"), rs.getString("village_name"), now, before));
					}
					else {
						totals[0] = now;
						totals[1] = before;
						totals[2] = rs.getLong("registered");
					}
				});

		String alertScope = area.sqlVisibility("a.region_code");
		List<Count> raised = jdbc.sql("""
				select a.rule || ' / ' || a.severity as key, count(*) as n from alert a
				where a.opened_at >= :start and a.opened_at < :end and %s
				group by a.rule, a.severity order by n desc, key""".formatted(alertScope)).params(params)
				.query((rs, n) -> new Count(rs.getString("key"), null, rs.getLong("n"))).list();
		List<Count> closed = jdbc.sql("""
				select a.status || coalesce(' / ' || a.outcome, '') as key, count(*) as n from alert a
				where a.closed_at >= :start and a.closed_at < :end and %s
				group by a.status, a.outcome order by n desc, key""".formatted(alertScope)).params(params)
				.query((rs, n) -> new Count(rs.getString("key"), null, rs.getLong("n"))).list();
		long openAtEnd = jdbc.sql("""
				select count(*) from alert a where a.opened_at < :end and (a.closed_at is null or a.closed_at >= :end)
				and %s""".formatted(alertScope)).params(params).query(Long.class).single();
		List<Count> actions = jdbc.sql("""
				select x.kind as key, count(*) as n from alert_action x join alert a on a.id = x.alert_id
				where x.recorded_at >= :start and x.recorded_at < :end and %s
				  and x.kind not in ('ASSIGNED', 'ACKNOWLEDGED', 'CLOSED', 'DISMISSED', 'MEETING_DECISION')
				group by x.kind order by n desc, key""".formatted(alertScope)).params(params)
				.query((rs, n) -> new Count(rs.getString("key"), null, rs.getLong("n"))).list();

		Map<String, Object> periodic = new HashMap<>(area.sqlParameters());
		periodic.put("month", month.atDay(1));
		periodic.put("due", Timestamp.from(dueBy(month)));
		Completeness completeness = jdbc.sql("""
				select count(*) as villages,
				  count(pr.village_code) filter (where pr.submitted_at < :due) as on_time,
				  count(pr.village_code) filter (where pr.submitted_at >= :due) as late,
				  count(*) filter (where pr.nil) as nil
				from region r left join periodic_report pr on pr.village_code = r.code and pr.month = :month
				where r.level = 'VILLAGE' and %s""".formatted(area.sqlCondition("r.code"))).params(periodic)
				.query((rs, n) -> new Completeness(rs.getLong("villages"), rs.getLong("on_time"), rs.getLong("late"),
						rs.getLong("nil")))
				.single();
		List<Count> reports = jdbc.sql("""
				select r.state as key, count(*) as n from village_report r
				where r.created_at >= :start and r.created_at < :end and %s
				group by r.state order by r.state""".formatted(area.sqlCondition("r.village_code"))).params(params)
				.query((rs, n) -> new Count(rs.getString("key"), null, rs.getLong("n"))).list();

		long entries = -1;
		long exits = -1;
		if (area.coversUnplaced()) {
			long[] crossing = jdbc.sql("""
					select count(*) filter (where direction = 'ENTRY') as entries,
					  count(*) filter (where direction = 'EXIT') as exits
					from crossing where crossed_at >= :start and crossed_at < :end""").params(params)
					.query((rs, n) -> new long[] { rs.getLong("entries"), rs.getLong("exits") }).single();
			entries = crossing[0];
			exits = crossing[1];
		}
		return new Recap(month, area.regionCode(), areaName, totals[0], totals[1], totals[2], nationality, category,
				district, village, raised, raised.stream().mapToLong(Count::count).sum(), closed,
				closed.stream().mapToLong(Count::count).sum(), openAtEnd, actions, completeness, reports, entries,
				exits);
	}

	/** The moment a month's periodic report becomes late: the end of the due day of the next month, in WIT. */
	private Instant dueBy(YearMonth month) {
		ZonedDateTime end = month.plusMonths(1).atDay(Math.min(dueDay, 28)).plusDays(1).atStartOfDay(DisplayTime.ZONE);
		return end.toInstant();
	}
}
