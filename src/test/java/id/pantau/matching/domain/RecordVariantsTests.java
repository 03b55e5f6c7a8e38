package id.pantau.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;

import id.pantau.matching.linkage.LinkageRecord;
import id.pantau.registry.BirthDate;
import id.pantau.reports.ReportRecords.ReportRecord;
import id.pantau.reports.ReportState;
import org.junit.jupiter.api.Test;

class RecordVariantsTests {

	private static final LocalDate REPORTED = LocalDate.of(2026, 11, 27);

	@Test
	void readsABirthDateAYearOrAnAgeAsWrittenInAVillage() {
		assertThat(RecordVariants.birth("1985-03-07", REPORTED)).isEqualTo(BirthDate.of(LocalDate.of(1985, 3, 7)));
		assertThat(RecordVariants.birth("07-03-1985", REPORTED)).isEqualTo(BirthDate.of(LocalDate.of(1985, 3, 7)));
		assertThat(RecordVariants.birth("1985", REPORTED)).isEqualTo(BirthDate.ofYear(1985));
		assertThat(RecordVariants.birth("± 35 tahun", REPORTED)).isEqualTo(BirthDate.ofYear(1991));
		assertThat(RecordVariants.birth("40 thn", REPORTED)).isEqualTo(BirthDate.ofYear(1986));
		assertThat(RecordVariants.birth("umur 28", REPORTED)).isEqualTo(BirthDate.ofYear(1998));
		assertThat(RecordVariants.birth("tidak tahu", REPORTED)).isEqualTo(BirthDate.UNKNOWN);
		assertThat(RecordVariants.birth("", REPORTED)).isEqualTo(BirthDate.UNKNOWN);
		assertThat(RecordVariants.birth("250 tahun", REPORTED)).isEqualTo(BirthDate.UNKNOWN);
	}

	@Test
	void everyNameAndDocumentAVillageWroteIsAVariantOfTheReport() {
		ReportRecord report = new ReportRecord(7, "LAP-1", "81.72.01.2001", ReportState.SUBMITTED,
				"Kyaw Min alias Ko Kyaw / U Kyaw Min", "M", "1980", null, "Burma", "MB123, SB 9981", Instant.parse(
						"2026-11-27T01:00:00Z"), null);

		assertThat(RecordVariants.of(report)).extracting(LinkageRecord::fullName, LinkageRecord::documentNumber)
				.containsExactly(tuple("Kyaw Min", "MB123"),
						tuple("Ko Kyaw", "MB123"),
						tuple("U Kyaw Min", "MB123"),
						tuple("Kyaw Min", "SB 9981"));
		assertThat(RecordVariants.of(report)).allSatisfy(variant -> {
			assertThat(variant.id()).isEqualTo("R7");
			assertThat(variant.nationality()).isEqualTo("Burma");
		});
	}
}
