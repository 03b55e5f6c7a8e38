package id.pantau.identity.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import id.pantau.platform.Scope;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Lists accounts within an administrator's scope, filtered and paged. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class UserQueries {

	public static final int PAGE_SIZE = 25;

	private final JdbcClient jdbc;

	public record Row(long id, String username, String fullName, Role role, Agency agency, String scopeCode,
			String scopeName, boolean enabled, boolean mustChangePassword, java.time.Instant lastLoginAt) {
	}

	public record Page(List<Row> rows, int page, long total) {

		public int pages() {
			return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		}
	}

	public Page list(Scope scope, String text, Role role, Boolean enabled, int page) {
		StringBuilder where = new StringBuilder(" where ");
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		where.append(scope.isWholeDeployment() ? "true" : scope.sqlCondition("u.scope_code"));
		if (text != null && !text.isBlank()) {
			where.append(" and (u.username like :text or lower(u.full_name) like :text)");
			params.put("text", "%" + text.trim().toLowerCase().replace("%", "").replace("_", "\\_") + "%");
		}
		if (role != null) {
			where.append(" and u.role = :role");
			params.put("role", role.name());
		}
		if (enabled != null) {
			where.append(" and u.enabled = :enabled");
			params.put("enabled", enabled);
		}
		long total = jdbc.sql("select count(*) from user_account u" + where).params(params).query(Long.class).single();
		int safePage = Math.max(0, page);
		params.put("limit", PAGE_SIZE);
		params.put("offset", safePage * PAGE_SIZE);
		List<Row> rows = jdbc.sql("""
				select u.id, u.username, u.full_name, u.role, u.agency, u.scope_code, r.name as scope_name, u.enabled,
				  u.must_change_password, u.last_login_at
				from user_account u left join region_read r on r.code = u.scope_code
				""" + where + " order by u.username limit :limit offset :offset").params(params)
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
						Role.valueOf(rs.getString("role")), Agency.valueOf(rs.getString("agency")),
						rs.getString("scope_code"), rs.getString("scope_name"), rs.getBoolean("enabled"),
						rs.getBoolean("must_change_password"),
						rs.getTimestamp("last_login_at") == null ? null : rs.getTimestamp("last_login_at").toInstant()))
				.list();
		return new Page(rows, safePage, total);
	}
}
