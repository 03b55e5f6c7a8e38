package id.pantau.identity.domain;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Login attempts per address and clock minute, for the burst limit: counted in PostgreSQL ({@code login_burst}), so
 * that an address sending its attempts to several instances is counted once, over all of them.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LoginBursts {

	private final JdbcClient jdbc;

	/** Counts one more attempt from {@code address} in {@code minute} (since the epoch); returns the minute's count. */
	public int attempt(String address, long minute) {
		int attempts = jdbc.sql("""
				insert into login_burst as b (address, minute, attempts) values (?, ?, 1)
				on conflict (address) do update set minute = excluded.minute,
				  attempts = case when b.minute = excluded.minute then b.attempts + 1 else 1 end
				returning attempts""").params(address, minute).query(Integer.class).single();
		// earlier minutes count for nothing; rows another attempt holds are left for the next one
		jdbc.sql("""
				delete from login_burst where address in (select address from login_burst where minute < ?
				for update skip locked)""").param(minute).update();
		return attempts;
	}
}
