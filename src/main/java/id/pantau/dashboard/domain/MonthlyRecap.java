package id.pantau.dashboard.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.pantau.platform.DisplayTime;
import id.pantau.platform.ReplicaReads;
import id.pantau.platform.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The monthly recap (rekapitulasi bulanan) of an area for TIMPORA and the Wali Kota: foreigners present at the end
 * of the month against the end of the month before, by nationality, category, kecamatan and village; alerts raised
 * and closed; follow-up actions; reporting completeness; and for a regency-wide area the crossings of the month.
 * <p>
 * <b>Present at the end of a day D</b> (WIT) is decided by the facts the registry holds about D, never by when a
 * record was typed. A person counts when all of these hold:
 * <ol>
 * <li>the record is not merged into another (the surviving record carries its facts);</li>
 * <li>the person's status on D is {@code PRESENT}: the last status recorded by the end of D; for a record made after
 * D, the status it was first recorded with (a registration records {@code PRESENT}); for a record without any
 * history, its status now. A departure, deportation, death or lost whereabouts before D removes the person;</li>
 * <li>the last crossing on or before D, if any, is not an exit;</li>
 * <li>a fact places the person in the area on D: a residence whose period covers D (from its start, or from the day
 * it was recorded when the start is blank, to its end, open when blank), which also names the village; or, only for
 * a person none of whose residences carries a date, a stay permit valid on D (not "no permit") or an entry on or
 * before D whose permitted stay has not ended by D, with the person's village as the place.</li>
 * </ol>
 * A person whose dated residences do not cover D lived in the area at another time and does not count, whatever
 * their permit says; an overstayer with a current residence does count (presence, not lawfulness, is counted). The
 * end of the current month is not yet known: it is taken as today. "Registered" counts records created in the month.
 */
@Service
public class MonthlyRecap {

	/**
	 * A breakdown row: a code ({@code null} for "unknown"), its name in Indonesian and English where the data has one,
	 * this month and the month before.
	 */
	public record Change(String key, String label, String labelEn, long now, long before) {

