package id.pantau.detection.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.pantau.detection.RuleCatalogue;
import id.pantau.followup.Evidence;

import org.springframework.stereotype.Component;

/**
 * NO_SKTT: a present holder of a permit that requires an SKTT (the ITAS; {@code permit_type.sktt_required}), still
 * valid, with no SKTT recorded as an identity link once the days to register after the permit have passed.
 */
@Component
public class NoSkttRule implements DetectionRule {

	static final String CODE = "NO_SKTT";

	record Row(long personId, String regionCode, String permitType, String permitNumber, LocalDate validFrom,
			LocalDate validUntil) {
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(new ParameterSpec("days", 14, 1, 365), new ParameterSpec("mediumAfterDays", 90, 0, 3650));
	}

	@Override
	public List<Finding> evaluate(RuleContext context) {
		SkttDeadline deadline = new SkttDeadline(context.parameters().getInt("days"),
				context.parameters().getInt("mediumAfterDays"));
		List<Row> rows = context.sql("""
				select distinct on (p.id) p.id, p.region_code, s.permit_type, s.number, s.valid_from, s.valid_until
				from person_read p
				join stay_permit_read s on s.person_id = p.id
				join permit_type_read t on t.code = s.permit_type and t.sktt_required
				where p.status = 'PRESENT' %s
				  and s.valid_from is not null and s.valid_from < :cutoff
				  and (s.valid_until is null or s.valid_until >= :today)
				  and not exists (select 1 from identity_link_read l where l.person_id = p.id and l.kind = 'SKTT')
				order by p.id, s.valid_from desc
				""".formatted(context.onlyPersons("p.id"))).param("cutoff", context.today().minusDays(deadline.days()))
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("region_code"), rs.getString("permit_type"),
						rs.getString("number"), rs.getObject("valid_from", LocalDate.class),
						rs.getObject("valid_until", LocalDate.class)))
				.list();
		List<Finding> findings = new ArrayList<>();
		rows.forEach(row -> finding(row, deadline, context.today()).ifPresent(findings::add));
		return findings;
	}

	static Optional<Finding> finding(Row row, SkttDeadline deadline, LocalDate today) {
		long late = deadline.daysLate(row.validFrom(), today);
		if (late <= 0) {
			return Optional.empty();
		}
		String permit = row.permitType() + (row.permitNumber() != null ? " " + row.permitNumber() : "");
		List<Evidence> evidence = List.of(Evidence.of("PERMIT", row.permitNumber() != null ? row.permitNumber()
				: row.permitType() + ":" + row.validFrom(), row.validUntil() != null
						? Texts.evidence("permitFromUntil", permit, row.validFrom(), row.validUntil())
						: Texts.evidence("permitFrom", permit, row.validFrom()), row.validFrom()));
		return Optional.of(Finding.aboutPerson(CODE, deadline.severity(late), row.personId(), row.regionCode(),
				"permit:" + row.permitType() + ":" + row.validFrom(),
				List.of(permit, row.validFrom().toString(), deadline.deadline(row.validFrom()).toString()), evidence,
				RuleCatalogue.legalReference(CODE)));
	}

	@Override
	public Resolution whenGone(RuleContext context, GoneAlert alert) {
		Optional<LocalDate> sktt = context.jdbc().sql("""
				select max((added_at at time zone 'Asia/Jayapura')::date) from identity_link_read
				where person_id = :person and kind = 'SKTT'""").param("person", alert.personId())
				.query(LocalDate.class).optional();
		if (sktt.isPresent()) {
			return Resolution.closes("skttRecorded", sktt.get());
		}
		return PersonMovements.departure(context, alert.personId())
				.orElseGet(() -> Resolution.closes("limitedPermitEnded"));
	}
}
