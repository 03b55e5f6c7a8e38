package id.pantau.reports.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.Scope;
import id.pantau.reference.Region;
import id.pantau.reference.RegionLevel;
import id.pantau.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly report each village owes: the number of foreigners in the village, or "nihil". A month's report is due
 * by a day of the next month (a setting); completeness shows, per village and month, whether it came on time, late,
 * or not at all.
 */
@Service
public class PeriodicReporting {

	public enum Completeness {
		ON_TIME, LATE, MISSING, NOT_DUE
	}

	public record MonthReport(String villageCode, YearMonth month, boolean nil, int foreigners, String note,
			Instant submittedAt, String submittedBy, boolean late) {
	}

	/** One row of the completeness view: a village and its state for each month asked. */
	public record VillageRow(Region village, Region district, Map<YearMonth, Completeness> months) {
	}

	public record DistrictTotal(Region district, Map<YearMonth, Map<Completeness, Integer>> months) {
	}

	public record View(List<YearMonth> months, List<VillageRow> villages, List<DistrictTotal> districts) {
	}

	private final JdbcClient jdbc;
	private final ReferenceData reference;
	private final ReportSettings settings;
	private final AuditTrail audit;
	private final Clock clock;

	PeriodicReporting(JdbcClient jdbc, ReferenceData reference, ReportSettings settings, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.reference = reference;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	/** The moment a month's report becomes late: the end of the due day, in Maluku's time. */
	public Instant dueBy(YearMonth month) {
		ZonedDateTime end = month.plusMonths(1).atDay(Math.min(settings.periodicDueDay(), 28)).plusDays(1)
				.atStartOfDay(DisplayTime.ZONE);
		return end.toInstant();
	}

	@Transactional
	public MonthReport submit(PantauUser user, String villageCode, YearMonth month, boolean nil, Integer foreigners,
			String note) {
		String village = user.role() == Role.OHOI ? user.scope().regionCode() : villageCode;
		if (user.role() != Role.OHOI && user.role() != Role.BPMPD) {
			throw new AccessDeniedException("villages report, BPMPD on their behalf");
		}
		if (village == null || !user.scope().covers(village)
				|| reference.region(village).filter(r -> r.level() == RegionLevel.VILLAGE).isEmpty()) {
			throw InvalidInput.of("villageCode", "village.required");
		}
		YearMonth current = YearMonth.from(clock.instant().atZone(DisplayTime.ZONE));
		if (month == null || month.isAfter(current)) {
			throw InvalidInput.of("month", "periodic.futureMonth");
		}
		int count = nil ? 0 : foreigners == null ? -1 : foreigners;
		if (count < 0 || (!nil && count == 0)) {
			throw InvalidInput.of("foreigners", "periodic.countRequired");
		}
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				insert into periodic_report (village_code, month, nil, foreigners, note, submitted_at, submitted_by)
				values (:village, :month, :nil, :count, :note, :now, :actor)
				on conflict (village_code, month) do nothing""").param("village", village)
				.param("month", month.atDay(1)).param("nil", nil).param("count", count)
				.param("note", note == null || note.isBlank() ? null : note.strip())
				.param("now", java.sql.Timestamp.from(now)).param("actor", user.getUsername()).update();
		if (inserted == 0) {
			throw InvalidInput.of("month", "periodic.already", month.toString());
		}
		audit.record(AuditEntry.of("PERIODIC_REPORT_SUBMITTED").subject("PERIODIC_REPORT", village + "/" + month)
				.region(village).detail("nil", nil).detail("foreigners", count));
		return new MonthReport(village, month, nil, count, note, now, user.getUsername(), now.isAfter(dueBy(month)));
	}

	/** A village's monthly reports, newest first. */
	public List<MonthReport> ofVillage(String villageCode) {
		return jdbc.sql("""
				select village_code, month, nil, foreigners, note, submitted_at, submitted_by from periodic_report
				where village_code = :village order by month desc""").param("village", villageCode)
				.query((rs, n) -> {
					YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
					Instant at = rs.getTimestamp("submitted_at").toInstant();
					return new MonthReport(rs.getString("village_code"), month, rs.getBoolean("nil"),
							rs.getInt("foreigners"), rs.getString("note"), at, rs.getString("submitted_by"),
							at.isAfter(dueBy(month)));
				}).list();
	}

	/** Villages x months within the scope, for the {@code count} months up to and including {@code last}. */
	public View completeness(Scope scope, YearMonth last, int count) {
		List<YearMonth> months = new ArrayList<>();
		for (int i = count - 1; i >= 0; i--) {
			months.add(last.minusMonths(i));
		}
		Map<String, Map<YearMonth, Instant>> submitted = new HashMap<>();
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		params.put("from", months.get(0).atDay(1));
		params.put("to", last.atDay(1));
		jdbc.sql("select village_code, month, submitted_at from periodic_report where month between :from and :to and "
				+ scope.sqlCondition("village_code")).params(params).query(rs -> {
					submitted.computeIfAbsent(rs.getString("village_code"), k -> new HashMap<>()).put(
							YearMonth.from(rs.getDate("month").toLocalDate()),
							rs.getTimestamp("submitted_at").toInstant());
				});
		Instant now = clock.instant();
		Map<String, Region> districts = new LinkedHashMap<>();
		reference.regionsWithin(scope, RegionLevel.DISTRICT).forEach(d -> districts.put(d.code(), d));
		List<VillageRow> rows = new ArrayList<>();
		Map<String, Map<YearMonth, Map<Completeness, Integer>>> totals = new LinkedHashMap<>();
		for (Region village : reference.regionsWithin(scope, RegionLevel.VILLAGE)) {
			Map<YearMonth, Completeness> states = new LinkedHashMap<>();
			for (YearMonth month : months) {
				Instant at = submitted.getOrDefault(village.code(), Map.of()).get(month);
				Completeness state = at != null ? (at.isAfter(dueBy(month)) ? Completeness.LATE : Completeness.ON_TIME)
						: now.isAfter(dueBy(month)) ? Completeness.MISSING : Completeness.NOT_DUE;
				states.put(month, state);
				totals.computeIfAbsent(village.parentCode(), k -> new LinkedHashMap<>())
						.computeIfAbsent(month, k -> new java.util.EnumMap<>(Completeness.class))
						.merge(state, 1, Integer::sum);
			}
			Region district = districts.computeIfAbsent(village.parentCode(),
					code -> reference.region(code).orElse(null));
			rows.add(new VillageRow(village, district, states));
		}
		List<DistrictTotal> districtTotals = totals.entrySet().stream()
				.map(e -> new DistrictTotal(districts.get(e.getKey()), e.getValue())).toList();
		return new View(months, rows, districtTotals);
	}

	/** Villages in the scope with no report for {@code month} although it is due. */
	public List<Region> missing(Scope scope, YearMonth month) {
		return completeness(scope, month, 1).villages().stream()
				.filter(row -> row.months().get(month) == Completeness.MISSING).map(VillageRow::village).toList();
	}

}
