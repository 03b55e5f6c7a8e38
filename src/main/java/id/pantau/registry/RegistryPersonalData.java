package id.pantau.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import id.pantau.platform.SubjectRows;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the registry holds on a person, for the duties of UU 27/2022 that the privacy module carries out: the
 * data-subject export and the anonymisation of a person past the retention period. Both run in the caller's
 * transaction; the caller checks the request (role, scope, reason) and audits it.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RegistryPersonalData {

	private static final SubjectRows PARTS = SubjectRows.of(
			"person", "select * from person where id = :person",
			"person_name", "select * from person_name where person_id = :person",
			"travel_document", "select * from travel_document where person_id = :person",
			"stay_permit", "select * from stay_permit where person_id = :person",
			"residence", "select * from residence where person_id = :person",
			"vessel_assignment", "select * from vessel_assignment where person_id = :person",
			"identity_link", "select * from identity_link where person_id = :person",
			"humanitarian_flag", "select * from humanitarian_flag where person_id = :person",
			"person_status_change", "select * from person_status_change where person_id = :person",
			"merged_records", "select * from person where merged_into = :person");

	private final JdbcClient jdbc;

	/** The person's row, every row that refers to it and the records merged into it: each part as a JSON array. */
	@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
	public Map<String, String> export(long personId) {
		return PARTS.rowsOf(jdbc, personId);
	}

	/**
	 * Erases the person's names, documents, permits, residences, crew service, NIK links, humanitarian flags and the
	 * reasons of its status changes; the person row keeps only what statistics need (sex, nationality, category,
	 * status, region) under the name {@code marker}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void anonymise(long personId, String marker, Instant now) {
		jdbc.sql("""
				with names as (delete from person_name where person_id = :id),
				  documents as (delete from travel_document where person_id = :id),
				  permits as (delete from stay_permit where person_id = :id),
				  residences as (delete from residence where person_id = :id),
				  crew as (delete from vessel_assignment where person_id = :id),
				  links as (delete from identity_link where person_id = :id),
				  flags as (delete from humanitarian_flag where person_id = :id)
				update person_status_change set reason = null where person_id = :id""").param("id", personId).update();
		jdbc.sql("""
				update person set primary_name = :anonymised, birth_date = null, birth_year = null,
				  claimed_nationality = null, notes = null, external_ref = null, updated_at = :now, updated_by = 'system',
				  version = version + 1
				where id = :id""").param("anonymised", marker).param("now", Timestamp.from(now))
				.param("id", personId).update();
	}
}
