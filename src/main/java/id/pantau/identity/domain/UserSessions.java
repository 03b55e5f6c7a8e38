package id.pantau.identity.domain;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/** Ends a user's sessions when its account is disabled, its password is reset or changed, or its access changes. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class UserSessions {

	private final SessionRegistry registry;

	public int endAll(String username) {
		return endAllExcept(username, null);
	}

	public int endAllExcept(String username, String keptSessionId) {
		int ended = 0;
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof org.springframework.security.core.userdetails.UserDetails user
					&& user.getUsername().equals(username)) {
				for (SessionInformation session : registry.getAllSessions(principal, false)) {
					if (!session.getSessionId().equals(keptSessionId)) {
						session.expireNow();
						ended++;
					}
				}
			}
		}
		return ended;
	}
}
