package id.pantau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.bench.FailoverBenchmark.Call;
import id.pantau.bench.FailoverBenchmark.Outcome;
import org.junit.jupiter.api.Test;

/** How bench/failover reads an answer and a kill: the figures it prints rest on these two rules. */
class FailoverBenchmarkTests {

	@Test
	void aRedirectToTheLoginPageIsASessionLostButOneToItsSecondFactorStepIsNot() {
		assertThat(FailoverBenchmark.outcome(302, "/login/kode", 302)).isEqualTo(Outcome.OK);
		assertThat(FailoverBenchmark.outcome(302, "http://localhost:18080/login", 200, 302))
				.isEqualTo(Outcome.SESSION_LOST);
		assertThat(FailoverBenchmark.outcome(302, "/login?error", 302)).isEqualTo(Outcome.SESSION_LOST);
		assertThat(FailoverBenchmark.outcome(302, "/perlintasan/impor/0b1c", 302)).isEqualTo(Outcome.OK);
	}

	@Test
	void refusalsAreSessionsLostAndGatewayErrorsAreServerErrors() {
		assertThat(FailoverBenchmark.outcome(401, "", 200)).isEqualTo(Outcome.SESSION_LOST);
		assertThat(FailoverBenchmark.outcome(403, "", 200)).isEqualTo(Outcome.SESSION_LOST);
		assertThat(FailoverBenchmark.outcome(502, "", 200)).isEqualTo(Outcome.SERVER_ERROR);
		assertThat(FailoverBenchmark.outcome(404, "", 200)).isEqualTo(Outcome.OTHER);
		assertThat(FailoverBenchmark.outcome(201, "", 200, 201)).isEqualTo(Outcome.OK);
	}

	@Test
	void aRequestWasInFlightWhenSentBeforeTheProcessWasGoneAndNotAnsweredWhenItWasSignalled() {
		long signalled = 20_000;
		long gone = 20_050;
		assertThat(call(19_000, 20_010).inFlightAt(signalled, gone)).as("answered after the signal").isTrue();
		assertThat(call(20_020, 20_500).inFlightAt(signalled, gone)).as("sent while it was dying").isTrue();
		assertThat(call(19_000, 19_999).inFlightAt(signalled, gone)).as("answered before").isFalse();
		assertThat(call(20_060, 20_500).inFlightAt(signalled, gone)).as("sent after it was gone").isFalse();
		assertThat(call(19_000, 20_010).inFlightAt(-1, -1)).as("no kill").isFalse();
	}

	private static Call call(long start, long end) {
		return new Call("search", start, end, Outcome.OK, 200, "pantau-1");
	}
}
