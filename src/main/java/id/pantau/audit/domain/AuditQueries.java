package id.pantau.audit.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.audit.AuditRecord;
import id.pantau.platform.Scope;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the audit trail, newest first, within a scope: an administrator of a region sees the entries about its region;
 * only one of the whole deployment also sees entries with no region (logins, settings).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditQueries {

	public static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	public record Filter(String action, String actor) {
	}

	public record Page(List<AuditRecord> rows, boolean hasNext) {
	}

	/** A keyset page: rows with an id below {@code beforeId} (or the newest when null). */
	public Page page(Scope scope, Filter filter, Long beforeId) {
		StringBuilder sql = new StringBuilder("""
				select id, occurred_at, actor, action, subject_type, subject_id, region_code, ip, details, hash
				from audit_event
				""").append("where ").append(scope.sqlCondition("region_code"));
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		if (filter.action() != null && !filter.action().isBlank()) {
			sql.append(" and action = :action");
			params.put("action", filter.action().trim());
		}
		if (filter.actor() != null && !filter.actor().isBlank()) {
			sql.append(" and actor = :actor");
			params.put("actor", filter.actor().trim().toLowerCase());
		}
		if (beforeId != null) {
			sql.append(" and id < :before");
			params.put("before", beforeId);
		}
		sql.append(" order by id desc limit ").append(PAGE_SIZE + 1);
		List<AuditRecord> rows = jdbc.sql(sql.toString()).params(params)
				.query((rs, n) -> new AuditRecord(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
						rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
						rs.getString("subject_id"), rs.getString("region_code"), rs.getString("ip"),
						rs.getString("details"), rs.getString("hash")))
				.list();
		boolean more = rows.size() > PAGE_SIZE;
		return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, more);
	}

	public List<String> actions() {
		return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
	}
}
