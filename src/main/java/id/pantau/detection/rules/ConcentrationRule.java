package id.pantau.detection.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import id.pantau.detection.RuleCatalogue;
import id.pantau.followup.Evidence;
import id.pantau.followup.Severity;

import org.springframework.stereotype.Component;

/**
 * CONCENTRATION: many foreigners present in one village by the registry, or a sharp rise in a village's monthly
 * report on the month before. A social-risk signal for people to review, never more.
 */
@Component
public class ConcentrationRule implements DetectionRule {

	static final String CODE = "CONCENTRATION";
	static final String BASIS = RuleCatalogue.legalReference(CODE);

	record Present(String villageCode, String villageName, int present) {
	}

	record Rise(String villageCode, String villageName, int before, int last) {
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(new ParameterSpec("threshold", 15, 1, 100_000), new ParameterSpec("risePercent", 50, 1, 10_000),
				new ParameterSpec("minRise", 5, 1, 100_000));
	}

	@Override
	public boolean personScoped() {
		return false;
	}

	@Override
	public List<Finding> evaluate(RuleContext context) {
		Parameters p = context.parameters();
		ConcentrationPolicy policy = new ConcentrationPolicy(p.getInt("threshold"), p.getInt("risePercent"),
				p.getInt("minRise"));
		List<Finding> findings = new ArrayList<>();
		context.sql("""
				select r.code, r.name, count(*) as present
				from person_read pe join region_read r on r.code = pe.region_code and r.level = 'VILLAGE'
				where pe.status = 'PRESENT'
				group by r.code, r.name
				having count(*) >= :threshold
				""").param("threshold", policy.threshold())
				.query((rs, n) -> new Present(rs.getString("code"), rs.getString("name"), rs.getInt("present")))
				.list().forEach(row -> findings.add(present(row, policy, context.today().toString())));
		YearMonth last = YearMonth.from(context.today()).minusMonths(1);
		context.sql("""
				select r.code, r.name, b.foreigners as before, l.foreigners as last
				from periodic_report_read l
				join periodic_report_read b on b.village_code = l.village_code and b.month = :before
				join region_read r on r.code = l.village_code
				where l.month = :last
				""").param("last", last.atDay(1)).param("before", last.minusMonths(1).atDay(1))
				.query((rs, n) -> new Rise(rs.getString("code"), rs.getString("name"), rs.getInt("before"),
						rs.getInt("last")))
				.list().stream().filter(rise -> policy.sharpRise(rise.before(), rise.last()))
				.forEach(rise -> findings.add(rise(rise, last)));
		return findings;
	}

	static Finding present(Present row, ConcentrationPolicy policy, String today) {
		int level = policy.level(row.present());
		return new Finding(CODE, policy.severity(row.present()), SubjectType.VILLAGE, row.villageCode(), null,
				row.villageCode(), "present:" + level,
				List.of(row.villageName(), Integer.toString(row.present()), Texts.message("concentrationLevel", level)),
				List.of(Evidence.of("VILLAGE", row.villageCode(),
						Texts.evidence("presentInVillage", row.villageName(), row.present()), java.time.LocalDate.parse(today))),
				BASIS);
	}

	static Finding rise(Rise rise, YearMonth last) {
		return new Finding(CODE, Severity.LOW, SubjectType.VILLAGE, rise.villageCode(), null, rise.villageCode(),
				"rise:" + last, List.of(rise.villageName(), Integer.toString(rise.last()),
						Texts.message("concentrationRise", last, rise.before(), last.minusMonths(1))),
				List.of(Evidence.of("PERIODIC_REPORT", rise.villageCode() + ":" + last.minusMonths(1),
						Texts.evidence("monthlyCount", last.minusMonths(1), rise.before()),
						last.minusMonths(1).atDay(1)),
						Evidence.of("PERIODIC_REPORT", rise.villageCode() + ":" + last,
								Texts.evidence("monthlyCount", last, rise.last()), last.atDay(1))),
				BASIS);
	}

	@Override
	public Resolution whenGone(RuleContext context, GoneAlert alert) {
		return alert.factsKey().startsWith("present:")
				? Resolution.closes("concentrationGone", alert.factsKey().substring("present:".length()))
				: Resolution.staysOpen("concentrationMonthChanged");
	}
}
