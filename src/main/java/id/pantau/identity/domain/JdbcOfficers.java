package id.pantau.identity.domain;

import java.util.List;
import java.util.Set;

import id.pantau.identity.Agency;
import id.pantau.identity.Officers;
import id.pantau.identity.Role;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class JdbcOfficers implements Officers {

	private final JdbcClient jdbc;

	@Override
	@Transactional(readOnly = true)
	public List<Officer> covering(String regionCode, Set<Role> roles) {
		return jdbc.sql("""
				select username, full_name, role, agency from user_account
				where enabled and role in (:roles)
				  and (scope_code is null or (cast(:region as text) is not null
				       and (scope_code = :region or :region like scope_code || '.%')))
				order by full_name, username""")
				.param("roles", roles.stream().map(Enum::name).toList()).param("region", regionCode)
				.query((rs, n) -> new Officer(rs.getString("username"), rs.getString("full_name"),
						Role.valueOf(rs.getString("role")), Agency.valueOf(rs.getString("agency"))))
				.list();
	}
}
