package id.pantau.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import id.pantau.registry.DocumentType;
import id.pantau.registry.ReportedPerson;
import org.junit.jupiter.api.Test;

class ReportedFactsTests {

	@Test
	void everyNameAndNicknameAsHeardIsKeptTheFirstFirst() {
		assertThat(ReportedFacts.names("Htun Htun Oo (Pak Htun), Ko Htun; Htun Htun Oo\n")).containsExactly(
				"Htun Htun Oo", "Pak Htun", "Ko Htun");
		assertThat(ReportedFacts.names("Kyaw Min, dipanggil Pak Min; alias Ko Min")).containsExactly("Kyaw Min",
				"Pak Min", "Ko Min");
		assertThat(ReportedFacts.names(" , 123 ")).isEmpty();
	}

	@Test
	void documentsAreReadWithTheKindTheirWordsSay() {
		assertThat(ReportedFacts.documents("Paspor C1234567; buku pelaut no. VN-998877, kartu UNHCR 458-17C00123"))
				.containsExactly(new ReportedFacts.Document(DocumentType.PASSPORT, "C1234567"),
						new ReportedFacts.Document(DocumentType.SEAMAN_BOOK, "VN-998877"),
						new ReportedFacts.Document(DocumentType.REFUGEE_CARD, "458-17C00123"));
		assertThat(ReportedFacts.documents("MB100664")).containsExactly(
				new ReportedFacts.Document(DocumentType.OTHER, "MB100664"));
		assertThat(ReportedFacts.documents("paspor tidak ada, hanya difoto")).isEmpty();
	}

	@Test
	void onlyADateWrittenAsADateBecomesOne() {
		assertThat(ReportedFacts.date("2024-06-01")).isEqualTo(LocalDate.of(2024, 6, 1));
		assertThat(ReportedFacts.date("1/6/2024")).isEqualTo(LocalDate.of(2024, 6, 1));
		assertThat(ReportedFacts.date("2011")).isNull();
		assertThat(ReportedFacts.date("sejak musim barat")).isNull();
	}

	@Test
	void whatHasNoFieldStaysInTheNotesWithItsReport() {
		ReportedPerson reported = new ReportedPerson("LAP-8172012001-2026-0009", "81.72.01.2001", "Nguyen Van Hung",
				"M", "VNM", "Vietnam", "sekitar 40 tahun", "", "Rumah Bapak Rahanra", "nelayan", "KM Sinar Laut",
				"musim barat 2024", null);
		assertThat(ReportedFacts.notes(reported)).isEqualTo("Dari laporan desa LAP-8172012001-2026-0009: "
				+ "kewarganegaraan menurut pengakuan Vietnam; umur atau lahir sekitar 40 tahun; kegiatan nelayan; "
				+ "bekerja pada / kapal KM Sinar Laut; berada di desa sejak musim barat 2024");
	}
}
