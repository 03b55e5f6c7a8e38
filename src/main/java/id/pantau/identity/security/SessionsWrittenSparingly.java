package id.pantau.identity.security;

import java.time.Duration;

import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * A session's row is not written at every request. Spring Session stamps the last access of a session at each
 * request, and its JDBC store then updates the session's row: every page view was a write and a commit waiting for
 * the disk, and the requests of one session at once (tabs, htmx fragments, a load test's 50 connections) queued on
 * that row's lock, 10 ms each (bench/README.md, "the goals at 100,000 persons"). Here the update leaves the row
 * alone unless the session id, its lifetime or its user changed, or the last access moved by
 * {@link SessionLifetimeFilter#LAST_SEEN_STEP}. The stored last access may so be up to a step old, and the store
 * would end a session that much early: sessions are given the idle time plus that step, and
 * {@link SessionLifetimeFilter} ends them at their idle time.
 */
final class SessionsWrittenSparingly implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

	/** The store's update, with its six parameters in their order, applied only when it changes more than the stamp. */
	static final String UPDATE_SESSION = """
			UPDATE %%TABLE_NAME%% s
			SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
			  MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
			  PRINCIPAL_NAME = v.principal_name
			FROM (SELECT ?::varchar AS session_id, ?::bigint AS last_access_time, ?::int AS max_inactive_interval,
			        ?::bigint AS expiry_time, ?::varchar AS principal_name, ?::varchar AS primary_id) v
			WHERE s.PRIMARY_ID = v.primary_id
			  AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
			       OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
			       OR v.last_access_time >= s.LAST_ACCESS_TIME + %d)
			""".formatted(SessionLifetimeFilter.LAST_SEEN_STEP.toMillis());

	private final Duration idle;

	SessionsWrittenSparingly(Duration idle) {
		this.idle = idle;
	}

	@Override
	public void customize(JdbcIndexedSessionRepository sessions) {
		sessions.setUpdateSessionQuery(UPDATE_SESSION);
		sessions.setDefaultMaxInactiveInterval(idle.plus(SessionLifetimeFilter.LAST_SEEN_STEP));
	}
}
