package id.pantau.registry;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import id.pantau.platform.ScopedPrincipal;
import id.pantau.registry.domain.CrewLists;
import id.pantau.registry.domain.HistoryRegistration;
import id.pantau.registry.domain.Person;
import id.pantau.registry.domain.PersonRegistry;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of the registry. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Registry {

	private static final String LINKAGE_PERSONS = """
			select p.id, p.primary_name, p.sex, p.birth_date, p.birth_year, p.nationality, p.region_code, p.status,
			  array(select n.full_name from person_name n where n.person_id = p.id order by not n.is_primary, n.added_at)
			    as names,
			  array(select d.number from travel_document d where d.person_id = p.id order by d.added_at) as documents
			from person p where p.status <> 'MERGED'""";

	private final PersonRegistry persons;
	private final CrewLists crewLists;
	private final HistoryRegistration histories;
	private final JdbcClient jdbc;

	/**
	 * A person as record linkage compares it: every name and document number it goes by.
	 *
	 * @param names the primary name first, then the aliases
	 */
	public record LinkagePerson(long id, String primaryName, List<String> names, String sex, BirthDate birthDate,
			String nationality, List<String> documentNumbers, String regionCode, PersonStatus status) {
	}

	/** Every person but merged ones, for a linkage run; streamed, so a large registry is never held as rows. */
	@Transactional(readOnly = true)
	public void forEachLinkagePerson(Consumer<LinkagePerson> consumer) {
		jdbc.sql(LINKAGE_PERSONS).query(rs -> {
			consumer.accept(linkagePerson(rs));
		});
	}

	@Transactional(readOnly = true)
	public List<LinkagePerson> linkagePersons(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(LINKAGE_PERSONS + " and p.id in (:ids)").param("ids", ids)
				.query((rs, n) -> linkagePerson(rs)).list();
	}

	/**
	 * Changes whenever a person is added, changed or merged, on any instance: a linkage index built at one version is
	 * still right while the version stays the same. Every change of a person raises its row's version by one, so the
	 * sum of the versions grows with every committed change, whichever instance made it and whatever its clock says
	 * (the latest {@code updated_at} alone would miss a change committed after a later one, or written by an instance
	 * whose clock is behind).
	 */
	@Transactional(readOnly = true)
	public String linkageVersion() {
		return jdbc.sql("select count(*) || '/' || coalesce(max(id), 0) || '/' || coalesce(sum(version), 0) || '/'"
				+ " || coalesce(max(updated_at)::text, '-') from person").query(String.class).single();
	}

	private static LinkagePerson linkagePerson(ResultSet rs) throws SQLException {
		LocalDate date = rs.getObject("birth_date", LocalDate.class);
		Integer year = (Integer) rs.getObject("birth_year");
		BirthDate birth = date != null ? BirthDate.of(date) : year != null ? BirthDate.ofYear(year) : BirthDate.UNKNOWN;
		return new LinkagePerson(rs.getLong("id"), rs.getString("primary_name"), strings(rs.getArray("names")),
				rs.getString("sex"), birth, rs.getString("nationality"), strings(rs.getArray("documents")),
				rs.getString("region_code"), PersonStatus.valueOf(rs.getString("status")));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	/** A person as other modules refer to it. */
	public record PersonRef(long id, String primaryName, String nationality, String regionCode) {
	}

	/** Registers a person in the user's scope, with the same validation as the registry's own form. */
	@Transactional
	public PersonRef register(ScopedPrincipal user, PersonForm form) {
		return ref(persons.register(user, form));
	}

	/** Whether the registry holds any person at all. */
	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return !histories.anyPerson();
	}

	/**
	 * Registers persons that come whole with their history (a prepared data set), as {@code actor}, without
	 * announcing them: trusted callers only, no role or scope is checked.
	 *
	 * @return the persons registered, in the order given
	 */
	@Transactional
	public List<PersonRef> registerHistories(List<PersonHistory> people, String actor) {
		return histories.registerPersons(people, actor).stream().map(Registry::ref).toList();
	}

	/** A vessel as it is known: its registration and what became of it. */
	public record NewVessel(String name, String flagState, String registration, String imoNumber, String ownerAgent,
			VesselStatus status, String notes) {
	}

	/** A vessel as registered: its id, and its name as the registry writes it. */
	public record VesselRef(long id, String name, VesselStatus status) {
	}

	/**
	 * Registers vessels that come whole from elsewhere (a prepared data set), unaudited: trusted callers only.
	 *
	 * @return the vessels registered, in the order given
	 */
	@Transactional
	public List<VesselRef> registerVessels(List<NewVessel> vessels) {
		return histories.registerVessels(vessels);
	}

	/**
	 * The names, nationalities and villages of persons that a list the user may see mentions (alerts, agendas); not
	 * audited as views of the records, and unknown ids are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, PersonRef> refs(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, PersonRef> refs = new HashMap<>();
		jdbc.sql("select id, primary_name, nationality, region_code from person where id in (:ids)")
				.param("ids", Set.copyOf(ids)).query((rs, n) -> refs.put(rs.getLong("id"), new PersonRef(rs.getLong("id"),
						rs.getString("primary_name"), rs.getString("nationality"), rs.getString("region_code"))))
				.list();
		return refs;
	}

	/** Registers the person a village report tells of, keeping everything the village wrote (see PersonRegistry). */
	@Transactional
	public PersonRef registerFromReport(ScopedPrincipal user, ReportedPerson reported, String category) {
		return ref(persons.registerFromReport(user, reported, category));
	}

	/** Adds to a known person what a village report tells that the registry did not know; changes nothing known. */
	@Transactional
	public PersonRef addFromReport(ScopedPrincipal user, long personId, ReportedPerson reported) {
		return ref(persons.addFromReport(user, personId, reported));
	}

	/**
	 * Registers the person a row of an imported list gives (see PersonRegistry#registerFromList).
	 *
	 * @param villageCode the village a reviewer chose, or null for the list's own
	 */
	@Transactional
	public PersonRef registerFromList(ScopedPrincipal user, ListedPerson listed, String category, String villageCode) {
		return ref(persons.registerFromList(user, listed, category, villageCode));
	}

	/** Adds to a known person what a row of an imported list tells that the registry did not know; changes nothing known. */
	@Transactional
	public PersonRef addFromList(ScopedPrincipal user, long personId, ListedPerson listed) {
		return ref(persons.addFromList(user, personId, listed));
	}

	/** Takes back what a row of an imported list brought to a person whose link to the row was undone. */
	@Transactional
	public void withdrawFromList(ScopedPrincipal user, long personId, String sourceRef, String externalId) {
		persons.withdrawFromList(user, personId, sourceRef, externalId);
	}

	/** The person, if it exists and the user may see it; not audited as a view of the record. */
	@Transactional(readOnly = true)
	public Optional<PersonRef> find(ScopedPrincipal user, long id) {
		return persons.seen(user, id).map(Registry::ref);
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
