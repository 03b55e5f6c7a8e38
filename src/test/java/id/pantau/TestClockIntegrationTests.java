package id.pantau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application, its demo data included, tells time by the tests' clock, so that a run with
 * {@code -Dpantau.test.now=...} is a run on that day and not a mix of two.
 */
@PantauIntegrationTest
class TestClockIntegrationTests {

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theApplicationsClockIsTheTestsClock() {
		assertThat(Duration.between(TestClock.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void theDemoMonthlyReportsEndWhereTheTestsClockSaysTheMonthIs() {
		// the demo data sends the five months before the current one (those BPMPD sees on its completeness page); tests
		// send the current month's (refused now: it is not over) or one of those five, and take away an older one they
		// sent
		LocalDate first = jdbc.sql("select min(month) from periodic_report").query(LocalDate.class).single();
		assertThat(first).isEqualTo(TestClock.thisMonth().minusMonths(5).atDay(1));
	}

	@Test
	void aStartIsADateInMalukuAtTenADateTimeInMalukuOrAnInstant() {
		assertThat(TestClock.parse("2028-02-29")).isEqualTo(Instant.parse("2028-02-29T01:00:00Z"));
		assertThat(TestClock.parse("2027-06-01T05:00")).isEqualTo(Instant.parse("2027-05-31T20:00:00Z"));
		assertThat(TestClock.parse("2027-12-31T23:59:00Z")).isEqualTo(Instant.parse("2027-12-31T23:59:00Z"));
		assertThatThrownBy(() -> TestClock.parse("29-02-2028")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(TestClock.PROPERTY);
	}
}
