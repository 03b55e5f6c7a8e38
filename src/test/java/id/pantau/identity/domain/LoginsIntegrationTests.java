package id.pantau.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import id.pantau.PantauIntegrationTest;
import id.pantau.identity.PantauUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

@PantauIntegrationTest
class LoginsIntegrationTests {

	@Autowired
	Logins logins;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserDetailsService users;

	@Test
	void loginsOfOneAccountAtTheSameMomentAllSucceedAndLeaveTheAccountsVersionAlone() throws Exception {
		PantauUser user = (PantauUser) users.loadUserByUsername("imigrasi");
		UserAccount before = accounts.findById(user.id()).orElseThrow();
		int logins = 8;
		CyclicBarrier together = new CyclicBarrier(logins);
		ExecutorService pool = Executors.newFixedThreadPool(logins);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < logins; i++) {
				done.add(pool.submit(() -> {
					together.await(10, TimeUnit.SECONDS);
					this.logins.succeeded(user, "192.0.2.77");
					return null;
				}));
			}
			for (Future<?> login : done) {
				login.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		UserAccount after = accounts.findById(user.id()).orElseThrow();
		assertThat(after.getVersion()).isEqualTo(before.getVersion());
		assertThat(after.getLastLoginAt()).isNotNull();
		if (before.getLastLoginAt() != null) {
			assertThat(after.getLastLoginAt()).isAfterOrEqualTo(before.getLastLoginAt());
		}
	}
}
