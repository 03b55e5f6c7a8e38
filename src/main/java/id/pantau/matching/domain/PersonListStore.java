package id.pantau.matching.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import id.pantau.matching.domain.PersonLists.ListSummary;
import id.pantau.matching.domain.PersonLists.RefusedRow;
import id.pantau.registry.BirthDate;
import id.pantau.registry.Sex;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Imported lists of foreigners ({@code person_list}) and their rows ({@code person_list_row}) in the database. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PersonListStore {

	private static final String LIST_COLUMNS = """
			select id, file_name, legal_basis, rows_read, rows_created, rows_linked, rows_review, rows_known,
			  rows_refused, created_at, created_by, finished_at from person_list""";

	private static final String ROW_COLUMNS = """
			select id, list_id, row_number, external_id, full_name, sex, birth_date, birth_year, nationality,
			  document_number, village_code, permit_type, permit_until, outcome, person_id, duplicate_of_row
			from person_list_row""";

	private final JdbcClient jdbc;

	Optional<ListSummary> bySha256(String sha256) {
		return jdbc.sql(LIST_COLUMNS + " where sha256 = :sha").param("sha", sha256).query(PersonListStore::summary)
				.optional();
	}

	Optional<ListSummary> find(long id) {
		return jdbc.sql(LIST_COLUMNS + " where id = :id").param("id", id).query(PersonListStore::summary).optional();
	}

	List<ListSummary> recent(int limit) {
		return jdbc.sql(LIST_COLUMNS + " order by id desc limit :limit").param("limit", limit)
				.query(PersonListStore::summary).list();
	}

	long create(String fileName, String legalBasis, List<String> header, String actor, Instant now) {
		return jdbc.sql("""
				insert into person_list (file_name, legal_basis, header, created_at, created_by)
				values (:file, :basis, :header, :now, :actor) returning id""").param("file", fileName)
				.param("basis", legalBasis).param("header", header.toArray(String[]::new)).param("now", Timestamp.from(now))
				.param("actor", actor).query(Long.class).single();
	}

	/** Records the counts; the hash only now, so that an import that broke off can be run again. */
	void finish(long id, String sha256, ListSummary counts, Instant now) {
		jdbc.sql("""
				update person_list set sha256 = :sha, rows_read = :read, rows_created = :created,
				  rows_linked = :linked, rows_review = :review, rows_known = :known, rows_refused = :refused,
				  finished_at = :now
				where id = :id""").param("sha", sha256).param("read", counts.read())
				.param("created", counts.created()).param("linked", counts.linked()).param("review", counts.review())
				.param("known", counts.known()).param("refused", counts.refused()).param("now", Timestamp.from(now))
				.param("id", id).update();
	}

	long insert(long listId, PersonListRows.Row row, String outcome, Long personId, Integer duplicateOfRow) {
		return jdbc.sql("""
				insert into person_list_row (list_id, row_number, external_id, full_name, sex, birth_date, birth_year,
				  nationality, document_number, village_code, permit_type, permit_until, outcome, person_id,
				  duplicate_of_row)
				values (:list, :row, :external, :name, :sex, :birthDate, :birthYear, :nationality, :document, :village,
				  :permitType, :permitUntil, :outcome, :person, :duplicateOf)
				returning id""").param("list", listId).param("row", row.rowNumber())
				.param("external", row.externalId()).param("name", row.fullName())
				.param("sex", row.sex() == null ? null : row.sex().name()).param("birthDate", row.birth().date())
				.param("birthYear", row.birth().year()).param("nationality", row.nationality())
				.param("document", row.documentNumber()).param("village", row.villageCode())
				.param("permitType", row.permitType()).param("permitUntil", row.permitUntil())
				.param("outcome", outcome).param("person", personId).param("duplicateOf", duplicateOfRow)
				.query(Long.class).single();
	}

	void insertRefused(long listId, PersonListRows.Refusal refusal) {
		jdbc.sql("""
				insert into person_list_row (list_id, row_number, outcome, reason_key, reason_arg, cells)
				values (:list, :row, 'REFUSED', :key, :arg, :cells)""").param("list", listId)
				.param("row", refusal.rowNumber()).param("key", refusal.reasonKey()).param("arg", refusal.argument())
				.param("cells", refusal.cells().toArray(String[]::new)).update();
	}

	void outcome(long rowId, String outcome, Long personId) {
		jdbc.sql("update person_list_row set outcome = :outcome, person_id = :person where id = :id")
				.param("outcome", outcome).param("person", personId).param("id", rowId).update();
	}

	void link(long rowId, Long personId) {
		jdbc.sql("update person_list_row set person_id = :person where id = :id").param("person", personId)
				.param("id", rowId).update();
	}

	Optional<PersonListRow> row(long id) {
		return jdbc.sql(ROW_COLUMNS + " where id = :id").param("id", id).query(PersonListStore::row).optional();
	}

	/** A row of an earlier import that had the same id in the list and was taken (not refused). */
	Optional<PersonListRow> earlier(String externalId) {
		return jdbc.sql(ROW_COLUMNS + " where external_id = :external and outcome <> 'REFUSED' order by id limit 1")
				.param("external", externalId).query(PersonListStore::row).optional();
	}

	List<RefusedRow> refused(long listId) {
		return jdbc.sql("""
				select row_number, reason_key, reason_arg, cells from person_list_row
				where list_id = :list and outcome = 'REFUSED' order by row_number""").param("list", listId)
				.query((rs, n) -> new RefusedRow(rs.getInt("row_number"), rs.getString("reason_key"),
						rs.getString("reason_arg"), strings(rs.getArray("cells"))))
				.list();
	}

	List<String> header(long listId) {
		return jdbc.sql("select header from person_list where id = :id").param("id", listId)
				.query((rs, n) -> strings(rs.getArray("header"))).single();
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static ListSummary summary(ResultSet rs, int n) throws SQLException {
		return new ListSummary(rs.getLong("id"), rs.getString("file_name"), rs.getString("legal_basis"),
				rs.getInt("rows_read"), rs.getInt("rows_created"), rs.getInt("rows_linked"), rs.getInt("rows_review"),
				rs.getInt("rows_known"), rs.getInt("rows_refused"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), rs.getTimestamp("finished_at") != null, false);
	}

	private static PersonListRow row(ResultSet rs, int n) throws SQLException {
		LocalDate date = rs.getObject("birth_date", LocalDate.class);
		Integer year = (Integer) rs.getObject("birth_year");
		String sex = rs.getString("sex");
		return new PersonListRow(rs.getLong("id"), rs.getLong("list_id"), rs.getInt("row_number"),
				rs.getString("external_id"), rs.getString("full_name"), sex == null ? null : Sex.valueOf(sex),
				date != null ? BirthDate.of(date) : year != null ? BirthDate.ofYear(year) : BirthDate.UNKNOWN,
				rs.getString("nationality"), rs.getString("document_number"), rs.getString("village_code"),
				rs.getString("permit_type"), rs.getObject("permit_until", LocalDate.class), rs.getString("outcome"),
				(Long) rs.getObject("person_id"), (Integer) rs.getObject("duplicate_of_row"));
	}
}
