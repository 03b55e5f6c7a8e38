package id.pantau.detection.rules;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import id.pantau.detection.RuleCatalogue;
import id.pantau.followup.Evidence;
import id.pantau.followup.Severity;

import org.springframework.stereotype.Component;

/**
 * DOCUMENT_CONFLICT: the same document number held by different persons (unless each was issued by a different
 * state, where the same number can be legitimate), or a person whose linked crossing was made with papers of a
 * nationality the registry knows nothing of for that person.
 */
@Component
public class DocumentConflictRule implements DetectionRule {

	static final String CODE = "DOCUMENT_CONFLICT";
	static final String LEGAL = RuleCatalogue.legalReference(CODE);

	/** Holders of one document number: person ids, issuing states and regions in the same order. */
	record SharedNumber(String numberKey, String number, List<Long> persons, List<String> issuingStates,
			List<String> regions, List<String> names) {
	}

	record CrossingMismatch(long personId, String regionCode, long crossingId, LocalDate crossedOn, String direction,
			String crossingNationality, String knownNationalities) {
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(new ParameterSpec("checkCrossings", 1, 0, 1));
	}

	@Override
	public List<Finding> evaluate(RuleContext context) {
		List<Finding> findings = new ArrayList<>();
		String only = context.incremental()
				? " and d.number_key in (select t.number_key from travel_document_read t where t.person_id = any(:persons))"
				: "";
		context.sql("""
				select d.number_key, min(d.number) as number, array_agg(d.person_id order by d.person_id) as persons,
				  array_agg(coalesce(d.issuing_state, '') order by d.person_id) as states,
				  array_agg(coalesce(p.region_code, '') order by d.person_id) as regions,
				  array_agg(p.primary_name order by d.person_id) as names
				from travel_document_read d join person_read p on p.id = d.person_id and p.status <> 'MERGED'
				where true %s
				group by d.number_key
				having count(distinct d.person_id) > 1
				""".formatted(only))
				.query((rs, n) -> new SharedNumber(rs.getString("number_key"), rs.getString("number"),
						longs(rs.getArray("persons")), strings(rs.getArray("states")), strings(rs.getArray("regions")),
						strings(rs.getArray("names"))))
				.list().forEach(shared -> sharedNumber(shared).ifPresent(findings::add));
		if (context.parameters().get("checkCrossings") == 1) {
			context.sql("""
					select p.id, p.region_code, c.id as crossing_id,
					  (c.crossed_at at time zone 'Asia/Jayapura')::date as crossed_on, c.direction, c.nationality,
					  concat_ws(',', p.nationality, p.claimed_nationality,
					    (select string_agg(distinct d.issuing_state, ',') from travel_document_read d where d.person_id = p.id))
					    as known
					from crossing_read c join person_read p on p.id = c.person_id and p.status <> 'MERGED'
					where c.person_id is not null %s
					  and c.nationality is distinct from p.nationality
					  and c.nationality is distinct from p.claimed_nationality
					  and not exists (select 1 from travel_document_read d where d.person_id = p.id
					    and d.issuing_state = c.nationality)
					  and (p.nationality is not null or p.claimed_nationality is not null
					    or exists (select 1 from travel_document_read d where d.person_id = p.id and d.issuing_state is not null))
					""".formatted(context.onlyPersons("c.person_id")))
					.query((rs, n) -> new CrossingMismatch(rs.getLong("id"), rs.getString("region_code"),
							rs.getLong("crossing_id"), rs.getObject("crossed_on", LocalDate.class),
							rs.getString("direction"), rs.getString("nationality"), rs.getString("known")))
					.list().forEach(mismatch -> findings.add(crossingMismatch(mismatch)));
		}
		return findings;
	}

	/**
	 * A conflict when at least two holders' documents could be the same document: issued by the same state, or by a
	 * state unknown for one of them.
	 */
	static Optional<Finding> sharedNumber(SharedNumber shared) {
		Set<Long> conflicting = new LinkedHashSet<>();
		for (int i = 0; i < shared.persons().size(); i++) {
			for (int j = i + 1; j < shared.persons().size(); j++) {
				String a = shared.issuingStates().get(i);
				String b = shared.issuingStates().get(j);
				boolean sameDocument = a.isEmpty() || b.isEmpty() || a.equals(b);
				if (sameDocument && !shared.persons().get(i).equals(shared.persons().get(j))) {
					conflicting.add(shared.persons().get(i));
					conflicting.add(shared.persons().get(j));
				}
			}
		}
		if (conflicting.size() < 2) {
			return Optional.empty();
		}
		List<Evidence> evidence = new ArrayList<>();
		evidence.add(Evidence.of("DOCUMENT", shared.numberKey(), Texts.evidence("documentNumber", shared.number()),
				null));
		Set<String> regions = new LinkedHashSet<>();
		for (int i = 0; i < shared.persons().size(); i++) {
			if (conflicting.contains(shared.persons().get(i))) {
				String state = shared.issuingStates().get(i);
				evidence.add(Evidence.of("PERSON", shared.persons().get(i), state.isEmpty()
						? Texts.evidence("sameNumberHolder", shared.names().get(i))
						: Texts.evidence("sameNumberHolderOf", shared.names().get(i), Texts.COUNTRY + state), null));
				regions.add(shared.regions().get(i));
			}
		}
		String region = regions.size() == 1 && !regions.iterator().next().isEmpty() ? regions.iterator().next() : null;
		String persons = String.join(",", conflicting.stream().sorted().map(String::valueOf).toList());
		return Optional.of(new Finding(CODE, Severity.HIGH, SubjectType.DOCUMENT, shared.numberKey(), null, region,
				"persons:" + persons, List.of(shared.number(), Texts.message("documentShared", conflicting.size())),
				evidence, LEGAL));
	}

	static Finding crossingMismatch(CrossingMismatch mismatch) {
		String known = mismatch.knownNationalities() == null ? "" : String.join(", ",
				new LinkedHashSet<>(Arrays.stream(mismatch.knownNationalities().split(",")).filter(s -> !s.isBlank())
						.toList()));
		List<Evidence> evidence = List.of(
				Evidence.of("CROSSING", mismatch.crossingId(), Texts.evidence("crossingWithDocument." + mismatch.direction(),
						Texts.COUNTRY + mismatch.crossingNationality()), mismatch.crossedOn()),
				Evidence.of("PERSON", mismatch.personId(), Texts.evidence("recordedNationality", Texts.COUNTRY + known),
						null));
		return Finding.aboutPerson(CODE, Severity.HIGH, mismatch.personId(), mismatch.regionCode(),
				"crossing:" + mismatch.crossingId(), List.of(mismatch.crossingNationality(),
						Texts.message("documentMismatch", mismatch.crossedOn(), known)),
				evidence, LEGAL);
	}

	@Override
	public Resolution whenGone(RuleContext context, GoneAlert alert) {
		return Resolution.staysOpen("documentDataChanged", context.today());
	}

	private static List<Long> longs(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(o -> ((Number) o).longValue()).toList();
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(o -> Objects.toString(o, "")).toList();
	}
}
