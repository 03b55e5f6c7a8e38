package id.pantau.registry.mrz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class MrzParserTests {

	static final LocalDate TODAY = LocalDate.of(2026, 5, 15);

	// ICAO Doc 9303 Part 4 (TD3), Part 5 (TD1) and Part 6 (TD2) specimens of the Utopian Anna Maria Eriksson
	static final String TD3 = """
			P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
			L898902C36UTO7408122F1204159ZE184226B<<<<<10""";

	static final String TD1 = """
			I<UTOD231458907<<<<<<<<<<<<<<<
			7408122F1204159UTO<<<<<<<<<<<6
			ERIKSSON<<ANNA<MARIA<<<<<<<<<<""";

	static final String TD2 = """
			I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<
			D231458907UTO7408122F1204159<<<<<<<6""";

	// Part 5's long document number: D23145890734 goes on in the optional data, then its check digit 9
	static final String TD1_LONG_NUMBER = """
			I<UTOD23145890<7349<<<<<<<<<<<
			7408122F1204159UTO<<<<<<<<<<<6
			ERIKSSON<<ANNA<MARIA<<<<<<<<<<""";

	private static MrzResult parse(String text) {
		return MrzParser.parse(text, TODAY);
	}

	@Test
	void readsTheTd3PassportSpecimen() {
		assertThat(parse(TD3)).isEqualTo(new MrzResult("P", "UTO", "ERIKSSON", "ANNA MARIA", "L898902C3", "UTO",
				LocalDate.of(1974, 8, 12), "F", LocalDate.of(2012, 4, 15), "ZE184226B", true, List.of()));
	}

	@Test
	void readsTheTd1IdentityCardSpecimen() {
		assertThat(parse(TD1)).isEqualTo(new MrzResult("I", "UTO", "ERIKSSON", "ANNA MARIA", "D23145890", "UTO",
				LocalDate.of(1974, 8, 12), "F", LocalDate.of(2012, 4, 15), null, true, List.of()));
	}

	@Test
	void readsTheTd2CardSpecimen() {
		assertThat(parse(TD2)).isEqualTo(new MrzResult("I", "UTO", "ERIKSSON", "ANNA MARIA", "D23145890", "UTO",
				LocalDate.of(1974, 8, 12), "F", LocalDate.of(2012, 4, 15), null, true, List.of()));
	}

	@Test
	void readsATd1DocumentNumberThatGoesOnInTheOptionalData() {
		MrzResult card = parse(TD1_LONG_NUMBER);
		assertThat(card.documentNumber()).isEqualTo("D23145890734");
		assertThat(card.personalNumber()).isNull();
		assertThat(card.valid()).isTrue();
	}

	@Test
	void keepsTd1OptionalDataThatFollowsALongDocumentNumber() {
		MrzResult card = parse("""
				I<UTOD23145890<7349<AB12<<<<<<
				7408122F1204159UTO<<<<<<<<<<<4
				ERIKSSON<<ANNA<MARIA<<<<<<<<<<""");
		assertThat(card.documentNumber()).isEqualTo("D23145890734");
		assertThat(card.personalNumber()).isEqualTo("AB12");
		assertThat(card.valid()).isTrue();
	}

	@Test
	void reportsAWrongCheckDigitOfALongDocumentNumber() {
		MrzResult card = parse(TD1_LONG_NUMBER.replace("7349", "7348"));
		assertThat(card.documentNumber()).isEqualTo("D23145890734");
		assertThat(card.invalidFields()).contains(MrzResult.DOCUMENT_NUMBER);
		assertThat(card.valid()).isFalse();
	}

	@Test
	void readsATd2DocumentNumberThatGoesOnInTheOptionalData() {
		MrzResult card = parse("""
				I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<
				D23145890<UTO7408122F32041537349<<<8""");
		assertThat(card.documentNumber()).isEqualTo("D23145890734");
		assertThat(card.expiryDate()).isEqualTo("2032-04-15");
		assertThat(card.valid()).isTrue();
	}

	@Test
	void readsTheGermanOneLetterStateCodeWithoutItsFillers() {
		MrzResult passport = parse("""
				P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<
				C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4""");
		assertThat(passport.issuingState()).isEqualTo("D");
		assertThat(passport.nationality()).isEqualTo("D");
		assertThat(passport.lastName()).isEqualTo("MUSTERMANN");
		assertThat(passport.firstName()).isEqualTo("ERIKA");
		assertThat(passport.documentNumber()).isEqualTo("C01X00T47");
		assertThat(passport.birthDate()).isEqualTo("1964-08-12");
		assertThat(passport.expiryDate()).isEqualTo("2027-02-28");
		assertThat(passport.personalNumber()).isNull();
		assertThat(passport.valid()).isTrue();
	}

	@Test
	void acceptsZeroAsTheCheckDigitOfAnEmptyPersonalNumber() {
		MrzResult passport = parse("""
				P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<
				C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<04""");
		assertThat(passport.valid()).isTrue();
	}

	@Test
	void readsAStatelessHolder() {
		MrzResult passport = parse("""
				P<AUSAHMED<<RAHIM<<<<<<<<<<<<<<<<<<<<<<<<<<<
				PA12345673XXA8803012M3107151<<<<<<<<<<<<<<08""");
		assertThat(passport.issuingState()).isEqualTo("AUS");
		assertThat(passport.nationality()).isEqualTo("XXA");
		assertThat(passport.sex()).isEqualTo("M");
		assertThat(passport.valid()).isTrue();
	}

	@Test
	void aNameWithoutDoubleFillerIsAllSurname() {
		MrzResult seaman = parse("""
				P<MMRAUNG<KYAW<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
				MC01234565MMR0506074M300120412345678<<<<<<82""");
		assertThat(seaman.lastName()).isEqualTo("AUNG KYAW");
		assertThat(seaman.firstName()).isNull();
		assertThat(seaman.personalNumber()).isEqualTo("12345678");
		assertThat(seaman.valid()).isTrue();
	}

	@Test
	void anUnspecifiedSexIsX() {
		MrzResult passport = parse("""
				P<NLDDE<BRUIJN<<WILLEKE<LISELOTTE<<<<<<<<<<<
				SPECI20142NLD6503101<2403096999999990<<<<<84""");
		assertThat(passport.sex()).isEqualTo("X");
		assertThat(passport.lastName()).isEqualTo("DE BRUIJN");
		assertThat(passport.firstName()).isEqualTo("WILLEKE LISELOTTE");
		assertThat(passport.valid()).isTrue();
	}

	@Test
	void readsVisasWhichHaveNoCompositeCheckDigit() {
		MrzResult mrvA = parse("""
				V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
				L8988901C4XXX4009078F3101160ZE184226B<<<<<<<""");
		assertThat(mrvA.documentCode()).isEqualTo("V");
		assertThat(mrvA.documentNumber()).isEqualTo("L8988901C");
		assertThat(mrvA.nationality()).isEqualTo("XXX");
		assertThat(mrvA.birthDate()).isEqualTo("1940-09-07");
		assertThat(mrvA.expiryDate()).isEqualTo("2031-01-16");
		assertThat(mrvA.personalNumber()).isEqualTo("ZE184226B");
		assertThat(mrvA.valid()).isTrue();

		MrzResult mrvB = parse("""
				V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<
				L8988901C4XXX4009078F3101160<<<<<<<<""");
		assertThat(mrvB.documentCode()).isEqualTo("V");
		assertThat(mrvB.lastName()).isEqualTo("ERIKSSON");
		assertThat(mrvB.personalNumber()).isNull();
		assertThat(mrvB.valid()).isTrue();
	}

	@Test
	void reportsEachWrongCheckDigitWithTheCompositeItSpoils() {
		assertThat(parse(TD3.replace("L898902C36", "L898902C35")).invalidFields())
				.containsExactly(MrzResult.DOCUMENT_NUMBER, MrzResult.COMPOSITE);
		assertThat(parse(TD3.replace("7408122F", "7408123F")).invalidFields())
				.containsExactly(MrzResult.BIRTH_DATE, MrzResult.COMPOSITE);
		assertThat(parse(TD3.replace("1204159", "1204158")).invalidFields())
				.containsExactly(MrzResult.EXPIRY_DATE, MrzResult.COMPOSITE);
		assertThat(parse(TD3.replace("<<<<<10", "<<<<<20")).invalidFields())
				.containsExactly(MrzResult.PERSONAL_NUMBER, MrzResult.COMPOSITE);
		assertThat(parse(TD3.replace("<<<<<10", "<<<<<11")).invalidFields()).containsExactly(MrzResult.COMPOSITE);
		assertThat(parse(TD1.replace("UTO<<<<<<<<<<<6", "UTO<<<<<<<<<<<7")).invalidFields())
				.containsExactly(MrzResult.COMPOSITE);
		assertThat(parse(TD2.replace("<<<<<<<6", "<<<<<<<5")).invalidFields()).containsExactly(MrzResult.COMPOSITE);
	}

	@Test
	void reportsAllWrongFieldsAtOnceAndStillGivesTheirValues() {
		MrzResult passport = parse(TD3.replace("L898902C36UTO7408122F1204159", "L898902C46UTO7408132F1205159"));
		assertThat(passport.valid()).isFalse();
		assertThat(passport.invalidFields()).containsExactly(MrzResult.DOCUMENT_NUMBER, MrzResult.BIRTH_DATE,
				MrzResult.EXPIRY_DATE, MrzResult.COMPOSITE);
		assertThat(passport.documentNumber()).isEqualTo("L898902C4");
		assertThat(passport.birthDate()).isEqualTo("1974-08-13");
		assertThat(passport.expiryDate()).isEqualTo("2012-05-15");
	}

	@Test
	void aLetterInPlaceOfACheckDigitIsAWrongCheckDigit() {
		assertThat(parse(TD3.replace("7408122F", "740812ZF")).invalidFields()).contains(MrzResult.BIRTH_DATE);
	}

	@Test
	void aDateWithUnknownPartsIsNullAndInvalid() {
		// Doc 9303 writes an unknown day as <<; the check digit holds, yet there is no date to give
		MrzResult passport = parse("""
				P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
				L898902C36UTO7408<<7F3204153<<<<<<<<<<<<<<<4""");
		assertThat(passport.birthDate()).isNull();
		assertThat(passport.invalidFields()).containsExactly(MrzResult.BIRTH_DATE);
	}

	@Test
	void aDayThatDoesNotExistIsNullAndInvalid() {
		MrzResult passport = parse(TD3.replace("7408122F", "7402302F"));
		assertThat(passport.birthDate()).isNull();
		assertThat(passport.invalidFields()).contains(MrzResult.BIRTH_DATE);
	}

	@Test
	void readsTextAsAPersonPastesIt() {
		String pasted = "\n\n  p<utoeriksson<<anna<maria«««««««««««««««««««  \r\n\n\t l898902c36 uto7408122f1204159 ze184226b‹‹‹‹‹10 \n\n";
		assertThat(parse(pasted)).isEqualTo(parse(TD3));
	}

	@Test
	void readsAGuillemetThatStandsForTwoFillers() {
		assertThat(parse(TD3.replace("<<", "«"))).isEqualTo(parse(TD3));
		assertThat(parse(TD1.replace("<<", "«"))).isEqualTo(parse(TD1));
	}

	@Test
	void readsLinesWhoseBreaksWereLost() {
		assertThat(parse(TD3.replace("\n", " "))).isEqualTo(parse(TD3));
		assertThat(parse(TD2.replace("\n", ""))).isEqualTo(parse(TD2));
		assertThat(parse(TD1.replace("\n", ""))).isEqualTo(parse(TD1));
	}

	@Test
	void refusesTextThatIsNoZoneWithAnIndonesianMessage() {
		assertThatThrownBy(() -> parse("Halo, ini bukan paspor"))
				.isInstanceOf(NotAnMrzException.class)
				.hasMessage("Bukan MRZ: diharapkan 2 baris 44 karakter (paspor), 2 baris 36 atau 3 baris 30 karakter"
						+ " (kartu); yang diterima 1 baris (19 karakter).");
		assertThatThrownBy(() -> parse(TD3.substring(1)))
				.isInstanceOf(NotAnMrzException.class)
				.hasMessageEndingWith("yang diterima 2 baris (43 dan 44 karakter).");
		assertThatThrownBy(() -> parse(TD3 + "\n" + TD1)).hasMessageEndingWith("yang diterima 5 baris.");
		assertThatThrownBy(() -> parse("  \n ")).isInstanceOf(NotAnMrzException.class).hasMessageStartingWith("Bukan MRZ");
		assertThatThrownBy(() -> parse(null)).isInstanceOf(NotAnMrzException.class);
	}

	@Test
	void refusesCharactersAZoneNeverHas() {
		assertThatThrownBy(() -> parse(TD3.replace("ZE184226B", "ZE18-226B")))
				.isInstanceOf(NotAnMrzException.class)
				.hasMessage("Bukan MRZ: baris 2 berisi karakter '-' (U+002D), padahal MRZ hanya memakai huruf A-Z,"
						+ " angka 0-9 dan tanda <.");
		assertThatThrownBy(() -> parse(TD3.replace("P<UTO", "1<UTO")))
				.isInstanceOf(NotAnMrzException.class)
				.hasMessageContaining("kode dokumen");
	}

	@Test
	void aBirthDateIsInThePast() {
		assertThat(parse(TD3).birthDate()).hasYear(1974);
		MrzResult born2005 = parse("""
				P<MMRAUNG<KYAW<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
				MC01234565MMR0506074M300120412345678<<<<<<82""");
		assertThat(born2005.birthDate()).isEqualTo("2005-06-07");
		assertThat(MrzParser.parse(TD3, LocalDate.of(2074, 8, 12)).birthDate()).isEqualTo("2074-08-12");
		assertThat(MrzParser.parse(TD3, LocalDate.of(2074, 8, 11)).birthDate()).isEqualTo("1974-08-12");
	}

	@Test
	void anExpiryDateIsNotBefore2000NorMoreThan50YearsAgo() {
		assertThat(parse(TD3).expiryDate()).isEqualTo("2012-04-15");
		assertThat(MrzParser.parse(TD3, LocalDate.of(2061, 1, 1)).expiryDate()).isEqualTo("2012-04-15");
		assertThat(MrzParser.parse(TD3, LocalDate.of(2063, 1, 1)).expiryDate()).isEqualTo("2112-04-15");
	}

	@Test
	void takesTodayFromAClock() {
		Clock in2074 = Clock.fixed(LocalDate.of(2074, 8, 12).atStartOfDay(ZoneId.of("Asia/Jayapura")).toInstant(),
				ZoneId.of("Asia/Jayapura"));
		assertThat(MrzParser.parse(TD3, in2074).birthDate()).isEqualTo("2074-08-12");
		assertThat(MrzParser.parse(TD3).birthDate()).hasYear(1974);
	}
}
