package id.pantau.matching.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.pantau.matching.domain.MatchCase.Candidate;
import id.pantau.matching.domain.MatchCase.FieldScore;
import id.pantau.matching.domain.MatchCase.Kind;
import id.pantau.matching.domain.MatchCase.State;
import id.pantau.matching.linkage.Decision;
import id.pantau.platform.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Match cases and their candidates in the database. */
@Component
class MatchCases {

	private static final String CASE_COLUMNS = """
			select id, record_kind, record_id, region_code, record_name, proposal, namesakes, state, person_id, score,
			  matched_at, decided_by, decided_at, reason, version from match_case""";

	private final JdbcClient jdbc;

	MatchCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<MatchCase> find(long id) {
		return jdbc.sql(CASE_COLUMNS + " where id = :id").param("id", id).query(MatchCases::matchCase).optional();
	}

	Optional<MatchCase> find(Kind kind, long recordId) {
		return jdbc.sql(CASE_COLUMNS + " where record_kind = :kind and record_id = :record").param("kind", kind.name())
				.param("record", recordId).query(MatchCases::matchCase).optional();
	}

	/**
	 * Writes the linker's proposal for a record, with its candidates, replacing an earlier proposal that no one has
	 * decided on yet.
	 *
	 * @return the case, or empty when people already decided on the record
	 */
	Optional<Long> propose(Kind kind, long recordId, String regionCode, String recordName, Decision proposal,
			boolean namesakes, State state, Long personId, Double score, List<Candidate> candidates, Instant now) {
		Optional<Long> id = jdbc.sql("""
				insert into match_case (record_kind, record_id, region_code, record_name, proposal, namesakes, state,
				  person_id, score, matched_at, version)
				values (:kind, :record, :region, :name, :proposal, :namesakes, :state, :person, :score, :now, 0)
				on conflict (record_kind, record_id) do update set region_code = excluded.region_code,
				  record_name = excluded.record_name, proposal = excluded.proposal, namesakes = excluded.namesakes,
				  state = excluded.state, person_id = excluded.person_id, score = excluded.score,
				  matched_at = excluded.matched_at, version = match_case.version + 1
				where match_case.state in ('PENDING', 'LINKED')
				returning id""").param("kind", kind.name()).param("record", recordId).param("region", regionCode)
				.param("name", recordName).param("proposal", proposal.name()).param("namesakes", namesakes)
				.param("state", state.name()).param("person", personId).param("score", score)
				.param("now", Timestamp.from(now)).query(Long.class).optional();
		id.ifPresent(caseId -> {
			jdbc.sql("delete from match_candidate where case_id = :id").param("id", caseId).update();
			for (Candidate candidate : candidates) {
				jdbc.sql("""
						insert into match_candidate (case_id, person_id, rank, probability, match_weight, pattern,
						  explanation)
						values (:case, :person, :rank, :probability, :weight, :pattern, :explanation)""")
						.param("case", caseId).param("person", candidate.personId()).param("rank", candidate.rank())
						.param("probability", candidate.probability()).param("weight", candidate.matchWeight())
						.param("pattern", candidate.pattern()).param("explanation", encode(candidate.fields()))
						.update();
			}
		});
		return id;
	}

	List<Candidate> candidates(long caseId) {
		return jdbc.sql("""
				select person_id, rank, probability, match_weight, pattern, explanation from match_candidate
				where case_id = :id order by rank""").param("id", caseId)
				.query((rs, n) -> new Candidate(rs.getLong("person_id"), rs.getInt("rank"),
						rs.getDouble("probability"), rs.getDouble("match_weight"), rs.getInt("pattern"),
						decode(rs.getString("explanation"))))
				.list();
	}

	/**
	 * Records a decision if the case is still at {@code version}.
	 *
	 * @return false when someone else decided meanwhile
	 */
	boolean decide(long id, int version, State state, Long personId, String actor, String reason, Instant now) {
		return jdbc.sql("""
				update match_case set state = :state, person_id = :person, decided_by = :actor, decided_at = :now,
				  reason = :reason, version = version + 1
				where id = :id and version = :version""").param("state", state.name()).param("person", personId)
				.param("actor", actor).param("now", Timestamp.from(now)).param("reason", reason).param("id", id)
				.param("version", version).update() == 1;
	}

