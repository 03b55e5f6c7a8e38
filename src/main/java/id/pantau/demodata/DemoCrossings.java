package id.pantau.demodata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import id.pantau.crossings.Direction;
import id.pantau.crossings.KnownCrossings;
import id.pantau.crossings.KnownCrossings.Crossing;
import id.pantau.demodata.DemoRegistry.DetectionCase;
import id.pantau.demodata.DemoRegistry.Loaded;
import id.pantau.demodata.DemoRegistry.Registered;
import id.pantau.platform.DisplayTime;
import id.pantau.registry.Category;
import id.pantau.registry.DocumentType;
import id.pantau.registry.PersonHistory;
import id.pantau.registry.PersonHistory.DocumentAdded;
import id.pantau.registry.PersonHistory.PermitAdded;
import id.pantau.registry.PersonStatus;
import id.pantau.registry.names.DocumentNumbers;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A demo batch of crossing records as Immigration would send them: arrivals of the demo foreigners who hold a passport
 * and a permit, departures of some, and a few strangers the registry does not know. Not linked to persons (linking is
 * matching's work), except the registry's clear cases for the detection rules: they come with their crossings already
 * linked, as matching would have linked them, so that a first run finds every case even before matching has caught
 * up; one of them left the country and was seen in a village afterwards.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DemoCrossings {

	private static final Logger log = LoggerFactory.getLogger(DemoCrossings.class);
	private static final KnownCrossings.Source SOURCE = new KnownCrossings.Source("demo-perlintasan.csv",
			"Data demo (bukan data sebenarnya)", "Demo Pantau", DemoRegistry.ACTOR);
	/** The categories whose members arrived on a passport with a permit, by air or by sea. */
	private static final Set<Category> ARRIVING = Set.of(Category.TOURIST, Category.WORKER, Category.RESEARCHER,
			Category.FAMILY_OF_CITIZEN, Category.STUDENT, Category.OTHER);
	private static final String[][] STRANGERS = { { "HTET AUNG KYAW", "MMR" }, { "PRASERT WONGSA", "THA" },
			{ "LE VAN NAM", "VNM" }, { "MICHAEL BROWN", "AUS" }, { "CHEN JIE", "CHN" } };

	private final KnownCrossings crossings;
	private final Clock clock;

	/** Records the demo's batch about the demo registry's persons, unless a batch is already stored. */
	void load(Loaded registry) {
		if (crossings.anyBatch()) {
			return;
		}
		List<Crossing> entries = entries(registry.persons());
		List<Crossing> batch = new ArrayList<>(entries);
		batch.addAll(departures(registry.persons(), entries));
		batch.addAll(strangers(clock.instant()));
		Registered backAgain = registry.cases().get(DetectionCase.BACK_AFTER_DEPARTURE);
		if (backAgain != null) {
			batch.addAll(leftBeforeSeenAgain(backAgain.history(), entries));
		}
		List<Registered> cases = List.copyOf(registry.cases().values());
		int total = crossings.recordBatch(SOURCE, batch.stream().map(c -> linkedToCase(c, cases)).toList());
		log.info("{} perlintasan demo dibuat", total);
	}

	/** An arrival for each passport and permit of those who came on a passport with a permit. */
	private static List<Crossing> entries(List<Registered> persons) {
		List<Crossing> entries = new ArrayList<>();
		for (Registered registered : persons) {
			PersonHistory p = registered.history();
			if (!ARRIVING.contains(p.category())) {
				continue;
			}
			for (DocumentAdded d : p.events(DocumentAdded.class)) {
				if (d.type() != DocumentType.PASSPORT) {
					continue;
				}
				for (PermitAdded s : p.events(PermitAdded.class)) {
					if (s.from() == null) {
						continue;
					}
					boolean flew = p.category() == Category.TOURIST || p.category() == Category.RESEARCHER;
					entries.add(new Crossing(Direction.ENTRY, at(s.from(), LocalTime.of(10, 0)),
							flew ? "AMBON-UDARA" : "TUAL-LAUT", DocumentNumbers.normalize(d.number()), p.nationality(),
							p.primaryName(), p.birth().date(), p.birth().year(), p.sex().name(), s.permitType(),
							s.until(), null, null));
				}
			}
		}
		return entries;
	}

	/** Twenty days after arriving, those who have departed (and their namesakes) left through Ambon. */
	private static List<Crossing> departures(List<Registered> persons, List<Crossing> entries) {
		Set<String> departed = persons.stream().map(Registered::history)
				.filter(p -> p.status() == PersonStatus.DEPARTED).map(PersonHistory::primaryName)
				.collect(Collectors.toSet());
		return entries.stream().filter(c -> departed.contains(c.fullName()))
				.map(c -> exit(c, c.crossedAt().plus(Duration.ofDays(20)), null)).toList();
	}

	/** The case seen in a village after leaving: a departure five days before the permit ended. */
	private static List<Crossing> leftBeforeSeenAgain(PersonHistory person, List<Crossing> entries) {
		List<Crossing> exits = new ArrayList<>();
		for (Crossing entry : entries) {
			if (!entry.fullName().equals(person.primaryName())) {
				continue;
			}
			for (PermitAdded s : person.events(PermitAdded.class)) {
				exits.add(exit(entry, at(s.until().minusDays(5), LocalTime.of(15, 0)), "GA 647"));
			}
		}
		return exits;
	}

	private static Crossing exit(Crossing entry, Instant at, String transport) {
		return new Crossing(Direction.EXIT, at, "AMBON-UDARA", entry.documentNumber(), entry.nationality(),
				entry.fullName(), entry.birthDate(), entry.birthYear(), entry.sex(), null, null, transport, null);
	}

	/** A few arrivals by sea of people the registry does not know. */
	private static List<Crossing> strangers(Instant now) {
		Random random = new Random(2028);
		List<Crossing> strangers = new ArrayList<>();
		for (String[] stranger : STRANGERS) {
			String document = "Z" + (1000000 + random.nextInt(8999999));
			Instant at = now.atZone(ZoneOffset.UTC).minusDays(10 + random.nextInt(80)).toInstant();
			// the permit's last day as the database's session zone (the JVM's) saw it
			LocalDate until = LocalDate.ofInstant(at.plus(Duration.ofDays(30)), ZoneId.systemDefault());
			strangers.add(new Crossing(Direction.ENTRY, at, "TUAL-LAUT", document, stranger[1], stranger[0], null, null,
					"M", "VOA", until, "KM Sirimau", null));
		}
		return strangers;
	}

	/** The crossing linked to the clear case it is of (same document, nationality and name), if any. */
	private static Crossing linkedToCase(Crossing c, List<Registered> cases) {
		String key = DocumentNumbers.searchKey(c.documentNumber());
		for (Registered registered : cases) {
			PersonHistory p = registered.history();
			boolean same = c.fullName().equals(p.primaryName()) && c.nationality() != null
					&& c.nationality().equals(p.nationality()) && p.events(DocumentAdded.class).stream()
							.anyMatch(d -> DocumentNumbers.searchKey(d.number()).equals(key));
			if (same) {
				return new Crossing(c.direction(), c.crossedAt(), c.portCode(), c.documentNumber(), c.nationality(),
						c.fullName(), c.birthDate(), c.birthYear(), c.sex(), c.permitType(), c.stayUntil(),
						c.transport(), registered.id());
			}
		}
		return c;
	}

	private static Instant at(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(DisplayTime.ZONE).toInstant();
	}
}
