package id.pantau.dashboard.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.pantau.platform.DisplayTime;
import id.pantau.platform.ReplicaReads;
import id.pantau.platform.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures of the home dashboard within a scope, each one SQL aggregate: no record is loaded to be counted.
 * Persons with no village count for scopes of a regency or wider only, as in the registry's list; crossings have no
 * village and are counted for such scopes only.
 */
@Service
public class DashboardQueries {

	/** Days ahead within which a permit counts as ending soon; the registry's list offers the same choice. */
	public static final int PERMIT_DAYS = 30;
	/** Past this many persons, the permits ending soon are shown as "more than": the registry's list counts so too. */
	public static final int PERMITS_COUNTED_UP_TO = 1000;

	/** Months of arrivals and departures shown, the current one included. */
	public static final int CROSSING_MONTHS = 12;

	public enum Severity {
		CRITICAL, HIGH, MEDIUM, LOW
	}

	public enum ReportStep {
		DRAFT, SUBMITTED, RETURNED, FORWARDED, VALIDATED, REJECTED
	}

	/** A figure of a breakdown: its key (a code, {@code null} for "none"), a label where the data has one, a count. */
	public record Count(String key, String label, long count) {
	}

	public record MonthCrossings(YearMonth month, long entries, long exits) {

		public LocalDate first() {
			return month.atDay(1);
		}

		public LocalDate last() {
			return month.atEndOfMonth();
		}
	}

	/** Villages of the scope that sent their monthly report for {@code month}, and how many of those were nil. */
	public record Completeness(YearMonth month, long villages, long reported, long nil) {

		public long missing() {
			return villages - reported;
		}

		public int percent() {
			return villages == 0 ? 0 : (int) Math.round(100.0 * reported / villages);
		}
	}

