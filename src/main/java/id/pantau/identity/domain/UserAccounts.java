package id.pantau.identity.domain;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface UserAccounts extends ListCrudRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsername(String username);

	boolean existsByUsername(String username);

	/**
	 * A login is not an edit of the account: it leaves the version alone, so two logins at once (or a login during an
	 * administrator's edit) do not conflict.
	 */
	@Modifying
	@Query("update user_account set last_login_at = greatest(coalesce(last_login_at, :at), :at) where id = :id")
	void recordLogin(long id, Instant at);
}
