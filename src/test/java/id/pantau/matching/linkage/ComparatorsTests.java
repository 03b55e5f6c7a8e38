package id.pantau.matching.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import id.pantau.RandomInputs;
import id.pantau.reference.NationalityResolver;
import id.pantau.registry.BirthDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparatorsTests {

	private final Preparer preparer = new Preparer(NationalityResolver.bundled());

	private Prepared name(String name) {
		return preparer.prepare(new LinkageRecord("x", name, null, null, null, null));
	}

	private Prepared document(String number) {
		return preparer.prepare(new LinkageRecord("x", null, null, null, null, number));
	}

	private Prepared born(BirthDate date) {
		return preparer.prepare(new LinkageRecord("x", null, null, date, null, null));
	}

	private Prepared nationality(String text) {
		return preparer.prepare(new LinkageRecord("x", null, null, null, text, null));
	}

	private String nameLevel(String a, String b) {
		return Field.NAME.levels().get(Comparators.name(name(a), name(b)));
	}

	@ParameterizedTest(name = "{0} / {1} is {2}")
	@CsvSource({ "AUNG KYAW MIN, MIN AUNG KYAW, EXACT", "Nguyễn Văn Hùng, NGUYEN VAN HUNG, EXACT",
			"U KYAW MIN, KYAW MIN, EXACT", "KYAW MIN, KYO MIN, RESPELLED", "KYAW MIN, CHO MIN, RESPELLED",
			"HTUN AUNG, TUN AUNG, RESPELLED", "SOMPHONG, SOMFONG, RESPELLED", "THANAWAT SUK, TANAWAT SUK, RESPELLED",
			"HTOO WIN, HTU WIN, RESPELLED", "PHUONG THI, THI FUONG, RESPELLED", "ZAW MIN, ZO MIN, RESPELLED",
			"SOMCHAI PRASERT, SOMCHIA PRASERT, TYPO", "NGUYEN VAN NAM, NGUYEN NAM, SUBSET",
			"AUNG KYAW, AUNG MIN, PARTIAL", "AUNG KYAW, SOMCHAI PRASERT, DIFFERENT", "AUNG KYAW, '', MISSING" })
	void namesCompareAsHeardInAnyOrder(String a, String b, String level) {
		assertThat(nameLevel(a, b)).isEqualTo(level);
		assertThat(nameLevel(b, a)).isEqualTo(level);
	}

	@ParameterizedTest(name = "{0} / {1} is {2}")
	@CsvSource({ "A1234567, A1234567, EXACT", "A 123-4567, a1234567, EXACT", "AO123456, A0123456, OCR",
			"BI234567, 8I234567, OCR", "S1234567, 51234567, OCR", "A1234567, A1234568, NEAR", "A1234567, A1243567, NEAR",
			"A1234567, B7654321, DIFFERENT", "A1234567, '', MISSING" })
	void documentNumbersForgiveSpacesAndOcrConfusions(String a, String b, String level) {
		assertThat(Field.DOCUMENT.levels().get(Comparators.document(document(a), document(b)))).isEqualTo(level);
	}

	private String dateLevel(BirthDate a, BirthDate b) {
		return Field.BIRTH_DATE.levels().get(Comparators.birthDate(born(a), born(b)));
	}

	@Test
	void birthDatesKnowSwapsYearsOnlyAndYearsOff() {
		BirthDate date = BirthDate.of(LocalDate.of(1985, 3, 7));
		assertThat(dateLevel(date, date)).isEqualTo("EXACT");
		assertThat(dateLevel(date, BirthDate.of(LocalDate.of(1985, 7, 3)))).isEqualTo("SWAPPED");
		assertThat(dateLevel(date, BirthDate.of(LocalDate.of(1985, 3, 8)))).isEqualTo("NEAR");
		assertThat(dateLevel(date, BirthDate.of(LocalDate.of(1958, 3, 7)))).isEqualTo("NEAR");
		assertThat(dateLevel(date, BirthDate.of(LocalDate.of(1986, 3, 7)))).isEqualTo("NEAR");
		assertThat(dateLevel(BirthDate.of(LocalDate.of(1978, 12, 27)), BirthDate.of(LocalDate.of(1988, 12, 27))))
				.as("ten years away is another birth date, not a typo").isEqualTo("DIFFERENT");
		assertThat(dateLevel(date, BirthDate.ofYear(1985))).isEqualTo("YEAR_ONLY");
		assertThat(dateLevel(BirthDate.ofYear(1985), BirthDate.ofYear(1985))).isEqualTo("YEAR_ONLY");
		assertThat(dateLevel(date, BirthDate.ofYear(1986))).isEqualTo("YEAR_OFF");
		assertThat(dateLevel(date, BirthDate.of(LocalDate.of(1984, 11, 20)))).isEqualTo("YEAR_OFF");
		assertThat(dateLevel(date, BirthDate.of(LocalDate.of(1970, 1, 1)))).isEqualTo("DIFFERENT");
		assertThat(dateLevel(date, BirthDate.UNKNOWN)).isEqualTo("MISSING");
		BirthDate newYear = BirthDate.of(LocalDate.of(1985, 1, 1));
		assertThat(dateLevel(newYear, newYear)).as("1 January, printed for an unknown day, is not a full date")
				.isEqualTo("YEAR_ONLY");
		assertThat(Comparators.strongEvidence(Comparators.pattern(
				preparer.prepare(new LinkageRecord("a", "KYAW KYAW", "M", newYear, "MMR", null)),
				preparer.prepare(new LinkageRecord("b", "KYAW KYAW", "M", newYear, "MMR", null))))).isFalse();
	}

	@Test
	void nationalitiesCompareWhicheverWayTheyAreWritten() {
		assertThat(Comparators.nationality(nationality("Burma"), nationality("MMR"))).isEqualTo(Comparators.NAT_EXACT);
		assertThat(Comparators.nationality(nationality("Myanmar"), nationality("mm"))).isEqualTo(Comparators.NAT_EXACT);
		assertThat(Comparators.nationality(nationality("Muangthai"), nationality("Burma")))
				.isEqualTo(Comparators.NAT_NEIGHBOUR);
		assertThat(Comparators.nationality(nationality("Vietnam"), nationality("Filipina")))
				.isEqualTo(Comparators.NAT_DIFFERENT);
		assertThat(Comparators.nationality(nationality("Atlantis"), nationality("atlantis")))
				.isEqualTo(Comparators.NAT_EXACT);
		assertThat(Comparators.nationality(nationality(""), nationality("MMR"))).isEqualTo(Comparators.NAT_MISSING);
	}

	@Test
	void everyNameComparisonIsSymmetricAndAnyTextIsSafe() {
		RandomInputs.check(6, RandomInputs.TRIES,
				inputs -> new String[] { inputs.anyText(30),
						inputs.of(java.util.List.of("KYAW", "KYO", "HTUN", "TUN", "AUNG", " ", "PH", "F", "OO", "U"), 6) },
				pair -> {
					assertThat(Comparators.name(name(pair[0]), name(pair[1])))
							.isEqualTo(Comparators.name(name(pair[1]), name(pair[0])));
					assertThat(Comparators.name(name(pair[1]), name(pair[1]))).isIn(Comparators.NAME_EXACT,
							Comparators.NAME_MISSING);
				});
	}

	@Test
	void withinOneEditFindsOneChangeAndNoMore() {
		assertThat(Comparators.withinOneEdit("ABCDEF", "ABCDEF")).isTrue();
		assertThat(Comparators.withinOneEdit("ABCDEF", "ABXDEF")).isTrue();
		assertThat(Comparators.withinOneEdit("ABCDEF", "ABDCEF")).isTrue();
		assertThat(Comparators.withinOneEdit("ABCDEF", "ABCEF")).isTrue();
		assertThat(Comparators.withinOneEdit("ABCDEF", "AXCDEY")).isFalse();
		assertThat(Comparators.withinOneEdit("ABCDEF", "ABC")).isFalse();
	}
}
