package id.pantau.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import id.pantau.reports.ReportState;
import id.pantau.reports.ValidationOutcome;
import org.junit.jupiter.api.Test;

class VillageReportTests {

	private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	@Test
	void aReturnedReportCarriesItsReasonUntilItIsResubmitted() {
		VillageReport report = draft();
		report.submit("ohoi", NOW);
		report.returnToVillage("Nomor paspor belum diisi", "bpmpd", NOW.plusSeconds(60));
		assertThat(report.getState()).isEqualTo(ReportState.RETURNED);
		assertThat(report.getReturnReason()).isEqualTo("Nomor paspor belum diisi");
		report.edit(content("KYAW MIN", "MB123456"), NOW.plusSeconds(120));
		report.submit("ohoi", NOW.plusSeconds(180));
		assertThat(report.getReturnReason()).isNull();
		assertThat(report.getEvents()).extracting(ReportEvent::toState).containsExactly(ReportState.SUBMITTED,
				ReportState.RETURNED, ReportState.SUBMITTED, ReportState.DRAFT);
	}

	@Test
	void aResubmissionKeepsThePreviousReasonAndWhatTheVillageChangedMeanwhile() {
		VillageReport report = draft();
		report.submit("ohoi", NOW);
		assertThat(report.getResubmission()).as("a first submission").isNull();
		report.returnToVillage("Nomor paspor belum diisi", "bpmpd", NOW.plusSeconds(60));
		report.edit(content("KYAW MIN", "MB123456"), NOW.plusSeconds(120));
		report.edit(content("KYAW MIN AUNG", "MB123456"), NOW.plusSeconds(130));
		report.attachPhoto(java.util.UUID.randomUUID(), "image/jpeg", NOW.plusSeconds(140));
		report.submit("ohoi", NOW.plusSeconds(180));

		VillageReport.Resubmission resubmission = report.getResubmission();
		assertThat(resubmission.previousReason()).isEqualTo("Nomor paspor belum diisi");
		assertThat(resubmission.changedFields()).containsExactly("documentNumbers", "namesAsHeard", "photo");
		assertThat(report.isResubmitted()).isTrue();

		report.returnToVillage("Foto kabur", "bpmpd", NOW.plusSeconds(240));
		report.submit("ohoi", NOW.plusSeconds(300));
		assertThat(report.getResubmission().previousReason()).as("the latest return").isEqualTo("Foto kabur");
		assertThat(report.getResubmission().changedFields()).as("sent again unchanged").isEmpty();

		report.forward("bpmpd", NOW.plusSeconds(360));
		assertThat(report.getResubmission()).as("no longer waiting at BPMPD").isNull();
	}

	@Test
	void aReportIsNotReturnedWithoutAReason() {
		VillageReport report = draft();
		report.submit("ohoi", NOW);
		assertThatThrownBy(() -> report.returnToVillage(" ", "bpmpd", NOW)).isInstanceOf(IllegalArgumentException.class);
		assertThat(report.getState()).isEqualTo(ReportState.SUBMITTED);
	}

	@Test
	void anIllegalStepIsRefusedAndChangesNothing() {
		VillageReport report = draft();
		assertThatThrownBy(() -> report.forward("bpmpd", NOW)).isInstanceOf(IllegalTransition.class);
		report.submit("ohoi", NOW);
		assertThatThrownBy(() -> report.edit(content("X", null), NOW)).isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> report.validate(ValidationOutcome.KNOWN_IN_ORDER, 1L, null, List.of(), null, "k", NOW))
				.isInstanceOf(IllegalTransition.class);
		assertThat(report.getState()).isEqualTo(ReportState.SUBMITTED);
	}

	@Test
	void theOutcomeDecidesWhetherTheReportIsValidatedOrRejected() {
		VillageReport validated = forwarded();
		validated.validate(ValidationOutcome.POSSIBLE_VIOLATION, null, null,
				List.of(new AgencyView("IMIGRASI", "Periksa di lapangan", "kesbangpol", NOW, true)), null, "kesbangpol", NOW);
		assertThat(validated.getState()).isEqualTo(ReportState.VALIDATED);
		assertThat(validated.getAgencyViews()).extracting(AgencyView::agency).containsExactly("IMIGRASI");

		VillageReport rejected = forwarded();
		rejected.validate(ValidationOutcome.DUPLICATE, null, 7L, List.of(), null, "kesbangpol", NOW);
		assertThat(rejected.getState()).isEqualTo(ReportState.REJECTED);
		assertThat(rejected.getDuplicateOf()).isEqualTo(7L);
	}

	@Test
	void workingDaysSkipWeekends() {
		LocalDate friday = LocalDate.of(2026, 11, 27);
		assertThat(ReportQueries.workingDaysBetween(friday, friday)).isZero();
		assertThat(ReportQueries.workingDaysBetween(friday, friday.plusDays(3))).isEqualTo(1);
		assertThat(ReportQueries.workingDaysBetween(friday, friday.plusDays(7))).isEqualTo(5);
	}

	private static VillageReport forwarded() {
		VillageReport report = draft();
		report.submit("ohoi", NOW);
		report.forward("bpmpd", NOW);
		return report;
	}

	private static VillageReport draft() {
		return VillageReport.draft("LAP-8172012001-2026-0001", "81.72.01.2001", content("KYAW MIN", null), null,
				"ohoi.fiditan", NOW);
	}

	private static ReportContent content(String names, String document) {
		return new ReportContent(names, "Myanmar", "MMR", "M", "45", document, null, null, null, null, null);
	}
}
