package id.pantau.registry.web;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import id.pantau.reference.Country;
import id.pantau.reference.PermitType;
import id.pantau.reference.ReferenceData;
import id.pantau.registry.PersonForm;
import id.pantau.registry.domain.Person;
import id.pantau.registry.domain.Vessel;
import id.pantau.registry.domain.VesselRegistry;

/** What a person's page needs besides the record: the names of the codes it holds. */
record PersonView(Map<String, String> countries, Map<String, String> regions, Map<String, String> permitTypes,
		Map<Long, Vessel> vessels) {

	static PersonView of(Person person, ReferenceData reference, VesselRegistry vesselRegistry) {
		Map<String, String> countries = reference.countries().stream()
				.collect(Collectors.toMap(Country::alpha3, Country::nameId, (a, b) -> a));
		Map<String, String> regions = new HashMap<>();
		person.getResidences().forEach(r -> reference.lineage(r.regionCode())
				.forEach(region -> regions.put(region.code(), region.name())));
		Map<String, String> permits = reference.permitTypes().stream()
				.collect(Collectors.toMap(PermitType::code, PermitType::nameId));
		Map<Long, Vessel> vessels = new HashMap<>();
		person.getVesselAssignments()
				.forEach(a -> vesselRegistry.find(a.vesselId()).ifPresent(v -> vessels.put(v.getId(), v)));
		return new PersonView(countries, regions, permits, vessels);
	}


	public String country(String alpha3) {
		return alpha3 == null ? null : countries.getOrDefault(alpha3, alpha3) + " (" + alpha3 + ")";
	}

	public String region(String code) {
		return code == null ? null : regions.getOrDefault(code, code);
	}

	static PersonForm formOf(Person person) {
		return new PersonForm(person.getPrimaryName(), null, person.getSex() == null ? "" : person.getSex().name(),
				person.getBirth().text(), nz(person.getNationality()), nz(person.getClaimedNationality()),
				person.getCategory().name(), nz(person.getNotes()), null, null, null, null, null, null, null, null,
				null, null);
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

}
