package id.pantau.registry;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

import id.pantau.platform.copy.CopyTables;
import id.pantau.platform.copy.CopyText;
import id.pantau.registry.names.DocumentNumbers;
import id.pantau.registry.names.NameNormalizer;
import id.pantau.registry.names.NormalizedName;

/**
 * The registry's way in for generated data sets of millions of persons (benchmarks, load tests): rows go straight
 * into its tables with PostgreSQL COPY, in chunks, on the caller's connection and transaction. The caller gives the
 * ids (from {@link #nextPersonId}); the registry makes its keys as it makes them for a registration (names' search and
 * phonetic keys, documents' number keys). Nothing is checked, audited or announced: trusted generators only.
 * {@link #discarding()} takes the same calls and writes nothing, for a generator that makes a person again.
 */
public final class RegistryBulkLoad {

	private static final RegistryBulkLoad DISCARDING = new RegistryBulkLoad(null);

	private final CopyTables tables;
	private final CopyText persons;
	private final CopyText names;
	private final CopyText documents;
	private final CopyText residences;
	private final CopyText permits;
	private final CopyText links;
	private final CopyText assignments;
	private final CopyText vessels;

	private RegistryBulkLoad(CopyTables tables) {
		boolean writing = tables != null;
		this.tables = tables;
		persons = new CopyText(writing);
		names = new CopyText(writing);
		documents = new CopyText(writing);
		residences = new CopyText(writing);
		permits = new CopyText(writing);
		links = new CopyText(writing);
		assignments = new CopyText(writing);
		vessels = new CopyText(writing);
	}

	/** A load into the tables of the connection of {@code tables}. */
	public static RegistryBulkLoad into(CopyTables tables) {
		return new RegistryBulkLoad(tables);
	}

	/** A load that writes nothing. */
	public static RegistryBulkLoad discarding() {
		return DISCARDING;
	}

	/** The id the next person gets: one after the highest stored. */
	public long nextPersonId() throws SQLException {
		return tables.number("select coalesce(max(id), 0) + 1 from person");
	}

	/** The id the next vessel gets: one after the highest stored. */
	public long nextVesselId() throws SQLException {
		return tables.number("select coalesce(max(id), 0) + 1 from vessel");
	}

	/** How many persons someone other than {@code actors} created: what shows the registry in real use. */
	public long personsNotCreatedBy(Collection<String> actors) throws SQLException {
		return tables.number("select count(*) from person where created_by <> all (?)", actors);
	}

	public void vessel(long id, String name, String flagState, String registration, String imoNumber,
			String ownerAgent, VesselStatus status, Instant created) {
		vessels.row(id, name, flagState, registration, imoNumber, ownerAgent, status.name(), null, created, created, 0);
	}

	public void person(long id, String primaryName, Sex sex, LocalDate birthDate, int birthYear, String nationality,
			String claimedNationality, Category category, PersonStatus status, String regionCode, Long mergedInto,
			Instant created, String actor) {
		persons.row(id, primaryName, sex.name(), birthDate, birthYear, nationality, claimedNationality, category.name(),
				status.name(), regionCode, mergedInto, null, created, actor, created, actor, 1);
	}

	public void name(long personId, String fullName, NameSource source, boolean primary, Instant added) {
		if (tables == null) {
			return;
		}
		NormalizedName normalized = NameNormalizer.normalize(fullName);
		names.row(personId, fullName, source.name(), primary, normalized.sortedKey(), normalized.phoneticKey(), added);
	}

	public void document(long personId, DocumentType type, String number, String issuingState, LocalDate expiry,
			Instant added) {
		documents.row(personId, type.name(), number, tables == null ? null : DocumentNumbers.searchKey(number),
				issuingState, expiry, added);
	}

	public void residence(long personId, String regionCode, String address, LocalDate since, LocalDate until,
			Instant added) {
		residences.row(personId, regionCode, address, since, until, added);
	}

	public void permit(long personId, String permitType, String number, LocalDate from, LocalDate until,
			String sponsor, Instant added) {
		permits.row(personId, permitType, number, from, until, sponsor, added);
	}

	public void link(long personId, IdentityLinkKind kind, String value, String notes, Instant added) {
		links.row(personId, kind.name(), value, notes, added);
	}

	public void vesselService(long personId, long vesselId, String crewRole, LocalDate signedOn, LocalDate signedOff,
			Instant added) {
		assignments.row(personId, vesselId, crewRole, signedOn, signedOff, added);
	}

	/** COPYs the rows so far, each table in foreign-key order, and empties them. */
	public void flush() throws SQLException, IOException {
		if (tables == null) {
			return;
		}
		tables.copy("vessel", "id, name, flag_state, registration, imo_number, owner_agent, status, notes, created_at,"
				+ " updated_at, version", vessels);
		tables.copy("person", "id, primary_name, sex, birth_date, birth_year, nationality, claimed_nationality,"
				+ " category, status, region_code, merged_into, notes, created_at, created_by, updated_at, updated_by,"
				+ " version", persons);
		tables.copy("person_name", "person_id, full_name, source, is_primary, search_key, phonetic_key, added_at",
				names);
		tables.copy("travel_document", "person_id, document_type, number, number_key, issuing_state, expiry_date,"
				+ " added_at", documents);
		tables.copy("residence", "person_id, region_code, address, since, until, added_at", residences);
		tables.copy("stay_permit", "person_id, permit_type, number, valid_from, valid_until, sponsor, added_at",
				permits);
		tables.copy("identity_link", "person_id, kind, value, notes, added_at", links);
		tables.copy("vessel_assignment", "person_id, vessel_id, crew_role, signed_on, signed_off, added_at",
				assignments);
	}

	/**
	 * Flushes, then moves the id sequences past the ids given (COPY overrides GENERATED ALWAYS): the next registration
	 * continues after them.
	 */
	public void finish() throws SQLException, IOException {
		flush();
		tables.execute("select setval(pg_get_serial_sequence('person', 'id'), (select coalesce(max(id), 0) + 1 from"
				+ " person), false)");
		tables.execute("select setval(pg_get_serial_sequence('vessel', 'id'), (select coalesce(max(id), 0) + 1 from"
				+ " vessel), false)");
	}
}
