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
import id.pantau.identity.Notifications;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.Scope;
import id.pantau.reference.Region;
import id.pantau.reference.RegionLevel;
import id.pantau.reference.ReferenceData;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly report each village owes: the number of foreigners in the village, or "nihil". A month's report is due
 * by a day of the next month (a setting); completeness shows, per village and month, whether it came on time, late,
 * or not at all. A month is reported once it is over. The village may correct its report (a new version with a
 * reason; the earlier ones are kept) until BPMPD closes the month for its area or the month leaves the
 * {@link #MONTHS_OPEN} months still open.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PeriodicReporting {

	public enum Completeness {
		ON_TIME, LATE, MISSING, NOT_DUE
	}

	/** The most a note or a reason keeps. */
	public static final int TEXT_MAX = 500;

	/**
	 * How many complete months back a village may still send or correct a report: those BPMPD sees on its
	 * completeness page (which shows them and the current month) and can close there. Older months are closed by time.
	 */
	public static final int MONTHS_OPEN = 5;

	/**
	 * A village's report for a month as it stands now (its latest version), with the versions it replaced, newest
	 * first, and the month's closing when BPMPD has closed it.
	 */
	public record MonthReport(String villageCode, YearMonth month, boolean nil, int foreigners, String note,
			Instant submittedAt, String submittedBy, boolean late, int version, Instant correctedAt,
			String correctedBy, String correctionReason, List<Earlier> earlier, Closing closing) {

		public boolean corrected() {
			return version > 1;
		}

		/** The version this one replaced, when it is a correction. */
		public Earlier previous() {
			return earlier.isEmpty() ? null : earlier.get(0);
		}
	}

	/** A version of a monthly report that a correction replaced. */
	public record Earlier(int version, boolean nil, int foreigners, String note, Instant sentAt, String sentBy,
			String reason) {
	}

	/** BPMPD closed a month for a village: who, when. */
	public record Closing(Instant closedAt, String closedBy) {
	}

	/** A correction as BPMPD sees it: the figure now, the figure before, the reason. */
	public record Correction(String villageCode, String villageName, YearMonth month, int version, boolean nil,
			int foreigners, boolean previousNil, int previousForeigners, String reason, Instant correctedAt,
			String correctedBy) {
	}

	/**
	 * A month's closing within a scope: how many of its villages are closed, by whom and when the last was, and
	 * whether the month may be closed at all (a complete month).
	 */
	public record MonthClosing(YearMonth month, int villages, int closed, Instant closedAt, String closedBy,
			boolean closable) {

		public boolean closedForAll() {
			return villages > 0 && closed >= villages;
		}
	}

	/** One row of the completeness view: a village, its state for each month asked and the months corrected. */
	public record VillageRow(Region village, Region district, Map<YearMonth, Completeness> months,
			java.util.Set<YearMonth> corrected) {
	}

	public record DistrictTotal(Region district, Map<YearMonth, Map<Completeness, Integer>> months) {
	}

	public record View(List<YearMonth> months, List<VillageRow> villages, List<DistrictTotal> districts) {
	}

	private final JdbcClient jdbc;
	private final ReferenceData reference;
	private final ReportSettings settings;
	private final AuditTrail audit;
	private final Notifications notifications;
	private final DisplayTime display;
	private final Clock clock;

	/** The moment a month's report becomes late: the end of the due day, in Maluku's time. */
	public Instant dueBy(YearMonth month) {
		ZonedDateTime end = month.plusMonths(1).atDay(Math.min(settings.periodicDueDay(), 28)).plusDays(1)
				.atStartOfDay(DisplayTime.ZONE);
		return end.toInstant();
	}

	/** This month in Maluku (WIT), by the application's clock. */
	public YearMonth currentMonth() {
		return YearMonth.from(clock.instant().atZone(DisplayTime.ZONE));
	}

	/**
	 * The month a village reports now: the last complete one. A month is reported once it is over (the count is of
	 * the foreigners present in the month, and the report is due early in the next month), so the current month is
	 * not offered and is refused.
	 */
	public YearMonth lastCompleteMonth() {
		return currentMonth().minusMonths(1);
	}

	/** The oldest month a village may still send or correct. */
	public YearMonth oldestOpenMonth() {
		return lastCompleteMonth().minusMonths(MONTHS_OPEN - 1);
	}

	/** The complete months a village may still report, newest first: what the form offers. */
	public List<YearMonth> reportableMonths() {
		List<YearMonth> months = new ArrayList<>();
		for (int i = 0; i < MONTHS_OPEN; i++) {
			months.add(lastCompleteMonth().minusMonths(i));
		}
		return months;
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
		lockMonth(month);
		List<InvalidInput.Problem> problems = new ArrayList<>();
		monthProblem(month).ifPresentOrElse(problems::add, () -> refuseClosed(village, month));
		int count = count(nil, foreigners, problems);
		textProblem("note", note).ifPresent(problems::add);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				insert into periodic_report (village_code, month, nil, foreigners, note, submitted_at, submitted_by)
				values (:village, :month, :nil, :count, :note, :now, :actor)
				on conflict (village_code, month) do nothing""").param("village", village)
				.param("month", month.atDay(1)).param("nil", nil).param("count", count).param("note", text(note))
				.param("now", java.sql.Timestamp.from(now)).param("actor", user.getUsername()).update();
		if (inserted == 0) {
			throw InvalidInput.of("month", "periodic.already", monthName(month));
		}
		audit.record(AuditEntry.of("PERIODIC_REPORT_SUBMITTED").subject("PERIODIC_REPORT", village + "/" + month)
				.region(village).detail("nil", nil).detail("foreigners", count));
		return new MonthReport(village, month, nil, count, text(note), now, user.getUsername(),
				now.isAfter(dueBy(month)), 1, null, null, null, List.of(), null);
	}

	/**
	 * A village corrects its sent report for a month: a new version with a reason, the earlier one kept; refused once
	 * BPMPD has closed the month. BPMPD is told it is a correction, with the figure before.
	 */
	@Transactional
	public MonthReport correct(PantauUser user, YearMonth month, boolean nil, Integer foreigners, String reason,
			String note) {
		if (user.role() != Role.OHOI) {
			throw new AccessDeniedException("a village corrects its own monthly report");
		}
		String village = user.scope().regionCode();
		lockMonth(month);
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (month == null) {
			problems.add(new InvalidInput.Problem("month", "periodic.monthRequired"));
		}
		else {
			// a closed month is refused first: no figure would be taken anyway
			tooOld(month).ifPresentOrElse(problems::add, () -> refuseClosed(village, month));
		}
		int count = count(nil, foreigners, problems);
		if (reason == null || reason.isBlank()) {
			problems.add(new InvalidInput.Problem("reason", "periodic.reasonRequired"));
		}
		textProblem("reason", reason).ifPresent(problems::add);
		textProblem("note", note).ifPresent(problems::add);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Current current = jdbc.sql("""
				select id, version, nil, foreigners, note, submitted_at, submitted_by, corrected_at, corrected_by,
				  correction_reason
				from periodic_report where village_code = :village and month = :month for update""")
				.param("village", village).param("month", month.atDay(1))
				.query((rs, n) -> new Current(rs.getLong("id"), new Earlier(rs.getInt("version"), rs.getBoolean("nil"),
						rs.getInt("foreigners"), rs.getString("note"),
						instant(rs.getTimestamp("corrected_at"), rs.getTimestamp("submitted_at")),
						rs.getString("corrected_by") != null ? rs.getString("corrected_by")
								: rs.getString("submitted_by"),
						rs.getString("correction_reason"))))
				.optional().orElseThrow(() -> InvalidInput.of("month", "periodic.nothingToCorrect", monthName(month)));
		Earlier before = current.state();
		if (before.nil() == nil && before.foreigners() == count
				&& java.util.Objects.equals(before.note(), text(note))) {
			throw InvalidInput.of("foreigners", "periodic.sameAsBefore");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				insert into periodic_report_version (periodic_report_id, version, nil, foreigners, note, sent_at,
				  sent_by, reason, replaced_at)
				values (:id, :version, :nil, :count, :note, :sent, :by, :reason, :now)""").param("id", current.id())
				.param("version", before.version()).param("nil", before.nil()).param("count", before.foreigners())
				.param("note", before.note()).param("sent", java.sql.Timestamp.from(before.sentAt()))
				.param("by", before.sentBy()).param("reason", before.reason())
				.param("now", java.sql.Timestamp.from(now)).update();
		jdbc.sql("""
				update periodic_report set version = version + 1, nil = :nil, foreigners = :count, note = :note,
				  corrected_at = :now, corrected_by = :actor, correction_reason = :reason
				where id = :id""").param("nil", nil).param("count", count).param("note", text(note))
				.param("now", java.sql.Timestamp.from(now)).param("actor", user.getUsername())
				.param("reason", reason.strip()).param("id", current.id()).update();
		audit.record(AuditEntry.of("PERIODIC_REPORT_CORRECTED").subject("PERIODIC_REPORT", village + "/" + month)
				.region(village).detail("version", before.version() + 1).detail("previousNil", before.nil())
				.detail("previousForeigners", before.foreigners()).detail("nil", nil).detail("foreigners", count)
				.text("reason", reason));
		String villageName = reference.region(village).map(Region::name).orElse(village);
		notifications.notifyRole(Role.BPMPD, village, "notify.periodicCorrected",
				villageName + ", " + java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy",
						java.util.Locale.forLanguageTag("id")).format(month), "/laporan/kelengkapan#koreksi");
		return ofVillage(village).stream().filter(r -> r.month().equals(month)).findFirst().orElseThrow();
	}

	/**
	 * BPMPD closes a complete month for the villages of its area: from then on they can neither send nor correct
	 * that month's report. Villages another BPMPD user closed already keep their closing.
	 *
	 * @return how many villages were closed now
	 */
	@Transactional
	public int close(PantauUser user, YearMonth month) {
		if (user.role() != Role.BPMPD) {
			throw new AccessDeniedException("BPMPD closes a month");
		}
		if (month == null) {
			throw InvalidInput.of("month", "periodic.monthRequired");
		}
		if (month.isAfter(lastCompleteMonth())) {
			throw InvalidInput.of("month", "periodic.closeNotOver", monthName(month));
		}
		var old = tooOld(month);
		if (old.isPresent()) {
			throw new InvalidInput(List.of(old.get()));
		}
		lockMonth(month);
		Map<String, Object> params = new HashMap<>(user.scope().sqlParameters());
		params.put("month", month.atDay(1));
		params.put("now", java.sql.Timestamp.from(clock.instant()));
		params.put("actor", user.getUsername());
		int closed = jdbc.sql("""
				insert into periodic_month_closing (village_code, month, closed_at, closed_by)
				select r.code, :month, :now, :actor from region_read r where r.level = 'VILLAGE' and %s
				on conflict (village_code, month) do nothing""".formatted(user.scope().sqlCondition("r.code")))
				.params(params).update();
		if (closed == 0) {
			throw InvalidInput.of("month", "periodic.alreadyClosed", monthName(month));
		}
		String area = user.scope().regionCode();
		AuditEntry entry = AuditEntry.of("PERIODIC_MONTH_CLOSED").subject("PERIODIC_MONTH", month.toString())
				.detail("month", month).detail("villages", closed);
		audit.record(area == null ? entry : entry.region(area));
		return closed;
	}

	/** The months a village may no longer report or correct, with who closed each and when. */
	public Map<YearMonth, Closing> closings(String villageCode) {
		Map<YearMonth, Closing> closings = new HashMap<>();
		jdbc.sql("select month, closed_at, closed_by from periodic_month_closing where village_code = :village")
				.param("village", villageCode).query(rs -> {
					closings.put(YearMonth.from(rs.getDate("month").toLocalDate()),
							new Closing(rs.getTimestamp("closed_at").toInstant(), rs.getString("closed_by")));
				});
		return closings;
	}

	/** For each month asked, how far it is closed within the scope. */
	public List<MonthClosing> monthClosings(Scope scope, List<YearMonth> months) {
		int villages = reference.regionsWithin(scope, RegionLevel.VILLAGE).size();
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		Map<YearMonth, MonthClosing> found = new HashMap<>();
		jdbc.sql("""
				select month, count(*) as n, max(closed_at) as at,
				  (array_agg(closed_by order by closed_at desc))[1] as by
				from periodic_month_closing where %s group by month""".formatted(scope.sqlCondition("village_code")))
				.params(params).query(rs -> {
					YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
					found.put(month, new MonthClosing(month, villages, rs.getInt("n"),
							rs.getTimestamp("at").toInstant(), rs.getString("by"), true));
				});
		YearMonth last = lastCompleteMonth();
		return months.stream().map(m -> {
			MonthClosing f = found.get(m);
			boolean closable = !m.isAfter(last);
			return f == null ? new MonthClosing(m, villages, 0, null, null, closable)
					: new MonthClosing(m, villages, f.closed(), f.closedAt(), f.closedBy(), closable);
		}).toList();
	}

	/** The corrections of the months from {@code first} to {@code last} within the scope, newest first. */
	public List<Correction> corrections(Scope scope, YearMonth first, YearMonth last) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		params.put("from", first.atDay(1));
		params.put("to", last.atDay(1));
		return jdbc.sql("""
				select pr.village_code, r.name, pr.month, pr.version, pr.nil, pr.foreigners, v.nil as previous_nil,
				  v.foreigners as previous_foreigners, pr.correction_reason, pr.corrected_at, pr.corrected_by
				from periodic_report pr
				join region_read r on r.code = pr.village_code
				join periodic_report_version v on v.periodic_report_id = pr.id and v.version = pr.version - 1
				where pr.version > 1 and pr.month between :from and :to and %s
				order by pr.corrected_at desc""".formatted(scope.sqlCondition("pr.village_code"))).params(params)
				.query((rs, n) -> new Correction(rs.getString("village_code"), rs.getString("name"),
						YearMonth.from(rs.getDate("month").toLocalDate()), rs.getInt("version"), rs.getBoolean("nil"),
						rs.getInt("foreigners"), rs.getBoolean("previous_nil"), rs.getInt("previous_foreigners"),
						rs.getString("correction_reason"), rs.getTimestamp("corrected_at").toInstant(),
						rs.getString("corrected_by")))
				.list();
	}

	/** A village's monthly reports, newest first, each with its earlier versions and its month's closing. */
	public List<MonthReport> ofVillage(String villageCode) {
		Map<Long, List<Earlier>> earlier = new HashMap<>();
		jdbc.sql("""
				select v.periodic_report_id, v.version, v.nil, v.foreigners, v.note, v.sent_at, v.sent_by, v.reason
				from periodic_report_version v join periodic_report pr on pr.id = v.periodic_report_id
				where pr.village_code = :village order by v.version desc""").param("village", villageCode)
				.query(rs -> {
					earlier.computeIfAbsent(rs.getLong("periodic_report_id"), k -> new ArrayList<>())
							.add(new Earlier(rs.getInt("version"), rs.getBoolean("nil"), rs.getInt("foreigners"),
									rs.getString("note"), rs.getTimestamp("sent_at").toInstant(),
									rs.getString("sent_by"), rs.getString("reason")));
				});
		Map<YearMonth, Closing> closings = closings(villageCode);
		return jdbc.sql("""
				select id, village_code, month, nil, foreigners, note, submitted_at, submitted_by, version,
				  corrected_at, corrected_by, correction_reason
				from periodic_report where village_code = :village order by month desc""").param("village", villageCode)
				.query((rs, n) -> {
					YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
					Instant at = rs.getTimestamp("submitted_at").toInstant();
					java.sql.Timestamp corrected = rs.getTimestamp("corrected_at");
					return new MonthReport(rs.getString("village_code"), month, rs.getBoolean("nil"),
							rs.getInt("foreigners"), rs.getString("note"), at, rs.getString("submitted_by"),
							at.isAfter(dueBy(month)), rs.getInt("version"),
							corrected == null ? null : corrected.toInstant(), rs.getString("corrected_by"),
							rs.getString("correction_reason"), earlier.getOrDefault(rs.getLong("id"), List.of()),
							closings.get(month));
				}).list();
	}

	private record Current(long id, Earlier state) {
	}

	private static Instant instant(java.sql.Timestamp first, java.sql.Timestamp otherwise) {
		return (first != null ? first : otherwise).toInstant();
	}

	/** A month a village may report: a complete one; the current month is not over, a later one has not come. */
	private java.util.Optional<InvalidInput.Problem> monthProblem(YearMonth month) {
		if (month == null) {
			return java.util.Optional.of(new InvalidInput.Problem("month", "periodic.monthRequired"));
		}
		if (month.equals(currentMonth())) {
			return java.util.Optional.of(new InvalidInput.Problem("month", "periodic.monthNotOver", monthName(month),
					monthName(month.plusMonths(1))));
		}
		if (month.isAfter(currentMonth())) {
			return java.util.Optional.of(new InvalidInput.Problem("month", "periodic.futureMonth"));
		}
		return tooOld(month);
	}

	private java.util.Optional<InvalidInput.Problem> tooOld(YearMonth month) {
		if (month.isBefore(oldestOpenMonth())) {
			return java.util.Optional.of(new InvalidInput.Problem("month", "periodic.tooOld", monthName(month),
					monthName(oldestOpenMonth())));
		}
		return java.util.Optional.empty();
	}

	/** The count the form means: 0 for nil; a problem when it says nothing, or both nil and a number of people. */
	private static int count(boolean nil, Integer foreigners, List<InvalidInput.Problem> problems) {
		if (nil && foreigners != null && foreigners != 0) {
			problems.add(new InvalidInput.Problem("foreigners", "periodic.nilWithCount", foreigners));
			return -1;
		}
		if (nil) {
			return 0;
		}
		if (foreigners == null || foreigners == 0) {
			problems.add(new InvalidInput.Problem("foreigners", "periodic.countRequired"));
			return -1;
		}
		if (foreigners < 0 || foreigners > 10000) {
			problems.add(new InvalidInput.Problem("foreigners", "periodic.countRange"));
			return -1;
		}
		return foreigners;
	}

	private static java.util.Optional<InvalidInput.Problem> textProblem(String field, String text) {
		return text != null && text.strip().length() > TEXT_MAX
				? java.util.Optional.of(new InvalidInput.Problem(field, "input.tooLong", TEXT_MAX))
				: java.util.Optional.empty();
	}

	private static String text(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/**
	 * Sending, correcting and closing a month wait for each other until the transaction ends, so that a report is
	 * never changed by a transaction that checked the month just before BPMPD's closing committed.
	 */
	private void lockMonth(YearMonth month) {
		if (month != null) {
			jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", 0x7065_7269_6F64_0000L + month.getYear() * 12L
					+ month.getMonthValue()).query((rs, n) -> 1).list();
		}
	}

	private void refuseClosed(String village, YearMonth month) {
		Closing closing = closings(village).get(month);
		if (closing != null) {
			throw InvalidInput.of("month", "periodic.closed", monthName(month), closing.closedBy(),
					display.of(closing.closedAt()));
		}
	}

	/** A month for a message: a date its pattern formats ({@code {0,date,MMMM yyyy}}) in the reader's language. */
	static java.util.Date monthName(YearMonth month) {
		return java.util.Date.from(month.atDay(1).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
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
		Map<String, java.util.Set<YearMonth>> corrected = new HashMap<>();
		jdbc.sql("select village_code, month, submitted_at, version from periodic_report where month between :from and"
				+ " :to and " + scope.sqlCondition("village_code")).params(params).query(rs -> {
					YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
					submitted.computeIfAbsent(rs.getString("village_code"), k -> new HashMap<>()).put(month,
							rs.getTimestamp("submitted_at").toInstant());
					if (rs.getInt("version") > 1) {
						corrected.computeIfAbsent(rs.getString("village_code"), k -> new java.util.HashSet<>())
								.add(month);
					}
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
			rows.add(new VillageRow(village, district, states,
					corrected.getOrDefault(village.code(), java.util.Set.of())));
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
