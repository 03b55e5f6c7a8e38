package id.pantau.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import id.pantau.TestMessages;
import id.pantau.dashboard.domain.MonthlyRecap.Change;
import id.pantau.dashboard.domain.MonthlyRecap.Completeness;
import id.pantau.dashboard.domain.MonthlyRecap.Count;
import id.pantau.dashboard.domain.MonthlyRecap.Recap;
import id.pantau.dashboard.pdf.RecapPdf;
import id.pantau.platform.pdf.PdfLayout;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

/**
 * The recap's PDF fits an A4 page: long titles and labels wrap inside the margins, measured with the embedded font,
 * and nothing of them is lost; labels, not codes, in Indonesian and English.
 */
class RecapDocumentsTests {

	private final RecapDocuments documents = new RecapDocuments(TestMessages.bundles());


	private static Recap recap(String areaName) {
		List<Change> villages = new ArrayList<>();
		for (int i = 0; i < 70; i++) {
			villages.add(new Change("81.72.01." + (2000 + i), "Ohoi dengan nama yang sangat panjang sekali nomor " + i
					+ " di pesisir Pulau Dullah Utara", null, i, i + 1));
		}
		villages.add(new Change(null, null, null, 3, 2));
		return new Recap(YearMonth.of(2026, 9), "81.72.01", areaName, LocalDate.of(2026, 9, 30),
				LocalDate.of(2026, 8, 31), 2485, 2482, 7,
				List.of(new Change("VNM", "Viet Nam", "Vietnam", 4, 4), new Change(null, null, null, 1, 0)),
				List.of(new Change("EX_CREW", null, null, 5, 4)), List.of(new Change("81.72.01", "Pulau Dullah Utara",
						null, 5, 4)),
				villages, List.of(new Count(List.of("alert.rule.EX_CREW_ASHORE.name", "followup.severity.HIGH"), 3)), 3,
				List.of(new Count(List.of("followup.status.CLOSED", "followup.outcome.RESOLVED_BY_FACTS"), 2)), 2, 9,
				List.of(new Count(List.of("followup.action.FIELD_CHECK"), 4)), new Completeness(8, 5, 1, 2),
				List.of(new Count(List.of("reportState.FORWARDED"), 6)), 120, 98);
	}

	@Test
	void aLongTitleAndLongLabelsWrapInsideTheMarginsAndNothingIsLost() throws IOException {
		String area = "Kecamatan Pulau Dullah Utara dan sekitarnya termasuk ohoi-ohoi di pesisir timur NGUYỄN VĂN HÙNG";
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		Locale indonesian = Locale.forLanguageTag("id");
		RecapPdf.write(pdf, documents.title(recap(area), indonesian),
				"Dibuat oleh Pantau pada 04-12-2026 10:00 WIT untuk Petugas dengan nama yang cukup panjang",
				documents.tables(recap(area), indonesian));
		PdfLayout layout = PdfLayout.of(pdf.toByteArray());
		assertThat(layout.pages()).isGreaterThan(1);
		assertThat(layout.left()).isGreaterThanOrEqualTo(RecapPdf.MARGIN - 0.5f);
		assertThat(layout.right()).isLessThanOrEqualTo(PDRectangle.A4.getWidth() - RecapPdf.MARGIN + 0.5f);
		String text = layout.text().replaceAll("\\s+", " ");
		assertThat(text).contains("Rekapitulasi Bulanan Pengawasan Orang Asing, September 2026, " + area)
				.contains("Ohoi dengan nama yang sangat panjang sekali nomor 69 di pesisir Pulau Dullah Utara")
				.contains("Eks ABK di darat / Tinggi 3").contains("Ditutup / Selesai karena fakta berubah 2")
				.contains("Cek lapangan 4").contains("Diteruskan ke Kesbangpol 6").contains("Tanpa desa 3 2 1")
				.contains("Kewarganegaraan tidak diketahui 1 0 1").contains("Akhir bulan (30-09-2026)")
				.doesNotContain("EX_CREW").doesNotContain("HIGH").doesNotContain("FIELD_CHECK")
				.doesNotContain("RESOLVED_BY_FACTS").doesNotContain("FORWARDED").doesNotContain("tanpa desa");
	}

	@Test
	void theWorkbookIsInEnglishForAnEnglishUser() throws IOException {
		List<RecapDocuments.Table> tables = documents.tables(recap("Pulau Dullah Utara"), Locale.ENGLISH);
		assertThat(tables).extracting(RecapDocuments.Table::title).contains("Foreigners by nationality",
				"Alerts raised by rule and severity");
		String cells = tables.stream().flatMap(t -> t.rows().stream()).map(Object::toString).reduce("", String::concat);
		assertThat(cells).contains("Former crew ashore / High", "Closed / Resolved because the facts changed",
				"Field check", "Nationality unknown", "No village", "Vietnam", "Former crew (eks ABK)")
				.doesNotContain("EX_CREW", "HIGH", "FIELD_CHECK", "RESOLVED_BY_FACTS");
		assertThat(tables.get(0).header()).contains("End of month (30-09-2026)", "Month before (31-08-2026)");
	}
}
