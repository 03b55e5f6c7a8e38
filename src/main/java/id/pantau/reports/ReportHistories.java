package id.pantau.reports;

import java.time.Instant;
import java.time.YearMonth;

import id.pantau.reports.domain.HistoryRecording;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records village reports and monthly reports that come whole from elsewhere (a prepared data set), for trusted
 * callers only: no role or scope is checked and nothing is audited.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportHistories {

	/** A report as recorded: its id and the number it was given. */
	public record RecordedReport(long id, String number) {
	}

	private final HistoryRecording recording;

	/** Whether any village report is stored. */
	@Transactional(readOnly = true)
	public boolean anyReport() {
		return recording.anyReport();
	}

	/** Drafts the report when it was drafted, numbered as then, and takes it through each step in order. */
	@Transactional
	public RecordedReport record(ReportHistory history) {
		return recording.record(history);
	}

	/** A village's monthly report of how many foreigners it counted (none: a nil report), sent at {@code at}. */
	@Transactional
	public void recordMonthly(String villageCode, YearMonth month, int foreigners, Instant at, String actor) {
		recording.recordMonthly(villageCode, month, foreigners, at, actor);
	}
}
