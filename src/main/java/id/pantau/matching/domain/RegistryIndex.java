package id.pantau.matching.domain;

import java.util.ArrayList;
import java.util.List;

import id.pantau.matching.linkage.Linker;
import id.pantau.matching.linkage.LinkageModel;
import id.pantau.matching.linkage.LinkageRecord;
import id.pantau.matching.linkage.PersonIndex;
import id.pantau.matching.linkage.TermFrequencies;
import id.pantau.matching.linkage.Thresholds;
import id.pantau.reference.NationalityResolver;
import id.pantau.registry.Registry;
import id.pantau.registry.Registry.LinkagePerson;
import org.springframework.stereotype.Component;

/**
 * The registry held in memory for linkage, with its blocking index and the term frequencies of its names, rebuilt
 * when the registry changed since the last build (or the model was re-estimated). Every name and every document
 * number of a person is a variant of it under the same id, so an alias or a second passport is found as well.
 */
@Component
class RegistryIndex {

	private static final int CHUNK = 10_000;

	/** A build of the index: the linker with the model and frequencies it was built with. */
	record Snapshot(String version, Linker linker, PersonIndex index) {
	}

	private final Registry registry;
	private final ModelStore models;
	private final MatchingSettings settings;
	private final NationalityResolver nationalities = NationalityResolver.bundled();
	private volatile Snapshot snapshot;

	RegistryIndex(Registry registry, ModelStore models, MatchingSettings settings) {
		this.registry = registry;
		this.models = models;
		this.settings = settings;
	}

	Snapshot current() {
		String version = registry.linkageVersion() + "/" + models.version();
		Snapshot built = snapshot;
		if (built != null && built.version().equals(version)) {
			return built;
		}
		synchronized (this) {
			if (snapshot == null || !snapshot.version().equals(version)) {
				snapshot = build(version);
			}
			return snapshot;
		}
	}

	private Snapshot build(String version) {
		LinkageModel model = models.current().withThresholds(new Thresholds(settings.matchThreshold(),
				settings.reviewThreshold(), settings.namesakeMargin()));
		Linker linker = new Linker(model, TermFrequencies.none(), nationalities);
		PersonIndex.Builder builder = new PersonIndex.Builder(linker);
		List<LinkageRecord> chunk = new ArrayList<>(CHUNK);
		registry.forEachLinkagePerson(person -> {
			chunk.addAll(variants(person));
			if (chunk.size() >= CHUNK) {
				builder.addAll(List.copyOf(chunk));
				chunk.clear();
			}
		});
		builder.addAll(chunk);
		PersonIndex index = builder.build();
		return new Snapshot(version, linker.withFrequencies(index.frequencies()), index);
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
