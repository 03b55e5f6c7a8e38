package id.pantau.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class BirthDateTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	@Test
	void readsAFullDateAYearOrNothing() {
		assertThat(BirthDate.parse("1985-03-07", TODAY).date()).isEqualTo(LocalDate.of(1985, 3, 7));
		assertThat(BirthDate.parse("07-03-1985", TODAY).date()).isEqualTo(LocalDate.of(1985, 3, 7));
		assertThat(BirthDate.parse("7/3/1985", TODAY).date()).isEqualTo(LocalDate.of(1985, 3, 7));
		BirthDate yearOnly = BirthDate.parse(" 1979 ", TODAY);
		assertThat(yearOnly.date()).isNull();
		assertThat(yearOnly.year()).isEqualTo(1979);
		assertThat(yearOnly.display()).isEqualTo("1979");
		assertThat(BirthDate.parse("", TODAY)).isEqualTo(BirthDate.UNKNOWN);
		assertThat(BirthDate.UNKNOWN.isKnown()).isFalse();
	}

	@Test
	void refusesDatesThatDoNotExistOrLieInTheFuture() {
		assertThatThrownBy(() -> BirthDate.parse("1985-02-30", TODAY)).hasMessage("birthDate.format");
		assertThatThrownBy(() -> BirthDate.parse("2027", TODAY)).hasMessage("birthDate.range");
		assertThatThrownBy(() -> BirthDate.parse("2026-12-01", TODAY)).hasMessage("birthDate.range");
		assertThatThrownBy(() -> BirthDate.parse("umur 40", TODAY)).hasMessage("birthDate.format");
	}

	@Test
	void showsAndRoundTripsTheKnownPart() {
		BirthDate full = BirthDate.parse("1985-03-07", TODAY);
		assertThat(full.display()).isEqualTo("07-03-1985");
		assertThat(BirthDate.parse(full.text(), TODAY)).isEqualTo(full);
	}
}
