package id.pantau.matching.domain;

import java.util.Optional;

import id.pantau.matching.AutomaticLinks;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class JdbcAutomaticLinks implements AutomaticLinks {

	private final JdbcClient jdbc;

	@Override
	public Optional<Long> caseOfCrossing(long crossingId) {
		return jdbc.sql("""
				select id from match_case where record_kind = 'CROSSING' and record_id = :crossing and state = 'LINKED'""")
				.param("crossing", crossingId).query(Long.class).optional();
	}
}
