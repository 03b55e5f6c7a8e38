/**
 * Users, their roles and areas, second factors, sessions, the login throttle, API clients and in-app notifications.
 * <p>
 * It owns {@code user_account}, {@code user_second_factor}, {@code user_recovery_code}, {@code api_client} and
 * {@code notification} (created with the reports' migration, written only here, through
 * {@link id.pantau.identity.Notifications}); the sessions of Spring Session JDBC ({@code spring_session},
 * {@code spring_session_attributes}, written only by its {@code JdbcIndexedSessionRepository}); and the login
 * throttle's counters ({@code login_failure}, {@code login_trusted_address}, {@code login_burst}).
 */
@id.pantau.platform.OwnedTables({
	"user_account", "user_second_factor", "user_recovery_code", "api_client", "notification", "spring_session",
	"spring_session_attributes", "login_failure", "login_trusted_address", "login_burst" })
package id.pantau.identity;
