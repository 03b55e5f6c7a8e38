package id.pantau.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pages' old Indonesian parameter names, renamed to the English ones every route now reads. */
class LegacyQueryParametersTests {

	@Test
	void renamesEveryOldNameAndKeepsValuesAndOrderAsWritten() {
		assertThat(LegacyQueryParameters.renamed("/orang-asing",
				"q=aung%20kyaw&kewarganegaraan=MMR&wilayah=81.72.01.2001&urut=NAME&halaman=2"))
				.hasValue("q=aung%20kyaw&nationality=MMR&region=81.72.01.2001&sort=NAME&page=2");
		assertThat(LegacyQueryParameters.renamed("/perlintasan", "dari=2026-01-02&sampai=2026-01-02&arah=ENTRY&tpi=X"))
				.hasValue("from=2026-01-02&to=2026-01-02&direction=ENTRY&port=X");
	}

	@Test
	void leavesAnAddressWithOnlyNewNamesAlone() {
		assertThat(LegacyQueryParameters.renamed("/laporan", "status=SUBMITTED&region=81.72.01")).isEmpty();
		assertThat(LegacyQueryParameters.renamed("/login", "error")).isEmpty();
	}

	@Test
	void anAgeFilterIsInDaysOnTheAlertListAndABandOnTheMatchQueue() {
		assertThat(LegacyQueryParameters.renamed("/peringatan", "umur=30")).hasValue("minAgeDays=30");
		assertThat(LegacyQueryParameters.renamed("/pencocokan", "antrean=review&umur=tua"))
				.hasValue("queue=review&age=tua");
	}

	@Test
	void aFlagWithoutValueKeepsHavingNone() {
		assertThat(LegacyQueryParameters.renamed("/login", "keluar")).hasValue("logout");
		assertThat(LegacyQueryParameters.renamed("/admin/daftar-orang-asing/4", "sudah")).hasValue("already");
	}
}