	/** A page of cases in one of {@code states} (and with {@code proposal}, if given) that the scope covers. */
	List<MatchCase> queue(Scope scope, List<State> states, Decision proposal, Kind kind, int limit, int offset) {
		String where = " where (" + visibility(scope) + ") and state in (:states)"
				+ (proposal == null ? "" : " and proposal = :proposal")
				+ (kind == null ? "" : " and record_kind = '" + kind.name() + "'");
		var spec = jdbc.sql(CASE_COLUMNS + where
				+ " order by coalesce(decided_at, matched_at) desc, id desc limit :limit offset :offset")
				.params(scope.sqlParameters()).param("states", states.stream().map(State::name).toList())
				.param("limit", limit).param("offset", offset);
		if (proposal != null) {
			spec = spec.param("proposal", proposal.name());
		}
		return spec.query(MatchCases::matchCase).list();
	}

	/** How many cases wait in each queue the scope covers: pending review, pending new person, linked. */
	Counts counts(Scope scope) {
		return jdbc.sql("""
				select count(*) filter (where state = 'PENDING' and proposal <> 'NONE') as review,
				  count(*) filter (where state = 'PENDING' and proposal = 'NONE' and record_kind = 'REPORT') as unmatched,
				  count(*) filter (where state = 'LINKED') as linked,
				  count(*) filter (where state in ('CONFIRMED', 'REJECTED', 'NEW_PERSON')) as decided
				from match_case where\s""" + visibility(scope)).params(scope.sqlParameters())
				.query((rs, n) -> new Counts(rs.getLong("review"), rs.getLong("unmatched"), rs.getLong("linked"),
						rs.getLong("decided")))
				.single();
	}

	record Counts(long review, long unmatched, long linked, long decided) {
	}

	/** Reports by their village; crossings and list rows only for a scope that covers records with no region. */
	private static String visibility(Scope scope) {
		String reports = "record_kind = 'REPORT' and " + scope.sqlCondition("region_code");
		return scope.coversUnplaced() ? "record_kind <> 'REPORT' or (" + reports + ")" : reports;
	}

	boolean batchMatched(long batchId) {
		return jdbc.sql("select exists (select 1 from match_batch where batch_id = :batch)").param("batch", batchId)
				.query(Boolean.class).single();
	}

	void markBatch(long batchId, int records, Instant now) {
		jdbc.sql("insert into match_batch (batch_id, matched_at, records) values (:batch, :now, :records)"
				+ " on conflict do nothing").param("batch", batchId).param("now", Timestamp.from(now))
				.param("records", records).update();
	}

	/** Pair patterns for estimation: candidates of decided cases, labelled, and of undecided ones, not. */
	List<int[]> labelledPatterns() {
		return jdbc.sql("""
				select k.pattern,
				  case when c.state = 'CONFIRMED' and c.person_id = k.person_id then 1
				       when c.state in ('CONFIRMED', 'REJECTED', 'NEW_PERSON') then 0
				       else -1 end as label
				from match_candidate k join match_case c on c.id = k.case_id""")
				.query((rs, n) -> new int[] { rs.getInt("pattern"), rs.getInt("label") }).list();
	}

	/** How many records were matched (each case is one record), for the number of all record-person pairs. */
	long caseCount() {
		return jdbc.sql("select count(*) from match_case").query(Long.class).single();
	}

	long decisionsSince(Instant since) {
		return jdbc.sql("select count(*) from match_case where decided_at > :since")
				.param("since", Timestamp.from(since)).query(Long.class).single();
	}

	private static MatchCase matchCase(ResultSet rs, int row) throws SQLException {
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		return new MatchCase(rs.getLong("id"), Kind.valueOf(rs.getString("record_kind")), rs.getLong("record_id"),
				rs.getString("region_code"), rs.getString("record_name"), Decision.valueOf(rs.getString("proposal")),
				rs.getBoolean("namesakes"), State.valueOf(rs.getString("state")), (Long) rs.getObject("person_id"),
				(Double) rs.getObject("score"), rs.getTimestamp("matched_at").toInstant(), rs.getString("decided_by"),
				decidedAt == null ? null : decidedAt.toInstant(), rs.getString("reason"), rs.getInt("version"));
	}

	/** One line per field, tab-separated; values are folded text and carry no tab or line break. */
	static String encode(List<FieldScore> fields) {
		StringBuilder text = new StringBuilder();
		for (FieldScore field : fields) {
			text.append(field.field()).append('\t').append(field.level()).append('\t').append(field.weight())
					.append('\t').append(field.frequencyAdjustment()).append('\t').append(clean(field.recordValue()))
					.append('\t').append(clean(field.personValue())).append('\n');
		}
		return text.toString();
	}

	static List<FieldScore> decode(String text) {
		List<FieldScore> fields = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("\t", -1);
			fields.add(new FieldScore(parts[0], parts[1], Double.parseDouble(parts[2]), Double.parseDouble(parts[3]),
					parts[4], parts[5]));
		}
		return fields;
	}

	private static String clean(String value) {
		return value == null ? "" : value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
	}
}
