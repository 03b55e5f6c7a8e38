package id.pantau.identity.domain;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends a user's sessions when its account is disabled, its password is reset or changed, or its access changes. The
 * registry is the sessions' table (Spring Session JDBC): a session is marked as ended there, so the instance that
 * answers its next request, whichever it is, turns it away.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class UserSessions {

	private final SessionRegistry registry;

	public int endAll(String username) {
		return endAllExcept(username, null);
	}

	public int endAllExcept(String username, String keptSessionId) {
		int ended = 0;
		// found by the principal's name, the index the sessions' table keeps (a user's name is its principal's)
		for (SessionInformation session : registry.getAllSessions(username, false)) {
			if (!session.getSessionId().equals(keptSessionId)) {
				session.expireNow();
				ended++;
			}
		}
		return ended;
	}
}