		public long difference() {
			return now - before;
		}

		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) && labelEn != null ? labelEn : label;
		}
	}

	/** A count of a combination of codes, each given as the message key of its label. */
	public record Count(List<String> labelKeys, long count) {
	}

	/**
	 * The month's monthly reports against the area's villages, each counted once in its latest version;
	 * {@code corrected} of them were corrected by their village after they were sent.
	 */
	public record Completeness(long villages, long onTime, long late, long nil, long corrected) {

		public Completeness(long villages, long onTime, long late, long nil) {
			this(villages, onTime, late, nil, 0);
		}

		public long missing() {
			return villages - onTime - late;
		}

		public int percent() {
			return villages == 0 ? 0 : (int) Math.round(100.0 * (onTime + late) / villages);
		}
	}

	/**
	 * @param presentOn the day whose end {@code present} counts: the month's last day, or today for the current month
	 * @param presentBeforeOn the same for {@code presentBefore}: the last day of the month before
	 * @param entries crossings into the country in the month, {@code -1} for an area smaller than a regency
	 */
	public record Recap(YearMonth month, String areaCode, String areaName, LocalDate presentOn,
			LocalDate presentBeforeOn, long present, long presentBefore, long registered, List<Change> byNationality,
			List<Change> byCategory, List<Change> byDistrict, List<Change> byVillage, List<Count> alertsRaised,
			long alertsRaisedTotal, List<Count> alertsClosed, long alertsClosedTotal, long alertsOpenAtEnd,
			List<Count> actions, Completeness completeness, List<Count> reports, long entries, long exits) {

		public long presentChange() {
			return present - presentBefore;
		}

		public boolean hasCrossings() {
			return entries >= 0;
		}
	}

	/** A person present at the end of a day, and the village that placed them there ({@code null}: none known). */
	public record Presence(long personId, String village) {
	}

	private static final String WIT = DisplayTime.ZONE.getId();

	private final ReplicaReads replicas;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final int dueDay;

	/** The recap reads on the replica when there is one: a figure of a past month may lag by seconds. */
	MonthlyRecap(ReplicaReads replicas, Clock clock, @Value("${pantau.reports.periodic-due-day:5}") int dueDay) {
		this.replicas = replicas;
		this.jdbc = replicas.jdbc();
		this.clock = clock;
		this.dueDay = dueDay;
	}

	/**
	 * The persons present in {@code area} at the end of {@code day}, by the definition of the class: what the
	 * recap's figures of that day count.
	 */
	public List<Presence> presentAt(Scope area, LocalDate day) {
		return replicas.read(() -> presence(area, day));
	}

	private List<Presence> presence(Scope area, LocalDate day) {
		Map<String, Object> params = new HashMap<>(area.sqlParameters());
		params.put("day", day);
		params.put("dayEnd", Timestamp.from(endOf(day)));
		return jdbc.sql("select f.person_id, f.village from (" + presentOn("day", "dayEnd") + ") f where "
				+ area.sqlVisibility("f.village") + " order by f.person_id").params(params)
				.query((rs, n) -> new Presence(rs.getLong("person_id"), rs.getString("village"))).list();
	}

	/**
	 * The persons present at the end of the day named by {@code :<day>} (a date; {@code :<dayEnd>} is the instant the
	 * day ends in WIT), with the village that placed them. See the class for the definition.
	 */
	private static String presentOn(String day, String dayEnd) {
		return """
				select p.id as person_id,
				  coalesce(r.region_code, case when not exists (select 1 from residence_read d where d.person_id = p.id
				    and (d.since is not null or d.until is not null)) then p.region_code end) as village
				from person_read p
				left join lateral (
				  select r.region_code from residence_read r
				  where r.person_id = p.id
				    and coalesce(r.since, (r.added_at at time zone '%3$s')::date) <= :%1$s
				    and (r.until is null or r.until >= :%1$s)
				  order by coalesce(r.since, (r.added_at at time zone '%3$s')::date) desc, r.added_at desc
				  limit 1) r on true
				left join lateral (
				  select x.direction, x.stay_until from crossing_read x
				  where x.person_id = p.id and x.crossed_at < :%2$s
				  order by x.crossed_at desc, x.id desc limit 1) x on true
				where p.status <> 'MERGED'
				  and coalesce(
				    (select c.status from person_status_change_read c where c.person_id = p.id and c.changed_at < :%2$s
				     order by c.changed_at desc, c.status = p.status desc limit 1),
				    (select c.status from person_status_change_read c where c.person_id = p.id
				     order by c.changed_at, c.status = 'PRESENT' desc limit 1),
				    p.status) = 'PRESENT'
				  and x.direction is distinct from 'EXIT'
				  and (r.region_code is not null
				    or (not exists (select 1 from residence_read d where d.person_id = p.id
				                    and (d.since is not null or d.until is not null))
				      and (exists (select 1 from stay_permit_read s where s.person_id = p.id and s.permit_type <> 'TIDAK_ADA'
				                   and coalesce(s.valid_from, (s.added_at at time zone '%3$s')::date) <= :%1$s
				                   and s.valid_until >= :%1$s)
				        or (x.direction = 'ENTRY' and (x.stay_until is null or x.stay_until >= :%1$s)))))
				""".formatted(day, dayEnd, WIT);
	}

	public Recap of(Scope area, String areaName, YearMonth month) {
		return replicas.read(() -> recap(area, areaName, month));
	}

	private Recap recap(Scope area, String areaName, YearMonth month) {
		Instant start = month.atDay(1).atStartOfDay(DisplayTime.ZONE).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(DisplayTime.ZONE).toInstant();
		LocalDate today = LocalDate.now(clock.withZone(DisplayTime.ZONE));
		LocalDate presentOn = min(month.atEndOfMonth(), today);
		LocalDate presentBeforeOn = min(month.minusMonths(1).atEndOfMonth(), today);
		Map<String, Object> params = new HashMap<>(area.sqlParameters());
		params.put("start", Timestamp.from(start));
		params.put("end", Timestamp.from(end));
		params.put("day", presentOn);
		params.put("dayEnd", Timestamp.from(endOf(presentOn)));
		params.put("dayBefore", presentBeforeOn);
		params.put("dayBeforeEnd", Timestamp.from(endOf(presentBeforeOn)));

		List<Change> nationality = new ArrayList<>();
		List<Change> category = new ArrayList<>();
		List<Change> district = new ArrayList<>();
		List<Change> village = new ArrayList<>();
		long[] totals = new long[2];
		jdbc.sql("""
				with f as (
				  select true as now, a.* from (%1$s) a
				  union all
				  select false as now, b.* from (%2$s) b
				), s as (
				  select f.now as is_now, p.nationality, p.category, f.village
				  from f join person_read p on p.id = f.person_id
				  where %3$s
				), g as (
				  select grouping(s.nationality) as g_nat, grouping(s.category) as g_cat,
				    grouping(left(s.village, 8)) as g_dist, grouping(s.village) as g_vil,
				    s.nationality, s.category, left(s.village, 8) as district, s.village as region_code,
				    count(*) filter (where s.is_now) as now,
				    count(*) filter (where not s.is_now) as before
				  from s
				  group by grouping sets ((s.nationality), (s.category), (left(s.village, 8)), (s.village), ())
				)
				select g.*, c.name_id as nationality_name, c.name_en as nationality_name_en, d.name as district_name,
				  v.name as village_name
				from g
				left join country_read c on c.alpha3 = g.nationality
				left join region_read d on d.code = g.district
				left join region_read v on v.code = g.region_code
				where g.now > 0 or g.before > 0 or (g.g_nat = 1 and g.g_cat = 1 and g.g_dist = 1 and g.g_vil = 1)
				order by g.now desc, g.before desc, g.nationality, g.category, g.district, g.region_code
				""".formatted(presentOn("day", "dayEnd"), presentOn("dayBefore", "dayBeforeEnd"),
				area.sqlVisibility("f.village"))).params(params).query(rs -> {
					long now = rs.getLong("now");
					long before = rs.getLong("before");
					if (rs.getInt("g_nat") == 0) {
						nationality.add(new Change(rs.getString("nationality"), rs.getString("nationality_name"),
								rs.getString("nationality_name_en"), now, before));
					}
					else if (rs.getInt("g_cat") == 0) {
						category.add(new Change(rs.getString("category"), null, null, now, before));
					}
					else if (rs.getInt("g_dist") == 0) {
						district.add(new Change(rs.getString("district"), rs.getString("district_name"), null, now,
								before));
					}
					else if (rs.getInt("g_vil") == 0) {
						village.add(new Change(rs.getString("region_code"), rs.getString("village_name"), null, now,
								before));
					}
					else {
						totals[0] = now;
						totals[1] = before;
					}
				});
		long registered = jdbc.sql("""
				select count(*) from person_read p where p.created_at >= :start and p.created_at < :end
				and p.status <> 'MERGED' and %s""".formatted(area.sqlVisibility("p.region_code"))).params(params)
				.query(Long.class).single();

		String alertScope = area.sqlVisibility("a.region_code");
		List<Count> raised = jdbc.sql("""
				select a.rule, a.severity, count(*) as n from alert_read a
				where a.opened_at >= :start and a.opened_at < :end and %s
				group by a.rule, a.severity order by n desc, a.rule, a.severity""".formatted(alertScope))
				.params(params).query((rs, n) -> new Count(List.of("alert.rule." + rs.getString("rule") + ".name",
						"followup.severity." + rs.getString("severity")), rs.getLong("n")))
				.list();
		List<Count> closed = jdbc.sql("""
				select a.status, a.outcome, count(*) as n from alert_read a
				where a.closed_at >= :start and a.closed_at < :end and %s
				group by a.status, a.outcome order by n desc, a.status, a.outcome""".formatted(alertScope))
				.params(params).query((rs, n) -> {
					List<String> keys = new ArrayList<>();
					keys.add("followup.status." + rs.getString("status"));
					if (rs.getString("outcome") != null) {
						keys.add("followup.outcome." + rs.getString("outcome"));
					}
					return new Count(List.copyOf(keys), rs.getLong("n"));
				}).list();
		long openAtEnd = jdbc.sql("""
				select count(*) from alert_read a where a.opened_at < :end and (a.closed_at is null or a.closed_at >= :end)
				and %s""".formatted(alertScope)).params(params).query(Long.class).single();
		List<Count> actions = jdbc.sql("""
				select x.kind, count(*) as n from alert_action_read x join alert_read a on a.id = x.alert_id
				where x.recorded_at >= :start and x.recorded_at < :end and %s
				  and x.kind not in ('ASSIGNED', 'ACKNOWLEDGED', 'CLOSED', 'DISMISSED', 'MEETING_DECISION')
				group by x.kind order by n desc, x.kind""".formatted(alertScope)).params(params)
				.query((rs, n) -> new Count(List.of("followup.action." + rs.getString("kind")), rs.getLong("n")))
				.list();

		Map<String, Object> periodic = new HashMap<>(area.sqlParameters());
		periodic.put("month", month.atDay(1));
		periodic.put("due", Timestamp.from(dueBy(month)));
		Completeness completeness = jdbc.sql("""
				select count(*) as villages,
				  count(pr.village_code) filter (where pr.submitted_at < :due) as on_time,
				  count(pr.village_code) filter (where pr.submitted_at >= :due) as late,
				  count(*) filter (where pr.nil) as nil, count(*) filter (where pr.version > 1) as corrected
				from region_read r left join periodic_report_read pr on pr.village_code = r.code and pr.month = :month
				where r.level = 'VILLAGE' and %s""".formatted(area.sqlCondition("r.code"))).params(periodic)
				.query((rs, n) -> new Completeness(rs.getLong("villages"), rs.getLong("on_time"), rs.getLong("late"),
						rs.getLong("nil"), rs.getLong("corrected")))
				.single();
		List<Count> reports = jdbc.sql("""
				select r.state, count(*) as n from village_report_read r
				where r.created_at >= :start and r.created_at < :end and %s and r.state <> 'DRAFT'
				group by r.state order by r.state""".formatted(area.sqlCondition("r.village_code"))).params(params)
				.query((rs, n) -> new Count(List.of("reportState." + rs.getString("state")), rs.getLong("n"))).list();

		long entries = -1;
		long exits = -1;
		if (area.coversUnplaced()) {
			long[] crossing = jdbc.sql("""
					select count(*) filter (where direction = 'ENTRY') as entries,
					  count(*) filter (where direction = 'EXIT') as exits
					from crossing_read where crossed_at >= :start and crossed_at < :end""").params(params)
					.query((rs, n) -> new long[] { rs.getLong("entries"), rs.getLong("exits") }).single();
			entries = crossing[0];
			exits = crossing[1];
		}
		return new Recap(month, area.regionCode(), areaName, presentOn, presentBeforeOn, totals[0], totals[1],
				registered, nationality, category, district, village, raised,
				raised.stream().mapToLong(Count::count).sum(), closed, closed.stream().mapToLong(Count::count).sum(),
				openAtEnd, actions, completeness, reports, entries, exits);
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	/** The moment {@code day} ends in WIT. */
	private static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(DisplayTime.ZONE).toInstant();
	}

	/** The moment a month's periodic report becomes late: the end of the due day of the next month, in WIT. */
	private Instant dueBy(YearMonth month) {
		ZonedDateTime end = month.plusMonths(1).atDay(Math.min(dueDay, 28)).plusDays(1).atStartOfDay(DisplayTime.ZONE);
		return end.toInstant();
	}
}
