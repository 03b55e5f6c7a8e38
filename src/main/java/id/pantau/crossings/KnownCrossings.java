package id.pantau.crossings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import id.pantau.registry.names.DocumentNumbers;
import id.pantau.registry.names.NameNormalizer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores crossings that come whole from elsewhere (a prepared data set) as one batch, for trusted callers only: the
 * values are taken as they are (no mapping, no refusal) and the batch is not announced; matching finds it as it finds
 * any batch it has not seen. A crossing whose natural key (document, nationality, direction, time, port) is stored
 * already is skipped.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class KnownCrossings {

	/**
	 * A crossing as recorded.
	 *
	 * @param personId the registry person it is already linked to, or null
	 */
	public record Crossing(Direction direction, Instant crossedAt, String portCode, String documentNumber,
			String nationality, String fullName, LocalDate birthDate, Integer birthYear, String sex, String permitType,
			LocalDate stayUntil, String transport, Long personId) {
	}

	/** Where a batch came from and on what basis it is kept. */
	public record Source(String fileName, String legalBasis, String origin, String actor) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	/** Whether any batch (of crossings or of crew lists) is stored. */
	@Transactional(readOnly = true)
	public boolean anyBatch() {
		return jdbc.sql("select count(*) from import_batch").query(Long.class).single() > 0;
	}

	/** @return how many of the crossings were added */
	@Transactional
	public int recordBatch(Source source, List<Crossing> crossings) {
		Timestamp now = Timestamp.from(clock.instant());
		long batch = jdbc.sql("""
				insert into import_batch (kind, file_name, sha256, legal_basis, origin, header, rows_read, rows_added,
				  rows_known, rows_refused, created_at, created_by)
				values ('CROSSINGS', :file, null, :basis, :origin, null, 0, 0, 0, 0, :now, :actor) returning id""")
				.param("file", source.fileName()).param("basis", source.legalBasis()).param("origin", source.origin())
				.param("now", now).param("actor", source.actor()).query(Long.class).single();
		int added = 0;
		for (Crossing c : crossings) {
			added += jdbc.sql("""
					insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
					  full_name, name_key, birth_date, birth_year, sex, permit_type, stay_until, transport, batch_id,
					  person_id, created_at)
					values (:direction, :at, :port, :document, :documentKey, :nationality, :name, :nameKey, :birthDate,
					  :birthYear, :sex, :permit, :stayUntil, :transport, :batch, :person, :now)
					on conflict do nothing""").param("direction", c.direction().name())
					.param("at", Timestamp.from(c.crossedAt())).param("port", c.portCode())
					.param("document", c.documentNumber()).param("documentKey", DocumentNumbers.searchKey(c.documentNumber()))
					.param("nationality", c.nationality()).param("name", c.fullName())
					.param("nameKey", NameNormalizer.normalize(c.fullName()).sortedKey()).param("birthDate", c.birthDate())
					.param("birthYear", c.birthYear()).param("sex", c.sex()).param("permit", c.permitType())
					.param("stayUntil", c.stayUntil()).param("transport", c.transport()).param("batch", batch)
					.param("person", c.personId()).param("now", now).update();
		}
		jdbc.sql("update import_batch set rows_read = :n, rows_added = :n where id = :batch").param("n", added)
				.param("batch", batch).update();
		return added;
	}
}
