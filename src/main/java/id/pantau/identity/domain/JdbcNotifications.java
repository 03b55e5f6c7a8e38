package id.pantau.identity.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

import id.pantau.identity.Notifications;
import id.pantau.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class JdbcNotifications implements Notifications {

	private static final Logger log = LoggerFactory.getLogger(JdbcNotifications.class);
	private static final Locale INDONESIAN = Locale.forLanguageTag("id");

	private final JdbcClient jdbc;
	private final ObjectProvider<JavaMailSender> mail;
	private final MessageSource messages;
	private final Clock clock;
	private final String baseUrl;

	JdbcNotifications(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, MessageSource messages, Clock clock,
			@Value("${pantau.base-url:http://localhost:8080}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.jdbc = jdbc;
		this.mail = mail;
		this.messages = messages;
		this.clock = clock;
	}

	private record Recipient(String username, String email) {
	}

	@Override
	@Transactional
	public void notifyRole(Role role, String regionCode, String messageKey, String argument, String link) {
		List<Recipient> recipients = jdbc.sql("""
				select username, email from user_account
				where enabled and role = :role
				  and (scope_code is null or scope_code = :region or :region like scope_code || '.%')""")
				.param("role", role.name()).param("region", regionCode)
				.query((rs, n) -> new Recipient(rs.getString("username"), rs.getString("email"))).list();
		Instant now = clock.instant();
		for (Recipient recipient : recipients) {
			jdbc.sql("""
					insert into notification (username, message_key, argument, link, created_at)
					values (:username, :key, :argument, :link, :now)""").param("username", recipient.username())
					.param("key", messageKey).param("argument", argument).param("link", link)
					.param("now", java.sql.Timestamp.from(now)).update();
		}
		JavaMailSender sender = mail.getIfAvailable();
		if (sender != null) {
			List<Recipient> withAddress = recipients.stream().filter(r -> r.email() != null && !r.email().isBlank())
					.toList();
			afterCommit(() -> withAddress.forEach(r -> send(sender, r, messageKey, argument, link)));
		}
	}

	private void send(JavaMailSender sender, Recipient recipient, String messageKey, String argument, String link) {
		String text = messages.getMessage(messageKey, new Object[] { argument }, messageKey, INDONESIAN);
		SimpleMailMessage message = new SimpleMailMessage();
		message.setTo(recipient.email());
		message.setSubject("Pantau: " + text);
		message.setText(text + "\n\nBuka di Pantau: " + baseUrl + link + "\n");
		try {
			sender.send(message);
		}
		catch (MailException e) {
			// the in-app notification is there; a mail server that is down must not undo the work that caused it
			log.warn("E-mail notification not sent: {}", e.getClass().getSimpleName());
		}
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	@Override
	public List<Notification> recent(String username, int limit) {
		return jdbc.sql("""
				select id, message_key, argument, link, created_at, read_at is not null as read
				from notification where username = :username order by id desc limit :limit""")
				.param("username", username).param("limit", limit)
				.query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("message_key"),
						rs.getString("argument"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
						rs.getBoolean("read")))
				.list();
	}

	@Override
	public long unread(String username) {
		return jdbc.sql("select count(*) from notification where username = :username and read_at is null")
				.param("username", username).query(Long.class).single();
	}

	@Override
	@Transactional
	public Optional<String> open(String username, long id) {
		return jdbc.sql("""
				update notification set read_at = coalesce(read_at, :now) where id = :id and username = :username
				returning link""").param("now", java.sql.Timestamp.from(clock.instant())).param("id", id)
				.param("username", username).query(String.class).optional();
	}

	@Override
	@Transactional
	public void markAllRead(String username) {
		jdbc.sql("update notification set read_at = :now where username = :username and read_at is null")
				.param("now", java.sql.Timestamp.from(clock.instant())).param("username", username).update();
	}
}
