package id.pantau.registry;

import java.nio.file.Path;
import java.util.Optional;

import id.pantau.platform.NotFoundException;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.registry.domain.CrewLists;
import id.pantau.registry.domain.Person;
import id.pantau.registry.domain.PersonRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of the registry. */
@Service
public class Registry {

	private final PersonRegistry persons;
	private final CrewLists crewLists;

	Registry(PersonRegistry persons, CrewLists crewLists) {
		this.persons = persons;
		this.crewLists = crewLists;
	}

	/** A person as other modules refer to it. */
	public record PersonRef(long id, String primaryName, String nationality, String regionCode) {
	}

	/** Registers a person in the user's scope, with the same validation as the registry's own form. */
	@Transactional
	public PersonRef register(ScopedPrincipal user, PersonForm form) {
		return ref(persons.register(user, form));
	}

	/** The person, if it exists and the user may see it; not audited as a view of the record. */
	@Transactional(readOnly = true)
	public Optional<PersonRef> find(ScopedPrincipal user, long id) {
		try {
			return Optional.of(ref(persons.visible(user, id)));
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	/**
	 * Imports a vessel's crew list (CSV or XLSX) into the crew assignments, all or nothing; the same file twice adds
	 * nothing. See {@link CrewLists}.
	 */
	public CrewListResult importCrewList(ScopedPrincipal user, CrewListUpload upload, Path file) {
		return crewLists.importList(user, upload, file);
	}

	private static PersonRef ref(Person person) {
		return new PersonRef(person.getId(), person.getPrimaryName(), person.getNationality(),
				person.getRegionCode());
	}
}
