package id.pantau.detection.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.pantau.detection.RuleCatalogue;
import id.pantau.followup.Evidence;
import id.pantau.followup.Severity;

import org.springframework.stereotype.Component;

/**
 * SILENT_VILLAGE: a village with no monthly report (not even "nihil") for the month that is due, also when it has
 * already sent a later month's. Two or more silent months in a row, up to the due month, raise the severity. Only
 * villages of a regency whose villages report through Pantau are expected to: a province deployment also holds
 * regencies that have not started, whose villages are not silent but not yet enrolled.
 */
@Component
public class SilentVillageRule implements DetectionRule {

	static final String CODE = "SILENT_VILLAGE";

	/**
	 * @param lastBeforeDue the latest month reported before the due month, which tells how long the village has been
	 *                      silent
	 * @param latest        the latest month reported at all, which may come after the due month
	 */
	record Row(String villageCode, String villageName, LocalDate lastBeforeDue, LocalDate latest) {
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(new ParameterSpec("graceDays", 10, 0, 28), new ParameterSpec("mediumAfterMonths", 2, 1, 24));
	}

	@Override
	public boolean personScoped() {
		return false;
	}

	@Override
	public List<Finding> evaluate(RuleContext context) {
		YearMonth due = new ReportingMonth(context.parameters().getInt("graceDays")).due(context.today());
		int mediumAfter = context.parameters().getInt("mediumAfterMonths");
		List<Row> rows = context.sql("""
				select r.code, r.name,
				  (select max(pr.month) from periodic_report_read pr where pr.village_code = r.code and pr.month < :month)
				    as last_before_due,
				  (select max(pr.month) from periodic_report_read pr where pr.village_code = r.code) as latest
				from region_read r
				where r.level = 'VILLAGE'
				  and exists (select 1 from periodic_report_read pr where pr.village_code like left(r.code, 5) || '.%')
				  and not exists (select 1 from periodic_report_read pr where pr.village_code = r.code and pr.month = :month)
				""").param("month", due.atDay(1))
				.query((rs, n) -> new Row(rs.getString("code"), rs.getString("name"),
						rs.getObject("last_before_due", LocalDate.class), rs.getObject("latest", LocalDate.class)))
				.list();
		List<Finding> findings = new ArrayList<>();
		rows.forEach(row -> finding(row, due, mediumAfter).ifPresent(findings::add));
		return findings;
	}

	/**
	 * Months without a report up to and including the due month (the whole history when none ever came before it).
	 */
	static long silentMonths(LocalDate lastBeforeDue, YearMonth due) {
		if (lastBeforeDue == null) {
			return Long.MAX_VALUE;
		}
		YearMonth last = YearMonth.from(lastBeforeDue);
		return last.isBefore(due) ? last.until(due, java.time.temporal.ChronoUnit.MONTHS) : 0;
	}

	static Optional<Finding> finding(Row row, YearMonth due, int mediumAfterMonths) {
		long silent = silentMonths(row.lastBeforeDue(), due);
		if (silent <= 0) {
			return Optional.empty();
		}
		List<Evidence> evidence = new ArrayList<>();
		evidence.add(Evidence.of("VILLAGE", row.villageCode(), row.villageName(), null));
		if (row.latest() != null) {
			evidence.add(Evidence.of("PERIODIC_REPORT", row.villageCode() + ":" + YearMonth.from(row.latest()),
					Texts.evidence("latestMonthlyReport", YearMonth.from(row.latest())), row.latest()));
		}
		return Optional.of(new Finding(CODE, silent >= mediumAfterMonths ? Severity.MEDIUM : Severity.LOW,
				SubjectType.VILLAGE, row.villageCode(), null, row.villageCode(), "month:" + due,
				List.of(row.villageName(), due.toString(),
						row.latest() == null ? "-" : YearMonth.from(row.latest()).toString()),
				evidence, RuleCatalogue.legalReference(CODE)));
	}

	@Override
	public Resolution whenGone(RuleContext context, GoneAlert alert) {
		String month = alert.factsKey().substring("month:".length());
		Optional<LocalDate> received = context.jdbc().sql("""
				select (submitted_at at time zone 'Asia/Jayapura')::date from periodic_report_read
				where village_code = :village and month = :month""").param("village", alert.subjectKey())
				.param("month", YearMonth.parse(month).atDay(1)).query(LocalDate.class).optional();
		return received.map(d -> Resolution.closes("monthlyReportReceived", month, d))
				.orElseGet(() -> Resolution.staysOpen("monthlyReportStillMissing", month));
	}
}
