package id.pantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.PantauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/** The sessions' table as two requests of one session use it at the same moment. */
@PantauIntegrationTest
class SessionStoreIntegrationTests {

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Test
	void twoRequestsOfOneSessionAddingTheSameAttributeBothSaveAndTheLaterWins() {
		assertThat(bothAdd(sessions)).isEqualTo("second");
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
