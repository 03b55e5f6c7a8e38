package id.pantau.matching.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.pantau.matching.domain.MatchCase.Candidate;
import id.pantau.matching.domain.MatchCase.FieldScore;
import id.pantau.matching.domain.MatchCase.Kind;
import id.pantau.matching.domain.MatchCase.State;
import id.pantau.matching.linkage.Decision;
import id.pantau.matching.linkage.PatternCounts;
import id.pantau.platform.Scope;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Match cases and their candidates in the database. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MatchCases {

	private static final String CASE_COLUMNS = """
			select id, record_kind, record_id, region_code, record_name, proposal, namesakes, state, person_id, score,
			  matched_at, decided_by, decided_at, reason, version from match_case""";

	private final JdbcClient jdbc;

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

	/**
	 * The record behind a case, read with the queue from its owners' tables (the queue only reads them): a crossing's
	 * fields, or a village report's as the village wrote them. {@code age} is the age in whole years on the day of the
	 * query: from a crossing's birth date or year, or from a report's birth date, year, or age at the time of the
	 * report, read as {@link RecordVariants#birth} reads them (an unreadable text is an unknown age).
	 */
	private static final String RECORD_JOINS = """
			 left join crossing_read c on m.record_kind = 'CROSSING' and c.id = m.record_id
			 left join village_report_read r on m.record_kind = 'REPORT' and r.id = m.record_id
			 left join lateral (
			   select coalesce(iso[1], ind[3], yr[1])::int as y, coalesce(iso[2], ind[2])::int as mo,
			     coalesce(iso[3], ind[1])::int as d, ag[1]::int as years,
			     extract(year from r.created_at at time zone 'Asia/Jayapura')::int as reported_year
			   from (select regexp_match(t, '^(\\d{4})-(\\d{1,2})-(\\d{1,2})$') as iso,
			       regexp_match(t, '^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})$') as ind,
			       regexp_match(t, '^(\\d{4})$') as yr,
			       regexp_match(t, '^\\D*(\\d{1,3})\\s*(?:th|thn|tahun|tahunan|years?|yrs?|y)?\\.?\\s*$', 'i') as ag
			     from (select btrim(r.age_or_birth, E' \\t\\r\\n') as t) s) x
			 ) p on m.record_kind = 'REPORT'
			 left join lateral (
			   select case
			     when c.birth_date is not null then :todayYear - extract(year from c.birth_date)::int
			       - case when extract(month from c.birth_date)::int * 100 + extract(day from c.birth_date)::int
			         > :todayMonthDay then 1 else 0 end
			     when c.birth_year is not null then :todayYear - c.birth_year
			     when p.mo is not null then
			       case when p.y between 1880 and :todayYear and p.mo between 1 and 12 then
			         case when p.d between 1 and extract(day from make_date(p.y, p.mo, 1) + interval '1 month - 1 day')
			           and p.y * 10000 + p.mo * 100 + p.d <= :todayYear * 10000 + :todayMonthDay
			         then :todayYear - p.y - case when p.mo * 100 + p.d > :todayMonthDay then 1 else 0 end end end
			     when p.y is not null then case when p.y between 1880 and :todayYear then :todayYear - p.y end
			     when p.years < 120 then :todayYear - (p.reported_year - p.years)
			   end as age
			 ) a on true""";

	private static final String RECORD_COLUMNS = """
			, coalesce(c.document_number, r.document_numbers) as rec_document, c.birth_date as rec_birth_date,
			  c.birth_year as rec_birth_year, r.age_or_birth as rec_birth_text,
			  coalesce(c.nationality, r.nationality) as rec_nationality, r.nationality_text as rec_nationality_text,
			  coalesce(c.sex, r.sex) as rec_sex, c.port_code as rec_port, c.direction as rec_direction,
			  coalesce(c.crossed_at, r.created_at) as rec_at, c.batch_id as rec_batch, a.age as rec_age""";

	/**
	 * A page of cases in one of {@code states} with one of {@code proposals} (any, if empty) and of {@code kind} (any,
	 * if null) that the scope covers and the filter keeps, in the sort's order, each with its record.
	 */
	List<QueueRow> queue(Scope scope, List<State> states, List<Decision> proposals, Kind kind, QueueFilter filter,
			QueueFilter.Sort sort, LocalDate today, int limit, int offset) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		String where = " where (" + visibility(scope) + ") and m.state in (:states)"
				+ (proposals.isEmpty() ? "" : " and m.proposal in (:proposals)")
				+ (kind == null ? "" : " and m.record_kind = '" + kind.name() + "'") + filtered(filter, params);
		params.put("states", states.stream().map(State::name).toList());
		if (!proposals.isEmpty()) {
			params.put("proposals", proposals.stream().map(Decision::name).toList());
		}
		params.put("limit", limit);
		params.put("offset", offset);
		today(params, today);
		String sql = "select m.*" + RECORD_COLUMNS + " from match_case m\n" + RECORD_JOINS + where + " order by "
				+ order(sort) + " limit :limit offset :offset";
		return jdbc.sql(sql).params(params).query((rs, n) -> queueRow(rs)).list();
	}

	/**
	 * How many cases wait in each queue the scope covers and the filter keeps: pending review (a doubtful link, or an
	 * automatic one that was undone), village reports pending a new person, linked, decided.
	 */
	Counts counts(Scope scope, QueueFilter filter, LocalDate today) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		String where = " where (" + visibility(scope) + ")" + filtered(filter, params);
		String from = " from match_case m";
		if (filter.readsRecords()) {
			from += "\n" + RECORD_JOINS;
			today(params, today);
		}
		return jdbc.sql("""
				select count(*) filter (where m.state = 'PENDING' and m.proposal in ('MATCH', 'REVIEW')) as review,
				  count(*) filter (where m.state = 'PENDING' and m.proposal = 'NONE' and m.record_kind = 'REPORT')
				    as unmatched,
				  count(*) filter (where m.state = 'LINKED') as linked,
				  count(*) filter (where m.state in ('CONFIRMED', 'REJECTED', 'NEW_PERSON')) as decided
				""" + from + where).params(params)
				.query((rs, n) -> new Counts(rs.getLong("review"), rs.getLong("unmatched"), rs.getLong("linked"),
						rs.getLong("decided")))
				.single();
	}

	record Counts(long review, long unmatched, long linked, long decided) {
	}

	/** The latest batches of crossings, newest first, for choosing a queue's source. */
	List<QueueRow.Batch> batches(int limit) {
		return jdbc.sql("""
				select id, file_name, origin, created_at from import_batch_read where kind = 'CROSSINGS'
				order by id desc limit :limit""").param("limit", limit)
				.query((rs, n) -> new QueueRow.Batch(rs.getLong("id"), rs.getString("file_name"),
						rs.getString("origin"), rs.getTimestamp("created_at").toInstant()))
				.list();
	}

	Optional<QueueRow.Batch> batch(long id) {
		return jdbc.sql("select id, file_name, origin, created_at from import_batch_read where id = :id and kind = 'CROSSINGS'")
				.param("id", id).query((rs, n) -> new QueueRow.Batch(rs.getLong("id"), rs.getString("file_name"),
						rs.getString("origin"), rs.getTimestamp("created_at").toInstant()))
				.optional();
	}

	private static String filtered(QueueFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder();
		if (filter.source() != null) {
			if (filter.source().batchId() != null) {
				where.append(" and m.record_kind = 'CROSSING' and c.batch_id = :sourceBatch");
				params.put("sourceBatch", filter.source().batchId());
			}
			else {
				where.append(" and m.record_kind = 'REPORT' and m.region_code = :sourceVillage");
				params.put("sourceVillage", filter.source().villageCode());
			}
		}
		if (filter.nationality() != null) {
			where.append(" and coalesce(c.nationality, r.nationality) = :nationality");
			params.put("nationality", filter.nationality());
		}
		if (filter.score() != null) {
			where.append(switch (filter.score()) {
				case HIGH -> " and m.score >= 0.9";
				case MIDDLE -> " and m.score >= 0.5 and m.score < 0.9";
				case LOW -> " and (m.score is null or m.score < 0.5)";
			});
		}
		if (filter.age() != null) {
			QueueFilter.AgeBand band = filter.age();
			if (band == QueueFilter.AgeBand.UNKNOWN) {
				where.append(" and a.age is null");
			}
			else {
				if (band.from() != null) {
					where.append(" and a.age >= :ageFrom");
					params.put("ageFrom", band.from());
				}
				if (band.to() != null) {
					where.append(" and a.age <= :ageTo");
					params.put("ageTo", band.to());
				}
			}
		}
		return where.toString();
	}

	private static String order(QueueFilter.Sort sort) {
		return switch (sort) {
			case SCORE -> "m.score desc nulls last, m.id desc";
			case SCORE_LOWEST -> "m.score asc nulls first, m.id asc";
			case NEWEST_RECORD -> "coalesce(c.crossed_at, r.created_at) desc, m.id desc";
			case OLDEST_RECORD -> "coalesce(c.crossed_at, r.created_at) asc, m.id asc";
			case NAME -> "m.record_name asc, m.id asc";
			case LATEST -> "coalesce(m.decided_at, m.matched_at) desc, m.id desc";
		};
	}

	private static void today(Map<String, Object> params, LocalDate today) {
		params.put("todayYear", today.getYear());
		params.put("todayMonthDay", today.getMonthValue() * 100 + today.getDayOfMonth());
	}

	/** Reports by their village; crossings and list rows only for a scope that covers records with no region. */
	private static String visibility(Scope scope) {
		String reports = "m.record_kind = 'REPORT' and " + scope.sqlCondition("m.region_code");
		return scope.coversUnplaced() ? "m.record_kind <> 'REPORT' or (" + reports + ")" : reports;
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

	/**
	 * Pair patterns of the source's records for estimation: candidates of decided cases, labelled (1 the person
	 * confirmed, 0 the others), and of undecided ones, not (-1).
	 */
	List<int[]> labelledPatterns(ModelStore.Source source) {
		return jdbc.sql("""
				select k.pattern,
				  case when c.state = 'CONFIRMED' and c.person_id = k.person_id then 1
				       when c.state in ('CONFIRMED', 'REJECTED', 'NEW_PERSON') then 0
				       else -1 end as label
				from match_candidate k join match_case c on c.id = k.case_id
				where (c.record_kind = 'CROSSING') = :crossings""")
				.param("crossings", source == ModelStore.Source.CROSSINGS)
				.query((rs, n) -> new int[] { rs.getInt("pattern"), rs.getInt("label") }).list();
	}

	/** The pairs people decided on the source's records: confirmed matches first, rejected candidates second. */
	PatternCounts[] decidedPatterns(ModelStore.Source source) {
		PatternCounts matches = new PatternCounts();
		PatternCounts nonMatches = new PatternCounts();
		for (int[] pair : labelledPatterns(source)) {
			if (pair[1] == 1) {
				matches.add(pair[0]);
			}
			else if (pair[1] == 0) {
				nonMatches.add(pair[0]);
			}
		}
		return new PatternCounts[] { matches, nonMatches };
	}

	/** How many of the source's records were matched (each case is one record), for the number of all pairs. */
	long caseCount(ModelStore.Source source) {
		return jdbc.sql("select count(*) from match_case where (record_kind = 'CROSSING') = :crossings")
				.param("crossings", source == ModelStore.Source.CROSSINGS).query(Long.class).single();
	}

	long decisionsSince(Instant since) {
		return jdbc.sql("select count(*) from match_case where decided_at > :since")
				.param("since", Timestamp.from(since)).query(Long.class).single();
	}

	private static QueueRow queueRow(ResultSet rs) throws SQLException {
		Timestamp at = rs.getTimestamp("rec_at");
		return new QueueRow(matchCase(rs, 0), rs.getString("rec_document"),
				rs.getObject("rec_birth_date", LocalDate.class), (Integer) rs.getObject("rec_birth_year"),
				rs.getString("rec_birth_text"), rs.getString("rec_nationality"), rs.getString("rec_nationality_text"),
				rs.getString("rec_sex"), rs.getString("rec_port"), rs.getString("rec_direction"),
				at == null ? null : at.toInstant(), (Long) rs.getObject("rec_batch"),
				(Integer) rs.getObject("rec_age"));
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
