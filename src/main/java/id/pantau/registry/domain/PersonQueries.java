package id.pantau.registry.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.platform.Scope;
import id.pantau.registry.Category;
import id.pantau.registry.PersonStatus;
import id.pantau.registry.names.DocumentNumbers;
import id.pantau.registry.names.NameNormalizer;
import id.pantau.registry.names.NormalizedName;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds persons by any name they go by (spelling-tolerant, in any token order), a document number (with O typed for
 * 0 and the like) or a NIK, filtered and sorted, within a scope. Names are compared through their normalised
 * token-sorted keys with PostgreSQL trigram similarity, served by GIN indexes.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PersonQueries {

	public static final int PAGE_SIZE = 25;

	/** The widest "permit ending within" window that means something: a century, longer than any permit. */
	static final int MAX_PERMIT_WINDOW_DAYS = 36_500;

	/** How the list is ordered; only these, so no request text reaches the SQL. */
	public enum Sort {

		/**
		 * Best score first; among equal scores an exact name first, then the name closest in length to the text
		 * ("AUNG AUNG KYAW" has the trigrams of "AUNG KYAW", and so has "AUNG AUNG AUNG KYAW" those of "aung kywa").
		 */
		RELEVANCE("score desc, exact desc, gap, p.primary_name, p.id"),
		NAME("p.primary_name, p.id"), NATIONALITY("p.nationality, p.primary_name"),
		VILLAGE("village_name nulls last, p.primary_name"), UPDATED("p.updated_at desc, p.id desc");

		private final String sql;

		Sort(String sql) {
			this.sql = sql;
		}
	}

	/**
	 * @param text a name, a document number or a NIK; empty for everyone
	 * @param regionCode a village or kecamatan code (the region and below)
	 * @param permitEndingWithinDays persons with a stay permit ending between today and that many days from now
	 */
	public record Filter(String text, String nationality, String regionCode, Category category, PersonStatus status,
			Integer permitEndingWithinDays) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null);
		}

		boolean hasText() {
			return text != null && !text.isBlank();
		}
	}

	public record Row(long id, String primaryName, String matchedName, String nationality, String nationalityName,
			Category category, PersonStatus status, String regionCode, String villageName, String districtName,
			double score) {
	}

	/**
	 * A page of the list and how many persons the filter selects: exactly up to {@link #COUNT_BOUND}, beyond it only
	 * "at least {@link #COUNT_BOUND}" ({@code totalExact} false), so that no page counts a whole regency. A name search
	 * whose page is filled by the persons bearing the name exactly, or by close names, counts only those: at least so
	 * many.
	 *
	 * @param hasNext whether another page follows
	 */
	public record Page(List<Row> rows, int page, long total, boolean totalExact, boolean hasNext) {

		/** The number of pages when the total is exact; else the pages known so far and one more. */
		public int pages() {
			return totalExact ? (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE) : page + (hasNext ? 2 : 1);
		}
	}

	/**
	 * Up to how many persons the list counts exactly. Counting every person of a city on every page was the list's
	 * cost (bench/README.md, {@code bench/explain}); a thousand is forty pages, more than anyone leafs through.
	 */
	public static final int COUNT_BOUND = 1000;

	/**
	 * How far a name search by relevance reaches, nearest first. Each reach selects the persons of a prefix of the
	 * relevance order: those bearing the name exactly (and the holders of a document or NIK typed), then every person
	 * scoring at least each of {@link #CLOSE_SCORES}, then every person the trigram indexes find similar. The first
	 * reach that fills the page answers it, so a common name costs a B-tree lookup, or the scoring of a few hundred
	 * candidates, instead of the scoring of thousands.
	 */
	enum Reach {
		EXACT, CLOSE, ALL
	}

	/**
	 * The lowest scores of the close reaches, tried in turn. Chosen on the demo registry of 100,000 persons with 150
	 * registered names as typed (bench/README.md): PostgreSQL's time for a name averaged 100 ms scoring every similar
	 * name, 62 ms after the exact name alone, 38 ms with one close reach at 0.5 and 25 ms with 0.6, then 0.5.
	 */
	static final List<Double> CLOSE_SCORES = List.of(0.6, 0.5);

	/** pg_trgm's defaults, which the whole reach uses: similarity 0.3 ({@code %}), word similarity 0.6 ({@code <%}). */
	private static final double SIMILARITY = 0.3;
	private static final double WORD_SIMILARITY = 0.6;

	private static final String GENERIC_PLANS = "force_generic_plan";
	private static final String PLANS_BY_COST = "auto";

	private final JdbcClient jdbc;
	private final Clock clock;

	@Transactional(readOnly = true)
	public Page search(Scope scope, Filter filter, Sort sort, int page) {
		Sort order = sort == Sort.RELEVANCE && !filter.hasText() ? Sort.NAME : sort;
		int safePage = Math.max(0, page);
		if (!filter.hasText()) {
			return page(scope, filter, NormalizedName.EMPTY, Reach.ALL, order, safePage);
		}
		planned(GENERIC_PLANS, SIMILARITY, WORD_SIMILARITY);
		Page found = searchText(scope, filter, name(filter), order, safePage);
		// the settings end with the transaction; this one may be a caller's, which should not inherit them
		planned(PLANS_BY_COST, SIMILARITY, WORD_SIMILARITY);
		return found;
	}

	private Page searchText(Scope scope, Filter filter, NormalizedName name, Sort order, int page) {
		if (order == Sort.RELEVANCE && !name.sortedKey().isEmpty()) {
			Page exact = page(scope, filter, name, Reach.EXACT, order, page);
			if (exact.hasNext()) {
				return new Page(exact.rows(), page, exact.total(), false, true);
			}
			for (double closeScore : CLOSE_SCORES) {
				// the trigram indexes propose candidates by these thresholds: none of the persons scoring at least
				// closeScore is missed, and few others are proposed
				planned(GENERIC_PLANS, phoneticThreshold(closeScore), closeScore);
				Page close = page(scope, filter, name, Reach.CLOSE, closeScore, order, page);
				if (close.hasNext()) {
					return new Page(close.rows(), page, close.total(), false, true);
				}
			}
			planned(GENERIC_PLANS, SIMILARITY, WORD_SIMILARITY);
		}
		return page(scope, filter, name, Reach.ALL, order, page);
	}

	private Page page(Scope scope, Filter filter, NormalizedName name, Reach reach, Sort order, int page) {
		return page(scope, filter, name, reach, 0, order, page);
	}

	private Page page(Scope scope, Filter filter, NormalizedName name, Reach reach, double closeScore, Sort order,
			int page) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		params.put("closeScore", closeScore);
		StringBuilder sql = persons(scope, filter, name, reach, params);
		if (filter.hasText()) {
			// the hits of a name are few and found anyway for their order by score: counted with the page, exactly
			sql.insert(sql.lastIndexOf("\nfrom best"), ", count(*) over () as total");
		}
		// one row more than a page tells whether another follows
		String limit = " limit :limit offset :offset";
		if (order == Sort.VILLAGE) {
			sql = labelled(sql).append(" order by ").append(order.sql).append(limit);
		}
		else {
			// the names of the country and the regions only for the page's rows: looked up for each of the thousands
			// of persons a name with common words finds, they were a quarter of the statement's time
			sql = labelled(sql.append(" order by ").append(order.sql).append(limit)).append(" order by ")
					.append(order.sql);
		}
		params.put("limit", PAGE_SIZE + 1);
		params.put("offset", (long) page * PAGE_SIZE);
		long[] hits = { -1 };
		List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			if (filter.hasText()) {
				hits[0] = rs.getLong("total");
			}
			return new Row(rs.getLong("id"), rs.getString("primary_name"), rs.getString("matched_name"),
					rs.getString("nationality"), rs.getString("nationality_name"),
					Category.valueOf(rs.getString("category")), PersonStatus.valueOf(rs.getString("status")),
					rs.getString("region_code"), rs.getString("village_name"), rs.getString("district_name"),
					rs.getDouble("score"));
		}).list();
		boolean hasNext = rows.size() > PAGE_SIZE;
		List<Row> shown = hasNext ? rows.subList(0, PAGE_SIZE) : rows;
		if (hits[0] >= 0) {
			return new Page(List.copyOf(shown), page, hits[0], true, hasNext);
		}
		// a first page that is the whole answer needs no count
		long total = page == 0 && !hasNext ? shown.size() : count(scope, filter);
		return new Page(List.copyOf(shown), page, Math.min(total, COUNT_BOUND), total <= COUNT_BOUND, hasNext);
	}

	/**
	 * Settings of the transaction for the search's statements. The trigram operators' thresholds ({@code %} and
	 * {@code <%}): the candidates the indexes propose. A name's word similarity is never below its similarity (the
	 * whole name is one of the extents it is the best of), so the close reaches' one index scan for {@code <%} finds
	 * the names of either. And generic plans: planning a search statement costs 2.5 to 3 ms (estimating a trigram
	 * operator's selectivity applies it to the column's statistics), ten times what the statement itself costs when
	 * the index finds few names, while its best plan is the same for any text (the trigram indexes, then each person
	 * by its key). The driver prepares a statement on the server at its fifth use on a connection; from then on it
	 * is planned once.
	 */
	private void planned(String planMode, double similarity, double word) {
		jdbc.sql("select set_config('plan_cache_mode', :planMode, true),"
				+ " set_config('pg_trgm.similarity_threshold', :similarity, true),"
				+ " set_config('pg_trgm.word_similarity_threshold', :word, true)")
				.param("planMode", planMode).param("similarity", Double.toString(similarity))
				.param("word", Double.toString(word)).query((rs, n) -> null).list();
	}

	/**
	 * The lowest phonetic similarity by which a name can score {@code closeScore}: the phonetic key counts 0.9 of its
	 * similarity, so 0.6 needs two thirds of it, asked as 0.6666 (rounded down, so that no such name is missed;
	 * {@code PersonQueriesTests}). A name's similarity is
	 * never above its word similarity, which the close reaches ask for at {@code closeScore} itself. On 150 registered
	 * names of the demo registry this proposes 3.3 % fewer candidates than asking 0.6 of the phonetic key too.
	 */
	static double phoneticThreshold(double closeScore) {
		return Math.floor(closeScore / 0.9 * 10_000) / 10_000;
	}

	/** The name the text stands for, normalised once per search; none without text or for a number. */
	private static NormalizedName name(Filter filter) {
		// text with a digit is a document number or a NIK: its letters are no name to look for
		boolean number = !filter.hasText() || filter.text().chars().anyMatch(Character::isDigit);
		return number ? NormalizedName.EMPTY : NameNormalizer.normalize(filter.text());
	}

	/**
	 * How many persons the filter selects, counted up to one past {@link #COUNT_BOUND}: the persons walked in name
	 * order from {@code person_name_order_idx}, so the count stops after a thousand and one instead of reading the
	 * whole scope.
	 */
	private long count(Scope scope, Filter filter) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		StringBuilder sql = persons(scope, filter, name(filter), Reach.ALL, params);
		if (!filter.hasText()) {
			sql.append(" order by ").append(Sort.NAME.sql);
		}
		params.put("bound", COUNT_BOUND + 1);
		return jdbc.sql("select count(*) from (" + sql + " limit :bound) selected").params(params).query(Long.class)
				.single();
	}

	/**
	 * The list's query without its order and page: the persons a filter selects within a scope, with the columns of
	 * a {@link Row}. Shared by the page and the export, so that both select the same persons.
	 *
	 * @param name the text as a name ({@link #name(Filter)}), normalised once for all the reaches of a search
	 */
	StringBuilder select(Scope scope, Filter filter, NormalizedName name, Reach reach, Map<String, Object> params) {
		return labelled(persons(scope, filter, name, reach, params));
	}

	/** The persons of {@code persons} (aliased {@code p}) with the names of their country, village and kecamatan. */
	private static StringBuilder labelled(StringBuilder persons) {
		return persons.insert(0, "select p.*, c.name_id as nationality_name, v.name as village_name,"
				+ " d.name as district_name from (\n").append("""

				) p
				left join country_read c on c.alpha3 = p.nationality
				left join region_read v on v.code = p.region_code
				left join region_read d on d.code = v.parent_code""");
	}

	/**
	 * The persons a filter selects within a scope, with the columns of a {@link Row} but the country's and the
	 * regions' names, and what they are ordered by.
	 */
	private StringBuilder persons(Scope scope, Filter filter, NormalizedName name, Reach reach,
			Map<String, Object> params) {
		StringBuilder sql = new StringBuilder();
		if (filter.hasText()) {
			params.put("key", name.sortedKey());
			params.put("phonetic", name.phoneticKey());
			params.put("doc", DocumentNumbers.searchKey(filter.text()));
			params.put("raw", filter.text().replaceAll("\\s", ""));
			// trigram index scans for names, exact index lookups for names, documents and NIK
			sql.append("with hits as (\n").append(switch (reach) {
			case EXACT -> """
					  select n.person_id, n.full_name, 1.0::float8 as score, true as exact, 0 as gap
					  from person_name n where :key <> '' and n.search_key = :key
					""";
			case CLOSE -> """
					  select person_id, full_name, score, exact, gap from (
					    select n.person_id, n.full_name, m.s, m.w, m.ph, greatest(m.s, m.w * 0.95, m.ph * 0.9) as score,
					      n.search_key = :key as exact, abs(length(n.search_key) - length(:key)) as gap
					    from person_name n
					    -- each similarity computed once for a candidate, not again for its score
					    cross join lateral (select similarity(n.search_key, :key) as s,
					      word_similarity(:key, n.search_key) as w, similarity(n.phonetic_key, :phonetic) as ph offset 0) m
					    where :key <> '' and (:key <% n.search_key or n.phonetic_key % :phonetic)
					  ) candidate
					  where score >= :closeScore and (s >= :similarity or w >= :wordSimilarity or ph >= :similarity)
					""";
			case ALL -> """
					  select n.person_id, n.full_name,
					    greatest(similarity(n.search_key, :key), word_similarity(:key, n.search_key) * 0.95,
					             similarity(n.phonetic_key, :phonetic) * 0.9) as score,
					    n.search_key = :key as exact, abs(length(n.search_key) - length(:key)) as gap
					  from person_name n
					  where :key <> '' and (n.search_key % :key or :key <% n.search_key or n.phonetic_key % :phonetic)
					""";
			});
			if (reach == Reach.CLOSE) {
				params.put("similarity", SIMILARITY);
				params.put("wordSimilarity", WORD_SIMILARITY);
			}
			sql.append("""
					  union all
					  select d.person_id, null, 1.0, true, 0 from travel_document d where :doc <> '' and d.number_key = :doc
					  union all
					  select l.person_id, null, 1.0, true, 0 from identity_link l where l.value = :raw
					), best as (
					  select distinct on (person_id) person_id, full_name, score, exact, gap from hits
					  order by person_id, score desc, exact desc, gap, full_name
					)
					select p.id, p.primary_name, best.full_name as matched_name, best.score as score, best.exact, best.gap,
					""");
		}
		else {
			sql.append("select p.id, p.primary_name, null as matched_name, 0.0 as score, false as exact, 0 as gap,\n");
		}
		sql.append("""
				  p.nationality, p.category, p.status, p.region_code, p.updated_at
				""");
		// each person found fetched by its key, whatever the number of names found: the plan of any text
		sql.append(filter.hasText()
				? "from best cross join lateral (select * from person p where p.id = best.person_id offset 0) p\n"
				: "from person p\n");
		sql.append("""
				where p.status <> 'MERGED' and """).append(' ').append(scope.sqlVisibility("p.region_code"));
		if (filter.nationality() != null && !filter.nationality().isBlank()) {
			sql.append(" and p.nationality = :nationality");
			params.put("nationality", filter.nationality());
		}
		if (filter.regionCode() != null && Scope.isRegionCode(filter.regionCode())) {
			sql.append(" and (p.region_code = :region or p.region_code like :regionPrefix)");
			params.put("region", filter.regionCode());
			params.put("regionPrefix", filter.regionCode() + ".%");
		}
		if (filter.category() != null) {
			sql.append(" and p.category = :category");
			params.put("category", filter.category().name());
		}
		if (filter.status() != null) {
			sql.append(" and p.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.permitEndingWithinDays() != null) {
			LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
			sql.append(" and exists (select 1 from stay_permit s where s.person_id = p.id"
					+ " and s.valid_until between :today and :until)");
			params.put("today", today);
			// beyond a century every permit ends within the window: the same answer, without a date past year 999999999
			params.put("until", today.plusDays(Math.min(MAX_PERMIT_WINDOW_DAYS,
					Math.max(0, filter.permitEndingWithinDays()))));
		}
		return sql;
	}

	/** The list's query in the list's order without a page: every person the filter selects, for an export. */
	String exportSql(Scope scope, Filter filter, Sort sort, Map<String, Object> params) {
		Sort order = sort == Sort.RELEVANCE && !filter.hasText() ? Sort.NAME : sort;
		return select(scope, filter, name(filter), Reach.ALL, params)
				.append(" order by ").append(order.sql).toString();
	}
}
