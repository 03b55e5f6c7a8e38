package id.pantau.registry;

import java.util.Optional;

import id.pantau.platform.NotFoundException;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.registry.domain.Person;
import id.pantau.registry.domain.PersonRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of the registry. */
@Service
public class Registry {

	private final PersonRegistry persons;

	Registry(PersonRegistry persons) {
		this.persons = persons;
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

	private static PersonRef ref(Person person) {
		return new PersonRef(person.getId(), person.getPrimaryName(), person.getNationality(),
				person.getRegionCode());
	}
}
