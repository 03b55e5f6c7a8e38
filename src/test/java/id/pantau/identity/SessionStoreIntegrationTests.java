package id.pantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import id.pantau.PantauIntegrationTest;
import id.pantau.identity.domain.SecuritySettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/** The sessions' table as requests of one session use it: at the same moment, and one after another. */
@PantauIntegrationTest
class SessionStoreIntegrationTests {

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecuritySettings settings;

	@Test
	void twoRequestsOfOneSessionAddingTheSameAttributeBothSaveAndTheLaterWins() {
		assertThat(bothAdd(sessions)).isEqualTo("second");
	}

	@Test
	void aRequestWritesTheSessionsRowOnlyOnceItsLastAccessIsAMinuteOld() {
		assertThat(lastAccessAsStored(sessions)).containsExactly(0L, 0L, 61_000L, 0L);
	}

	@Test
	void theStoreKeepsASessionAMinuteLongerThanTheIdleTimeSoThatTheLifetimeFilterEndsIt() {
		assertThat(maxInactiveInterval(sessions)).isEqualTo(settings.sessionIdleTimeout().plusMinutes(1));
	}

	/**
	 * How far the stored last access moved at each of four saves: a request now, another 30 s later, one when the
	 * stored stamp is 61 s old, and one that changes an attribute (which writes the attributes, not the stamp).
	 */
	private <S extends Session> List<Long> lastAccessAsStored(SessionRepository<S> sessions) {
		S created = sessions.createSession();
		sessions.save(created);
		List<Long> moves = new ArrayList<>();
		for (Duration later : List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(61), Duration.ZERO)) {
			long before = storedLastAccess(created.getId());
			S loaded = sessions.findById(created.getId());
			loaded.setLastAccessedTime(Instant.ofEpochMilli(before).plus(later));
			if (moves.size() == 3) {
				loaded.setAttribute("changed", "yes");
			}
			sessions.save(loaded);
			moves.add(storedLastAccess(created.getId()) - before);
		}
		sessions.deleteById(created.getId());
		return moves;
	}

	private static <S extends Session> Duration maxInactiveInterval(SessionRepository<S> sessions) {
		return sessions.createSession().getMaxInactiveInterval();
	}

	private long storedLastAccess(String id) {
		return jdbc.sql("select last_access_time from spring_session where session_id = :id").param("id", id)
				.query(Long.class).single();
	}

	/** Two copies of one session, as two requests load it, each adding the attribute the other adds too. */
	private static <S extends Session> String bothAdd(SessionRepository<S> sessions) {
		S created = sessions.createSession();
		sessions.save(created);
		S first = sessions.findById(created.getId());
		S second = sessions.findById(created.getId());

		first.setAttribute("racing", "first");
		second.setAttribute("racing", "second");
		sessions.save(first);
		sessions.save(second);

		String kept = sessions.findById(created.getId()).getAttribute("racing");
		sessions.deleteById(created.getId());
		return kept;
	}
}
