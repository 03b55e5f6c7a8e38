package id.pantau.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import id.pantau.PantauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The burst counter in PostgreSQL: two counters on one database stand for two instances. */
@PantauIntegrationTest
class LoginBurstsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	private final String address = "198.19." + ThreadLocalRandom.current().nextInt(256) + "."
			+ ThreadLocalRandom.current().nextInt(256) + "-burst";

	@Test
	void attemptsOnTwoInstancesInOneMinuteCountTogether() {
		LoginBursts first = new LoginBursts(jdbc);
		LoginBursts second = new LoginBursts(jdbc);
		long minute = 1_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);

		assertThat(first.attempt(address, minute)).isEqualTo(1);
		assertThat(second.attempt(address, minute)).isEqualTo(2);
		assertThat(first.attempt(address, minute)).isEqualTo(3);
		assertThat(second.attempt(address + "-other", minute)).as("another address").isEqualTo(1);
	}

	@Test
	void theNextMinuteCountsFromOneAndForgetsTheMinutesBefore() {
		LoginBursts bursts = new LoginBursts(jdbc);
		long minute = 2_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
		bursts.attempt(address, minute);
		bursts.attempt(address + "-other", minute);
		bursts.attempt(address, minute);

		assertThat(bursts.attempt(address, minute + 1)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from login_burst where address = ?").param(address + "-other")
				.query(Long.class).single()).as("an earlier minute's row is deleted").isZero();
	}
}
