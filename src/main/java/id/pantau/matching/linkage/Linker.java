package id.pantau.matching.linkage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import id.pantau.reference.NationalityResolver;

/**
 * Compares records with persons and decides. Thread-safe. The application finds candidates itself (with SQL) and calls
 * {@link #link(LinkageRecord, Collection)}; {@link #compare(LinkageRecord, LinkageRecord)} explains any pair.
 */
public final class Linker {

	private final LinkageModel model;

	private final TermFrequencies frequencies;

	private final Preparer preparer;

	public Linker(LinkageModel model, TermFrequencies frequencies, NationalityResolver nationalities) {
		this(model, frequencies, new Preparer(nationalities));
	}

	Linker(LinkageModel model, TermFrequencies frequencies, Preparer preparer) {
		this.model = model;
		this.frequencies = frequencies;
		this.preparer = preparer;
	}

	public LinkageModel model() {
		return model;
	}

	public TermFrequencies frequencies() {
		return frequencies;
	}

	/** The same linker with another model (e.g. re-estimated): frequencies and caches are kept. */
	public Linker withModel(LinkageModel model) {
		return new Linker(model, frequencies, preparer);
	}

	/** About how many in the population bear this name as heard, by this linker's frequencies (at least 1). */
	public int peopleNamed(String name) {
		return frequencies.nameCount(preparer.prepare(new LinkageRecord("", name, null, null, null, null)).soundSet);
	}

	/** A counter of names and nationalities that folds them as this linker does. */
	public TermFrequencies.Counter frequencyCounter() {
		return new TermFrequencies.Counter(preparer);
	}

	/** The same linker with other term frequencies (e.g. those of a {@link PersonIndex}). */
	public Linker withFrequencies(TermFrequencies frequencies) {
		return new Linker(model, frequencies, preparer);
	}

	Preparer preparer() {
		return preparer;
	}

	/** The pair compared and explained field by field. */
	public Comparison compare(LinkageRecord record, LinkageRecord person) {
		return explain(preparer.prepare(record), preparer.prepare(person));
	}

	/** The record against the candidates the caller found: the best two and the decision. */
	public LinkResult link(LinkageRecord record, Collection<LinkageRecord> candidates) {
		Prepared prepared = preparer.prepare(record);
		Comparison best = null;
		Comparison second = null;
		for (LinkageRecord candidate : candidates) {
			Comparison comparison = explain(prepared, preparer.prepare(candidate));
			if (best == null || comparison.matchWeight() > best.matchWeight()) {
				second = best;
				best = comparison;
			}
			else if (second == null || comparison.matchWeight() > second.matchWeight()) {
				second = comparison;
			}
		}
		return LinkResult.of(record.id(), best, second, model.thresholds());
	}

	/** The match weight of a pair whose pattern is known: the fast path of batch linkage. */
	double score(Prepared record, Prepared person, int pattern) {
		return model.patternWeight(pattern) + nameAdjustment(record, person, Patterns.level(pattern, Field.NAME))
				+ nationalityAdjustment(person, Patterns.level(pattern, Field.NATIONALITY));
	}

	double nameAdjustment(Prepared record, Prepared person, int level) {
		return switch (level) {
			case Comparators.NAME_EXACT, Comparators.NAME_RESPELLED, Comparators.NAME_TYPO ->
				frequencies.nameAdjustment(person.soundSet);
			case Comparators.NAME_SUBSET -> frequencies
					.nameAdjustment(record.tokens.length < person.tokens.length ? record.soundSet : person.soundSet);
			default -> 0;
		};
	}

	double nationalityAdjustment(Prepared person, int level) {
		return level == Comparators.NAT_EXACT ? frequencies.nationalityAdjustment(person.nationality) : 0;
	}

	Comparison explain(Prepared record, Prepared person) {
		int[] levels = { Comparators.name(record, person), Comparators.document(record, person),
				Comparators.birthDate(record, person), Comparators.nationality(record, person),
				Comparators.sex(record, person) };
		List<Contribution> contributions = new ArrayList<>(levels.length);
		double total = model.priorWeight();
		for (Field field : Field.values()) {
			int level = levels[field.ordinal()];
			double adjustment = switch (field) {
				case NAME -> nameAdjustment(record, person, level);
				case NATIONALITY -> nationalityAdjustment(person, level);
				default -> 0;
			};
			Contribution contribution = new Contribution(field, field.levels().get(level), model.weight(field, level),
					adjustment, value(record, field), value(person, field));
			total += contribution.weight();
			contributions.add(contribution);
		}
		double probability = LinkageModel.probability(total);
		int pattern = Patterns.encode(levels);
		return new Comparison(record.id, person.id, model.priorWeight(), contributions, total, probability,
				LinkResult.gated(model.thresholds().decide(probability), pattern), pattern);
	}

	private static String value(Prepared prepared, Field field) {
		String value = switch (field) {
			case NAME -> prepared.nameText();
			case DOCUMENT -> prepared.document;
			case BIRTH_DATE -> prepared.birthText();
			case NATIONALITY -> prepared.nationality == null ? "" : prepared.nationality.replace("?", "");
			case SEX -> prepared.sex == 0 ? "" : String.valueOf(prepared.sex);
		};
		return value == null ? "" : value;
	}
}
