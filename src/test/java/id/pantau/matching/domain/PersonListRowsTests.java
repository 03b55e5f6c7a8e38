package id.pantau.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.pantau.registry.BirthDate;
import id.pantau.registry.Sex;
import org.junit.jupiter.api.Test;

class PersonListRowsTests {

	private static final PersonListRows.Checks CHECKS = new PersonListRows.Checks(
			text -> Map.of("MYANMAR", "MMR", "MMR", "MMR", "FILIPINA", "PHL").get(text.strip().toUpperCase()),
			Set.of("81.72.01.2001")::contains, Set.of("ITAS", "ITAP")::contains, LocalDate.of(2026, 5, 1));

	private static PersonListRows reader(String... header) {
		return new PersonListRows(PersonListRows.columnsOf(List.of(header)), CHECKS);
	}

	private static final PersonListRows LINK_COLUMNS = reader("id", "full_name", "sex", "birth_date", "nationality",
			"document_number", "village_code", "permit_type", "permit_until");

	@Test
	void readsTheLinkCommandsPersonsColumnsAndTheOptionalOnes() {
		PersonListRows.Row row = LINK_COLUMNS.read(2, List.of(" K-1 ", "Kyaw  Min", "m", "1984-06-02", "Myanmar",
				"MA123", "81.72.01.2001", "itas", "31-01-2027")).row();

		assertThat(row).isNotNull();
		assertThat(row.externalId()).isEqualTo("K-1");
		assertThat(row.fullName()).isEqualTo("Kyaw Min");
		assertThat(row.sex()).isEqualTo(Sex.M);
		assertThat(row.birth()).isEqualTo(BirthDate.of(LocalDate.of(1984, 6, 2)));
		assertThat(row.nationality()).isEqualTo("MMR");
		assertThat(row.villageCode()).isEqualTo("81.72.01.2001");
		assertThat(row.permitType()).isEqualTo("ITAS");
		assertThat(row.permitUntil()).isEqualTo(LocalDate.of(2027, 1, 31));
	}

	@Test
	void readsIndonesianHeadersAndLeavesOptionalColumnsOut() {
		PersonListRows indonesian = reader("No ID", "Nama", "Jenis Kelamin", "Tanggal Lahir", "Kewarganegaraan",
				"Nomor Paspor");
		assertThat(PersonListRows.missing(PersonListRows.columnsOf(List.of("No ID", "Nama", "Jenis Kelamin",
				"Tanggal Lahir", "Kewarganegaraan", "Nomor Paspor")))).isEmpty();

		PersonListRows.Row row = indonesian.read(2, List.of("", "Maria Santos", "P", "1985", "", "")).row();

		assertThat(row.externalId()).isNull();
		assertThat(row.sex()).isEqualTo(Sex.F);
		assertThat(row.birth()).isEqualTo(BirthDate.ofYear(1985));
		assertThat(row.nationality()).as("unknown, not refused").isNull();
		assertThat(row.documentNumber()).isNull();
	}

	@Test
	void namesTheMissingRequiredColumns() {
		assertThat(PersonListRows.missing(PersonListRows.columnsOf(List.of("nama", "kewarganegaraan"))))
				.containsExactly("id", "sex", "birth_date", "document_number");
	}

	@Test
	void refusesEachBadRowWithItsReasonAndKeepsItsCells() {
		assertThat(refusal("1", "A", "M", "1990-13-45", "MMR", "", "", "", "")).isEqualTo("personList.row.birthDate 1990-13-45");
		assertThat(refusal("1", "A", "M", "2030", "MMR", "", "", "", "")).isEqualTo("personList.row.birthDate 2030");
		assertThat(refusal("1", "A", "M", "", "Narnia", "", "", "", "")).isEqualTo("import.row.nationality Narnia");
		assertThat(refusal("1", "A", "M", "", "", "", "81.72.99.9999", "", ""))
				.isEqualTo("personList.row.village 81.72.99.9999");
		assertThat(refusal("1", "A", "M", "", "", "", "", "KITAS", "")).isEqualTo("personList.row.permitType KITAS");
		assertThat(refusal("1", "A", "M", "", "", "", "", "", "2027-01-31"))
				.isEqualTo("personList.row.permitTypeMissing 2027-01-31");
		assertThat(refusal("1", "A", "M", "", "", "", "", "ITAS", "31/13/2027"))
				.isEqualTo("personList.row.permitUntil 31/13/2027");
		assertThat(refusal("1", " ", "M", "", "", "", "", "", "")).isEqualTo("import.row.required full_name");
		assertThat(refusal("1", "123", "M", "", "", "", "", "", "")).isEqualTo("import.row.name 123");
		assertThat(refusal("1", "A", "X", "", "", "", "", "", "")).isEqualTo("personList.row.sex X");
		assertThat(refusal("1", "=cmd|'/c calc'!A0", "M", "", "", "", "", "", ""))
				.isEqualTo("import.row.formula full_name");
		assertThat(LINK_COLUMNS.read(7, List.of("1", "A", "M", "1990-13-45", "", "", "", "", "")).refusal().cells())
				.containsExactly("1", "A", "M", "1990-13-45", "", "", "", "", "");
	}

	@Test
	void aPhoneNumberIsNoFormulaButAnEqualsSignIs() {
		assertThat(LINK_COLUMNS.read(2, List.of("+62812", "A", "", "", "", "", "", "", "")).row()).isNotNull();
		assertThat(LINK_COLUMNS.read(2, List.of("=1", "A", "", "", "", "", "", "", "")).refusal()).isNotNull();
	}

	@Test
	void aSecondRowWithTheSameIdIsRefusedNamingTheFirst() {
		List<PersonListRows.Result> checked = PersonListRows.refuseDuplicateIds(List.of(
				LINK_COLUMNS.read(2, List.of("K-1", "A", "", "", "", "", "", "", "")),
				LINK_COLUMNS.read(3, List.of("K-2", "B", "", "", "", "", "", "", "")),
				LINK_COLUMNS.read(4, List.of("K-1", "C", "", "", "", "", "", "", "")),
				LINK_COLUMNS.read(5, List.of("", "D", "", "", "", "", "", "", "")),
				LINK_COLUMNS.read(6, List.of("", "E", "", "", "", "", "", "", ""))));

		assertThat(checked).extracting(r -> r.row() != null).containsExactly(true, true, false, true, true);
		assertThat(checked.get(2).refusal().reasonKey()).isEqualTo("personList.row.duplicateId");
		assertThat(checked.get(2).refusal().argument()).isEqualTo("K-1 (2)");
		assertThat(checked.get(2).refusal().cells()).startsWith("K-1", "C");
	}

	private static String refusal(String... cells) {
		PersonListRows.Refusal refusal = LINK_COLUMNS.read(2, List.of(cells)).refusal();
		return refusal == null ? "taken" : refusal.reasonKey() + " " + refusal.argument();
	}
}
