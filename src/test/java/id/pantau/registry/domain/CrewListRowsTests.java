package id.pantau.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import id.pantau.registry.DocumentType;
import id.pantau.registry.Sex;
import org.junit.jupiter.api.Test;

class CrewListRowsTests {

	private static final Map<String, String> COUNTRIES = Map.of("MYANMAR", "MMR", "MMR", "MMR", "THAILAND", "THA", "THA", "THA");
	private static final List<String> HEADER = List.of("No", "Nama", "Kewarganegaraan", "Nomor Dokumen",
			"Tanggal Lahir", "Jabatan", "Jenis Dokumen", "Jenis Kelamin");

	private final CrewListRows rows = new CrewListRows(CrewListRows.columnsOf(HEADER),
			text -> COUNTRIES.get(text.toUpperCase()), LocalDate.of(2026, 11, 27));

	@Test
	void recognisesIndonesianAndEnglishHeadersAndNamesTheMissingOnes() {
		assertThat(CrewListRows.columnsOf(HEADER)).containsEntry(CrewListRows.Column.NAME, 1)
				.containsEntry(CrewListRows.Column.DOCUMENT_NUMBER, 3).containsEntry(CrewListRows.Column.RANK, 5);
		assertThat(CrewListRows.missing(CrewListRows.columnsOf(List.of("name", "nationality", "document_number",
				"birth_date", "rank")))).isEmpty();
		assertThat(CrewListRows.missing(CrewListRows.columnsOf(List.of("name", "rank"))))
				.containsExactly("kewarganegaraan", "nomor_dokumen");
	}

	@Test
	void readsAMemberWithTheKeysTheRegistrySearches() {
		CrewListRows.Member member = rows.read(2, List.of("1", " Kyaw  Min Htun ", "Myanmar", "mb 123-456",
				"15-03-1979", "Nakhoda", "buku pelaut", "L")).member();
		assertThat(member.name()).isEqualTo("Kyaw Min Htun");
		assertThat(member.nationality()).isEqualTo("MMR");
		assertThat(member.documentNumber()).isEqualTo("MB123456");
		assertThat(member.documentKey()).isEqualTo(NameKeys.documentKey("MB123456"));
		assertThat(member.birth().date()).isEqualTo(LocalDate.of(1979, 3, 15));
		assertThat(member.rank()).isEqualTo("Nakhoda");
		assertThat(member.documentType()).isEqualTo(DocumentType.SEAMAN_BOOK);
		assertThat(member.sex()).isEqualTo(Sex.M);
		assertThat(rows.read(3, List.of("2", "SOMCHAI", "Thailand", "AA1", "", "", "", "")).member().documentType())
				.as("a passport unless said otherwise").isEqualTo(DocumentType.PASSPORT);
	}

	@Test
	void refusesARowWithTheReason() {
		assertThat(reason(List.of("1", "ASLAN", "Narnia", "X1", "", "", "", ""))).isEqualTo("import.row.nationality");
		assertThat(reason(List.of("1", "ASLAN", "MMR", "", "", "", "", ""))).isEqualTo("import.row.required");
		assertThat(reason(List.of("1", "ASLAN", "MMR", "X1", "kemarin", "", "", ""))).isEqualTo("import.row.birthDate");
		assertThat(reason(List.of("1", "ASLAN", "MMR", "X1", "", "", "kartu", ""))).isEqualTo("crewList.row.documentType");
		assertThat(reason(List.of("1", "=HYPERLINK(\"http://x\")", "MMR", "X1", "", "", "", "")))
				.isEqualTo("import.row.formula");
		assertThat(rows.read(2, List.of("1", "=1+2", "MMR", "X1", "", "", "", "")).refusal().raw())
				.as("kept neutralised").startsWith("1,'=1+2");
	}

	@Test
	void theSecondRowWithADocumentAlreadyListedIsRefused() {
		List<CrewListRows.Result> results = CrewListRows.refuseDuplicates(List.of(
				rows.read(2, List.of("1", "SOMCHAI", "THA", "AA1", "", "", "", "")),
				rows.read(3, List.of("2", "SOMCHAI S", "THA", "aa-1", "", "", "", ""))));
		assertThat(results.get(0).member()).isNotNull();
		assertThat(results.get(1).refusal().reasonKey()).isEqualTo("crewList.row.duplicate");
	}

	private String reason(List<String> cells) {
		return rows.read(2, cells).refusal().reasonKey();
	}
}
