package id.pantau.matching.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import id.pantau.crossings.CrossingRecords;
import id.pantau.crossings.CrossingRecords.CrossingRecord;
import id.pantau.matching.linkage.CommonNames;
import id.pantau.matching.linkage.Linker;
import id.pantau.matching.linkage.LinkageModel;
import id.pantau.matching.linkage.LinkageRecord;
import id.pantau.matching.linkage.PersonIndex;
import id.pantau.matching.linkage.TermFrequencies;
import id.pantau.matching.linkage.Thresholds;
import id.pantau.reference.NationalityResolver;
import id.pantau.registry.Registry;
import id.pantau.registry.Registry.LinkagePerson;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The registry held in memory for linkage, with its blocking index, and the name frequencies of the population the
 * records come from (the registry's persons, every crossing stored, and the shipped common names), with the models
 * last estimated. The index is rebuilt when the registry changed since the last build; the frequencies and models when
 * crossings were added or a model was re-estimated. Every name and every document number of a person is a variant of it under the same id, so an alias or
 * a second passport is found as well.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistryIndex {

	private static final int CHUNK = 10_000;

	/**
	 * A build of the index: the linker with the population's frequencies, and the model last estimated for each source
	 * of records.
	 */
	record Snapshot(String version, Linker linker, PersonIndex index, Map<ModelStore.Source, Matching.Scoring> models) {

		/** The linker with the source's model, and whether that model was estimated from data at all. */
		Matching.Scoring scoring(ModelStore.Source source) {
			return models.get(source);
		}

		/** The linker with the starting model of an estimate: the built-in values with the settings' thresholds. */
		Linker start() {
			return linker.withModel(LinkageModel.defaults().withThresholds(linker.model().thresholds()));
		}
	}

	private record Built(String version, PersonIndex index, Linker folding) {
	}

	private final Registry registry;
	private final CrossingRecords crossings;
	private final ModelStore models;
	private final MatchingSettings settings;
	private final NationalityResolver nationalities = NationalityResolver.bundled();
	private volatile Built built;
	private volatile Snapshot snapshot;
	private TermFrequencies.Counter crossingCounts;
	private long countedUpTo;

	Snapshot current() {
		String registryVersion = registry.linkageVersion();
		String version = registryVersion + "/" + models.version() + "/" + crossings.lastId();
		Snapshot current = snapshot;
		if (current != null && current.version().equals(version)) {
			return current;
		}
		synchronized (this) {
			if (snapshot == null || !snapshot.version().equals(version)) {
				if (built == null || !built.version().equals(registryVersion)) {
					built = build(registryVersion);
				}
				snapshot = snapshot(version, built);
			}
			return snapshot;
		}
	}

	private Snapshot snapshot(String version, Built index) {
		TermFrequencies.Counter counter = index.folding().frequencyCounter().addAll(index.index())
				.addAll(countCrossings(index.folding()));
		Thresholds thresholds = new Thresholds(settings.matchThreshold(), settings.reviewThreshold(),
				settings.namesakeMargin());
		Linker linker = index.folding().withModel(LinkageModel.defaults().withThresholds(thresholds))
				.withFrequencies(counter.build(CommonNames.bundled()));
		Map<ModelStore.Source, Matching.Scoring> scorings = new EnumMap<>(ModelStore.Source.class);
		for (ModelStore.Source source : ModelStore.Source.values()) {
			scorings.put(source, new Matching.Scoring(
					linker.withModel(models.current(source).withThresholds(thresholds)), models.estimated(source)));
		}
		return new Snapshot(version, linker, index.index(), scorings);
	}

	/** The crossings stored since the last count are counted; all again when some have gone. */
	private TermFrequencies.Counter countCrossings(Linker folding) {
		long last = crossings.lastId();
		if (crossingCounts == null || last < countedUpTo) {
			crossingCounts = folding.frequencyCounter();
			countedUpTo = 0;
		}
		List<CrossingRecord> page = crossings.after(countedUpTo, CHUNK);
		while (!page.isEmpty()) {
			for (CrossingRecord crossing : page) {
				RecordVariants.of(crossing).forEach(crossingCounts::add);
			}
			countedUpTo = page.get(page.size() - 1).id();
			page = crossings.after(countedUpTo, CHUNK);
		}
		return crossingCounts;
	}

	private Built build(String version) {
		Linker folding = new Linker(LinkageModel.defaults(), TermFrequencies.none(), nationalities);
		PersonIndex.Builder builder = new PersonIndex.Builder(folding);
		List<LinkageRecord> chunk = new ArrayList<>(CHUNK);
		registry.forEachLinkagePerson(person -> {
			chunk.addAll(variants(person));
			if (chunk.size() >= CHUNK) {
				builder.addAll(List.copyOf(chunk));
				chunk.clear();
			}
		});
		builder.addAll(chunk);
		return new Built(version, builder.build(), folding);
	}

	/** Each name with the first document, and each further document with the primary name. */
	static List<LinkageRecord> variants(LinkagePerson person) {
		String id = Long.toString(person.id());
		List<String> names = person.names().isEmpty() ? List.of(person.primaryName()) : person.names();
		List<String> documents = person.documentNumbers();
		String firstDocument = documents.isEmpty() ? null : documents.get(0);
		List<LinkageRecord> variants = new ArrayList<>(names.size() + Math.max(0, documents.size() - 1));
		for (String name : names) {
			variants.add(new LinkageRecord(id, name, person.sex(), person.birthDate(), person.nationality(),
					firstDocument));
		}
		for (String document : documents.subList(Math.min(1, documents.size()), documents.size())) {
			variants.add(new LinkageRecord(id, names.get(0), person.sex(), person.birthDate(), person.nationality(),
					document));
		}
		return variants;
	}
}
