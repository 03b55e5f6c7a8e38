package id.pantau.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tells users that something reached them: in the application always, and by e-mail where the user has an address and
 * an SMTP server is configured ({@code spring.mail.host}).
 */
public interface Notifications {

	/** A notification for people to read. {@code messageKey} is a message bundle key, {@code argument} its {0}. */
	record Notification(long id, String messageKey, String argument, String link, Instant createdAt, boolean read) {
	}

	/** Notifies every active user of {@code role} whose scope covers {@code regionCode}. */
	void notifyRole(Role role, String regionCode, String messageKey, String argument, String link);

	List<Notification> recent(String username, int limit);

	long unread(String username);

	/** Marks one of the user's notifications read and gives where it leads; empty when it is not the user's. */
	Optional<String> open(String username, long id);

	void markAllRead(String username);
}
