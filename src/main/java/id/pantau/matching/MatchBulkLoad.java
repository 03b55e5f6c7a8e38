package id.pantau.matching;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;

import id.pantau.platform.copy.CopyTables;
import id.pantau.platform.copy.CopyText;

/**
 * Matching's way in for generated data sets (benchmarks, load tests): linkage cases and their candidates straight
 * into {@code match_case} and {@code match_candidate} with PostgreSQL COPY, in chunks, on the caller's connection and
 * transaction. The caller gives the ids (from {@link #nextCaseId}). Nothing is checked, audited or announced: trusted
 * generators only.
 */
public final class MatchBulkLoad {

	/** A case as the linker leaves it, undecided by a person: {@code recordKind} CROSSING or REPORT. */
	public record Case(long id, String recordKind, long recordId, String regionCode, String recordName,
			String proposal, boolean namesakes, String state, long personId, double score, Instant matchedAt) {
	}

	/** A candidate person of a case in review. */
	public record Candidate(long caseId, long personId, int rank, double probability, double matchWeight,
			int pattern, String explanation) {
	}

	private final CopyTables tables;
	private final CopyText cases = new CopyText();
	private final CopyText candidates = new CopyText();

	private MatchBulkLoad(CopyTables tables) {
		this.tables = tables;
	}

	/** A load into the tables of the connection of {@code tables}. */
	public static MatchBulkLoad into(CopyTables tables) {
		return new MatchBulkLoad(tables);
	}

	/** The id the next case gets: one after the highest stored. */
	public long nextCaseId() throws SQLException {
		return tables.number("select coalesce(max(id), 0) + 1 from match_case");
	}

	public void matchCase(Case c) {
		cases.row(c.id(), c.recordKind(), c.recordId(), c.regionCode(), c.recordName(), c.proposal(), c.namesakes(),
				c.state(), c.personId(), c.score(), c.matchedAt(), null, null, null, 0);
	}

	public void candidate(Candidate c) {
		candidates.row(c.caseId(), c.personId(), c.rank(), c.probability(), c.matchWeight(), c.pattern(),
				c.explanation());
	}

	/** COPYs the cases and candidates so far, in foreign-key order, and empties them. */
	public void flush() throws SQLException, IOException {
		tables.copy("match_case", "id, record_kind, record_id, region_code, record_name, proposal, namesakes, state,"
				+ " person_id, score, matched_at, decided_by, decided_at, reason, version", cases);
		tables.copy("match_candidate", "case_id, person_id, rank, probability, match_weight, pattern, explanation",
				candidates);
	}

	/** After the last flush, moves the case id sequence past the ids given (COPY overrides GENERATED ALWAYS). */
	public void finish() throws SQLException {
		tables.execute("select setval(pg_get_serial_sequence('match_case', 'id'), (select coalesce(max(id), 0)"
				+ " + 1 from match_case), false)");
	}
}
