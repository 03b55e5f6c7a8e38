package id.pantau.identity;

import java.util.List;
import java.util.Set;

/** The active officers who may be given work in a place: for assigning an alert to a person who exists. */
public interface Officers {

	record Officer(String username, String fullName, Role role, Agency agency) {
	}

	/** Active users of those roles whose scope covers {@code regionCode} ({@code null}: the whole deployment), by name. */
	List<Officer> covering(String regionCode, Set<Role> roles);
}