	public record Figures(long present, List<Count> byNationality, List<Count> byCategory, List<Count> byDistrict,
			List<Count> byVillage, long exCrewAshore, long permitsEnding, List<MonthCrossings> crossings,
			Map<Severity, Long> openAlerts, long closedByAutomaticLinks, Map<ReportStep, Long> reports,
			Completeness thisMonth, Completeness lastMonth) {

		/** Whether {@link #permitsEnding()} is the count, not one past {@link #PERMITS_COUNTED_UP_TO}. */
		public boolean permitsEndingExact() {
			return permitsEnding <= PERMITS_COUNTED_UP_TO;
		}

		public long openAlertsTotal() {
			return openAlerts.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private final ReplicaReads replicas;
	private final JdbcClient jdbc;
	private final Clock clock;

	/** The figures are read on the replica when there is one: they may lag by seconds. */
	DashboardQueries(ReplicaReads replicas, Clock clock) {
		this.replicas = replicas;
		this.jdbc = replicas.jdbc();
		this.clock = clock;
	}

	/**
	 * @param withCrossings whether to count crossings (a role that reads them, with a regency-wide scope)
	 */
	public Figures figures(Scope scope, boolean withCrossings) {
		return replicas.read(() -> count(scope, withCrossings));
	}

	private Figures count(Scope scope, boolean withCrossings) {
		List<Count> nationality = new ArrayList<>();
		List<Count> category = new ArrayList<>();
		List<Count> district = new ArrayList<>();
		List<Count> village = new ArrayList<>();
		long[] present = { 0 };
		// the registry's maintained counts of present persons (a few rows per village), five groupings
		jdbc.sql("""
				with g as (
				  select grouping(p.nationality) as g_nat, grouping(p.category) as g_cat,
				    grouping(left(p.region_code, 8)) as g_dist, grouping(p.region_code) as g_vil,
				    p.nationality, p.category, left(p.region_code, 8) as district, p.region_code, sum(p.n) as n
				  from person_present_count_read p
				  where %s
				  group by grouping sets ((p.nationality), (p.category), (left(p.region_code, 8)), (p.region_code), ())
				  having sum(p.n) <> 0
				)
				select g.*, c.name_id as nationality_name, d.name as district_name, v.name as village_name
				from g
				left join country_read c on c.alpha3 = g.nationality
				left join region_read d on d.code = g.district
				left join region_read v on v.code = g.region_code
				order by g.n desc, g.nationality, g.category, g.district, g.region_code
				""".formatted(scope.sqlVisibility("p.region_code"))).params(scope.sqlParameters()).query(rs -> {
					long n = rs.getLong("n");
					if (rs.getInt("g_nat") == 0) {
						nationality.add(new Count(rs.getString("nationality"), rs.getString("nationality_name"), n));
					}
					else if (rs.getInt("g_cat") == 0) {
						category.add(new Count(rs.getString("category"), null, n));
					}
					else if (rs.getInt("g_dist") == 0) {
						district.add(new Count(rs.getString("district"), rs.getString("district_name"), n));
					}
					else if (rs.getInt("g_vil") == 0) {
						village.add(new Count(rs.getString("region_code"), rs.getString("village_name"), n));
					}
					else {
						present[0] = n;
					}
				});
		long exCrew = category.stream().filter(c -> "EX_CREW".equals(c.key())).mapToLong(Count::count).sum();

		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		params.put("today", today);
		params.put("until", today.plusDays(PERMIT_DAYS));
		params.put("bound", PERMITS_COUNTED_UP_TO + 1);
		// as the registry's list filter: any person (not merged) with a permit ending in the window, counted up to one
		// past the bound, as the list counts, so that the count stops early instead of joining every permit in the
		// window to its person (92 ms at 100,000 persons, where one permit in seven ends within 30 days; 3.5 ms so)
		long permits = jdbc.sql("""
				select count(*) from (
				  select 1 from person_read p where p.status <> 'MERGED' and %s
				  and exists (select 1 from stay_permit_read s where s.person_id = p.id
				              and s.valid_until between :today and :until)
				  limit :bound) ending
				""".formatted(scope.sqlVisibility("p.region_code"))).params(params).query(Long.class).single();

		Map<Severity, Long> alerts = new EnumMap<>(Severity.class);
		for (Severity s : Severity.values()) {
			alerts.put(s, 0L);
		}
		// followup's maintained counts per village and severity
		jdbc.sql("select a.severity, sum(a.n) as n from open_alert_count_read a where "
				+ scope.sqlVisibility("a.region_code") + " group by a.severity").params(scope.sqlParameters())
				.query(rs -> {
					alerts.put(Severity.valueOf(rs.getString("severity")), rs.getLong("n"));
				});

		// alerts closed this month on a fact that an automatic link brought: what a wrong link would have hidden
		Map<String, Object> monthParams = new HashMap<>(scope.sqlParameters());
		monthParams.put("monthStart", java.sql.Timestamp.from(YearMonth.now(clock.withZone(DisplayTime.ZONE)).atDay(1)
				.atStartOfDay(DisplayTime.ZONE).toInstant()));
		long closedByLinks = jdbc.sql("select count(*) from alert_read a where a.closed_by_link is not null"
				+ " and a.closed_at >= :monthStart and " + scope.sqlVisibility("a.region_code")).params(monthParams)
				.query(Long.class).single();

		Map<ReportStep, Long> reports = new EnumMap<>(ReportStep.class);
		for (ReportStep s : ReportStep.values()) {
			reports.put(s, 0L);
		}
		// a draft is the village's own until it is submitted: only a village's scope counts its drafts
		boolean ownVillage = !scope.isWholeDeployment() && scope.regionCode().chars().filter(c -> c == '.').count() == 3;
		if (!ownVillage) {
			reports.remove(ReportStep.DRAFT);
		}
		// the reports module's maintained counts per village and state
		jdbc.sql("select r.state, sum(r.n) as n from village_report_state_count_read r where "
				+ scope.sqlCondition("r.village_code") + (ownVillage ? "" : " and r.state <> 'DRAFT'")
				+ " group by r.state").params(scope.sqlParameters())
				.query(rs -> {
					reports.put(ReportStep.valueOf(rs.getString("state")), rs.getLong("n"));
				});

		YearMonth month = YearMonth.now(clock.withZone(DisplayTime.ZONE));
		// monthly reports are sent once a month is over: the last complete month and the one before it
		Completeness[] completeness = completeness(scope, month.minusMonths(1));
		return new Figures(present[0], nationality, category, district, village, exCrew, permits,
				withCrossings && scope.coversUnplaced() ? crossings(month) : List.of(), alerts, closedByLinks, reports,
				completeness[0], completeness[1]);
	}

	/** The periodic reports of {@code month} and of the month before it against the villages of the scope. */
	private Completeness[] completeness(Scope scope, YearMonth month) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		params.put("this", month.atDay(1));
		params.put("last", month.minusMonths(1).atDay(1));
		return jdbc.sql("""
				select count(*) as villages,
				  count(t.village_code) as this_reported, count(*) filter (where t.nil) as this_nil,
				  count(l.village_code) as last_reported, count(*) filter (where l.nil) as last_nil
				from region_read r
				left join periodic_report_read t on t.village_code = r.code and t.month = :this
				left join periodic_report_read l on l.village_code = r.code and l.month = :last
				where r.level = 'VILLAGE' and %s""".formatted(scope.sqlCondition("r.code"))).params(params)
				.query((rs, n) -> new Completeness[] {
						new Completeness(month, rs.getLong("villages"), rs.getLong("this_reported"),
								rs.getLong("this_nil")),
						new Completeness(month.minusMonths(1), rs.getLong("villages"), rs.getLong("last_reported"),
								rs.getLong("last_nil")) })
				.single();
	}

	/**
	 * Arrivals and departures per month (in WIT) for the last {@link #CROSSING_MONTHS} months, oldest first, from the
	 * crossings module's maintained counts: a dozen rows, the same on every instance, current as soon as an import or
	 * the API commits.
	 */
	private List<MonthCrossings> crossings(YearMonth month) {
		YearMonth first = month.minusMonths(CROSSING_MONTHS - 1L);
		Map<YearMonth, long[]> counts = new LinkedHashMap<>();
		for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
			counts.put(m, new long[2]);
		}
		jdbc.sql("""
				select to_char(c.month, 'YYYY-MM') as month, c.direction, sum(c.n) as n
				from crossing_month_count_read c where c.month between :from and :to
				group by 1, 2""").param("from", first.atDay(1)).param("to", month.atDay(1))
				.query(rs -> {
					long[] pair = counts.get(YearMonth.parse(rs.getString("month")));
					if (pair != null) {
						pair["ENTRY".equals(rs.getString("direction")) ? 0 : 1] = rs.getLong("n");
					}
				});
		List<MonthCrossings> list = new ArrayList<>();
		counts.forEach((m, pair) -> list.add(new MonthCrossings(m, pair[0], pair[1])));
		return list;
	}
}
