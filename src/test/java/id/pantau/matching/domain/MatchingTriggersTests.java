package id.pantau.matching.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import id.pantau.crossings.CrossingRecords;
import id.pantau.platform.Commands;
import id.pantau.reports.ReportRecords;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class MatchingTriggersTests {

	private final Matching matching = mock(Matching.class);
	private final CrossingRecords crossings = mock(CrossingRecords.class);
	private final MatchingTriggers triggers = new MatchingTriggers(matching, crossings, mock(ReportRecords.class),
			Commands.SERVE);

	@Test
	void aShutdownCuttingOffTheStartUpMatchingEndsItQuietlyAndLeavesTheRestForTheNextStart() {
		when(crossings.batchIds()).thenReturn(List.of(1L, 2L));
		when(matching.matchBatch(1L)).thenAnswer(invocation -> {
			triggers.stopCatchingUp();
			throw new CannotGetJdbcConnectionException("pool closed");
		});

		assertThatCode(triggers::catchUp).doesNotThrowAnyException();
		verify(matching, never()).matchBatch(2L);
	}

	@Test
	void aFailureWhileRunningIsStillRaised() {
		when(crossings.batchIds()).thenReturn(List.of(1L));
		when(matching.matchBatch(1L)).thenThrow(new CannotGetJdbcConnectionException("database down"));

		assertThatThrownBy(triggers::catchUp).isInstanceOf(CannotGetJdbcConnectionException.class);
	}
}
