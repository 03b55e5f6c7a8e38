package id.pantau.registry.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import id.pantau.registry.PersonHistory;
import id.pantau.registry.PersonHistory.DocumentAdded;
import id.pantau.registry.PersonHistory.Event;
import id.pantau.registry.PersonHistory.Flagged;
import id.pantau.registry.PersonHistory.IdentityLinked;
import id.pantau.registry.PersonHistory.Moved;
import id.pantau.registry.PersonHistory.NameAdded;
import id.pantau.registry.PersonHistory.PermitAdded;
import id.pantau.registry.PersonHistory.StatusChanged;
import id.pantau.registry.PersonHistory.VesselServed;
import id.pantau.registry.Registry.NewVessel;
import id.pantau.registry.Registry.VesselRef;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers persons and vessels that come whole with what is known of them (see {@link PersonHistory}): each event is
 * applied through the aggregate as the registry's own workflow applies it, all at the same instant, by one actor.
 * Callers are trusted code, never a user's request: nothing here checks roles or scope.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class HistoryRegistration {

	private final Persons persons;
	private final Vessels vessels;
	private final Clock clock;

	public boolean anyPerson() {
		return persons.count() > 0;
	}

	/** @return the persons registered, in the order given */
	@Transactional
	public List<Person> registerPersons(List<PersonHistory> histories, String actor) {
		Instant now = clock.instant();
		return persons.saveAll(histories.stream().map(history -> person(history, actor, now)).toList());
	}

	/** @return the vessels registered, in the order given */
	@Transactional
	public List<VesselRef> registerVessels(List<NewVessel> histories) {
		Instant now = clock.instant();
		return vessels.saveAll(histories.stream().map(v -> Vessel.register(v.name(), v.flagState(), v.registration(),
				v.imoNumber(), v.ownerAgent(), v.status(), v.notes(), now)).toList()).stream()
				.map(v -> new VesselRef(v.getId(), v.getName(), v.getStatus())).toList();
	}

	private static Person person(PersonHistory history, String actor, Instant now) {
		Person person = Person.register(new Person.Identity(history.primaryName(), history.sex(), history.birth(),
				history.nationality(), history.claimedNationality(), history.category(), history.notes()),
				history.nameSource(), actor, now);
		for (Event event : history.events()) {
			apply(person, event, actor, now);
		}
		return person;
	}

	private static void apply(Person person, Event event, String actor, Instant now) {
		if (event instanceof NameAdded e) {
			person.addName(e.fullName(), e.source(), actor, now);
		}
		else if (event instanceof DocumentAdded e) {
			person.addDocument(e.type(), e.number(), e.issuingState(), e.expiry(), actor, now);
		}
		else if (event instanceof PermitAdded e) {
			person.addPermit(e.permitType(), e.number(), e.from(), e.until(), e.sponsor(), actor, now);
		}
		else if (event instanceof IdentityLinked e) {
			person.linkIdentity(e.kind(), e.value(), e.notes(), actor, now);
		}
		else if (event instanceof VesselServed e) {
			person.assignToVessel(e.vesselId(), e.role(), e.signedOn(), e.signedOff(), actor, now);
		}
		else if (event instanceof Flagged e) {
			person.flag(e.flag(), e.since(), e.notes(), actor, now);
		}
		else if (event instanceof Moved e) {
			person.moveTo(e.regionCode(), e.address(), e.since(), actor, now);
		}
		else if (event instanceof StatusChanged e) {
			person.changeStatus(e.status(), e.reason(), actor, now);
		}
	}
}
