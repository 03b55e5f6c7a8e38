package id.pantau.crossings.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.crossings.Direction;
import id.pantau.platform.DisplayTime;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Lists crossings and import batches. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CrossingQueries {

	public static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	public record Filter(LocalDate from, LocalDate to, Direction direction, String port, String nationality,
			Boolean linked) {
	}

	public record Row(long id, Direction direction, Instant crossedAt, String portCode, String documentNumber,
			String nationality, String fullName, String birth, String permitType, LocalDate stayUntil,
			Long personId) {
	}

	public record Page(List<Row> rows, int page, boolean hasNext) {
	}

	public record Batch(long id, String fileName, String legalBasis, String origin, int read, int added, int known,
			int refused, Instant createdAt, String createdBy, String header) {
	}

	public Page list(Filter filter, int page) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		params.put("limit", PAGE_SIZE + 1);
		params.put("offset", (long) Math.max(0, page) * PAGE_SIZE);
		List<Row> rows = jdbc.sql("""
				select id, direction, crossed_at, port_code, document_number, nationality, full_name,
				  coalesce(to_char(birth_date, 'DD-MM-YYYY'), birth_year::text) as birth, permit_type, stay_until, person_id
				from crossing""" + where + " order by crossed_at desc, id desc limit :limit offset :offset")
				.params(params)
				.query((rs, n) -> new Row(rs.getLong("id"), Direction.valueOf(rs.getString("direction")),
						rs.getTimestamp("crossed_at").toInstant(), rs.getString("port_code"),
						rs.getString("document_number"), rs.getString("nationality"), rs.getString("full_name"),
						rs.getString("birth"), rs.getString("permit_type"),
						rs.getDate("stay_until") == null ? null : rs.getDate("stay_until").toLocalDate(),
						rs.getObject("person_id") == null ? null : rs.getLong("person_id")))
				.list();
		boolean more = rows.size() > PAGE_SIZE;
		return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, Math.max(0, page), more);
	}

	/** The list's filters as a SQL condition on {@code crossing}, with its parameters added to {@code params}. */
	static String where(Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" where true");
		if (filter.from() != null) {
			where.append(" and crossed_at >= :from");
			params.put("from", java.sql.Timestamp.from(filter.from().atStartOfDay(DisplayTime.ZONE).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" and crossed_at < :to");
			params.put("to", java.sql.Timestamp.from(filter.to().plusDays(1).atStartOfDay(DisplayTime.ZONE).toInstant()));
		}
		if (filter.direction() != null) {
			where.append(" and direction = :direction");
			params.put("direction", filter.direction().name());
		}
		if (filter.port() != null && !filter.port().isBlank()) {
			where.append(" and port_code = :port");
			params.put("port", filter.port());
		}
		if (filter.nationality() != null && !filter.nationality().isBlank()) {
			where.append(" and nationality = :nationality");
			params.put("nationality", filter.nationality());
		}
		if (filter.linked() != null) {
			where.append(filter.linked() ? " and person_id is not null" : " and person_id is null");
		}
		return where.toString();
	}

	public List<Batch> batches(int limit) {
		return jdbc.sql("select * from import_batch where kind = 'CROSSINGS' order by id desc limit :limit")
				.param("limit", limit).query((rs, n) -> batch(rs, n)).list();
	}

	public java.util.Optional<Batch> batch(long id) {
		return jdbc.sql("select * from import_batch where id = :id and kind = 'CROSSINGS'").param("id", id).query((rs, n) -> batch(rs, n)).optional();
	}

	private Batch batch(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Batch(rs.getLong("id"), rs.getString("file_name"), rs.getString("legal_basis"),
				rs.getString("origin"), rs.getInt("rows_read"), rs.getInt("rows_added"), rs.getInt("rows_known"),
				rs.getInt("rows_refused"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getString("header"));
	}
}
