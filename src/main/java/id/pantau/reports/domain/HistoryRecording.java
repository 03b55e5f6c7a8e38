package id.pantau.reports.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;

import id.pantau.reports.ReportHistories.RecordedReport;
import id.pantau.reports.ReportHistory;
import id.pantau.reports.ReportHistory.Content;
import id.pantau.reports.ReportHistory.Forwarded;
import id.pantau.reports.ReportHistory.Returned;
import id.pantau.reports.ReportHistory.Step;
import id.pantau.reports.ReportHistory.Submitted;
import id.pantau.reports.ReportHistory.Validated;
import id.pantau.reports.ReportHistory.ViewRecorded;
import id.pantau.reports.ReportValidated;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records reports that come whole with their history (see {@link ReportHistory}), within the caller's transaction. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class HistoryRecording {

	private final VillageReports reports;
	private final VillageReporting reporting;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	public boolean anyReport() {
		return reports.count() > 0;
	}

	@Transactional
	public RecordedReport record(ReportHistory history) {
		Content c = history.content();
		ReportContent content = new ReportContent(c.namesAsHeard(), c.nationalityText(),
				reporting.nationalityOf(c.nationalityText()), c.sex(), c.ageOrBirth(), c.documentNumbers(),
				c.stayingAt(), c.activity(), c.employerOrVessel(), c.presentSince(), c.note());
		String village = history.villageCode();
		VillageReport report = VillageReport.draft(reporting.nextNumber(village, history.draftedAt()), village,
				content, null, history.author(), history.draftedAt());
		for (Step step : history.steps()) {
			apply(report, step);
		}
		reports.save(report);
		if (history.toldValidation() && report.getOutcome() != null) {
			events.publishEvent(new ReportValidated(report.getId(), report.getNumber(), village, report.getOutcome(),
					report.getPersonId()));
		}
		return new RecordedReport(report.getId(), report.getNumber());
	}

	private static void apply(VillageReport report, Step step) {
		if (step instanceof Submitted s) {
			report.submit(s.actor(), s.at());
		}
		else if (step instanceof Returned s) {
			report.returnToVillage(s.reason(), s.actor(), s.at());
		}
		else if (step instanceof Forwarded s) {
			report.forward(s.actor(), s.at());
		}
		else if (step instanceof ViewRecorded s) {
			report.recordView(s.agency(), s.text(), s.actor(), s.at());
		}
		else if (step instanceof Validated s) {
			report.validate(s.outcome(), s.personId(), null, s.paperViews().stream()
					.map(v -> new AgencyView(v.agency(), v.text(), v.recordedBy(), v.recordedAt(), true)).toList(),
					s.note(), s.actor(), s.at());
		}
	}

	@Transactional
	public void recordMonthly(String villageCode, YearMonth month, int foreigners, Instant at, String actor) {
		jdbc.sql("""
				insert into periodic_report (village_code, month, nil, foreigners, note, submitted_at, submitted_by)
				values (:village, :month, :nil, :count, null, :at, :actor)""").param("village", villageCode)
				.param("month", month.atDay(1)).param("nil", foreigners == 0).param("count", foreigners)
				.param("at", Timestamp.from(at)).param("actor", actor).update();
	}
}
