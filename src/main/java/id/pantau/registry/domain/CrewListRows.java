package id.pantau.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import id.pantau.platform.tables.Csv;
import id.pantau.platform.tables.HeaderNames;
import id.pantau.registry.BirthDate;
import id.pantau.registry.CrewListResult;
import id.pantau.registry.DocumentType;
import id.pantau.registry.Sex;

/**
 * Reads the rows of a crew list into crew members, or says why a row is refused. Columns are recognised by their
 * header in Indonesian or English; a list names each member's name, nationality and document number, and may give the
 * birth date, rank, document type (passport unless said otherwise) and sex.
 */
final class CrewListRows {

	enum Column {

		NAME(true, "nama", "name", "nama_lengkap", "full_name"),
		NATIONALITY(true, "kewarganegaraan", "nationality", "warga_negara", "negara"),
		DOCUMENT_NUMBER(true, "nomor_dokumen", "document_number", "no_dokumen", "nomor_paspor", "no_paspor",
				"passport_number", "passport_no", "nomor_buku_pelaut", "seaman_book_number"),
		BIRTH_DATE(false, "tanggal_lahir", "birth_date", "tgl_lahir", "date_of_birth", "dob"),
		RANK(false, "jabatan", "rank", "posisi", "position"),
		DOCUMENT_TYPE(false, "jenis_dokumen", "document_type"),
		SEX(false, "jenis_kelamin", "sex", "gender", "jk");

		private final boolean required;
		private final List<String> headers;

		Column(boolean required, String... headers) {
			this.required = required;
			this.headers = List.of(headers);
		}

		String header() {
			return headers.get(0);
		}
	}

	/** A crew member as the list gives them, normalised. */
	record Member(int rowNumber, String name, String nationality, DocumentType documentType, String documentNumber,
			String documentKey, BirthDate birth, Sex sex, String rank, String raw) {
	}

	/** Either a member or a refusal: exactly one is non-null. */
	record Result(Member member, CrewListResult.Refusal refusal) {
	}

	private final Map<Column, Integer> columns;
	private final Function<String, String> nationalities;
	private final LocalDate today;

	/**
	 * @param nationalities a nationality as written to its alpha-3 code, or null when unknown
	 */
	CrewListRows(Map<Column, Integer> columns, Function<String, String> nationalities, LocalDate today) {
		this.columns = new EnumMap<>(columns);
		this.nationalities = nationalities;
		this.today = today;
	}

	static Map<Column, Integer> columnsOf(List<String> header) {
		return HeaderNames.columns(header, Column.class, column -> column.headers);
	}

	/** The first header name of each required column the header does not name. */
	static List<String> missing(Map<Column, Integer> columns) {
		return Arrays.stream(Column.values()).filter(c -> c.required && !columns.containsKey(c)).map(Column::header)
				.toList();
	}

	Result read(int rowNumber, List<String> cells) {
		String raw = Csv.safeLine(cells);
		try {
			for (Column column : Column.values()) {
				cell(cells, column);
			}
			String name = required(cells, Column.NAME, 200).replaceAll("\\s+", " ");
			if (NameKeys.searchKey(name).isEmpty()) {
				throw new Refused("import.row.name", name);
			}
			String nationalityText = required(cells, Column.NATIONALITY, 60);
			String nationality = nationalities.apply(nationalityText);
			if (nationality == null) {
				throw new Refused("import.row.nationality", nationalityText);
			}
			String document = NameKeys.documentNumber(required(cells, Column.DOCUMENT_NUMBER, 40));
			if (document.isEmpty()) {
				throw new Refused("import.row.required", Column.DOCUMENT_NUMBER.header());
			}
			BirthDate birth;
			try {
				birth = BirthDate.parse(cell(cells, Column.BIRTH_DATE), today);
			}
			catch (IllegalArgumentException e) {
				throw new Refused("import.row.birthDate", cell(cells, Column.BIRTH_DATE));
			}
			String rank = cell(cells, Column.RANK);
			if (rank.length() > 60) {
				throw new Refused("import.row.tooLong", Column.RANK.header());
			}
			return new Result(new Member(rowNumber, name, nationality, documentType(cell(cells, Column.DOCUMENT_TYPE)),
					document, NameKeys.documentKey(document), birth, sex(cell(cells, Column.SEX)),
					rank.isEmpty() ? null : rank, raw), null);
		}
		catch (Refused refused) {
			return new Result(null, new CrewListResult.Refusal(rowNumber, refused.key, refused.argument, raw));
		}
	}

	private String cell(List<String> cells, Column column) {
		Integer index = columns.get(column);
		if (index == null || index >= cells.size()) {
			return "";
		}
		String value = cells.get(index).strip();
		// "=" begins a formula whatever follows; "+" and "@" only before a letter, as "+62..." is a phone number
		if (value.length() > 1 && (value.charAt(0) == '='
				|| ("+@".indexOf(value.charAt(0)) >= 0 && !Character.isDigit(value.charAt(1))))) {
			throw new Refused("import.row.formula", column.header());
		}
		return value;
	}

	private String required(List<String> cells, Column column, int max) {
		String value = cell(cells, column);
		if (value.isEmpty()) {
			throw new Refused("import.row.required", column.header());
		}
		if (value.length() > max) {
			throw new Refused("import.row.tooLong", column.header());
		}
		return value;
	}

	private static DocumentType documentType(String value) {
		String key = HeaderNames.key(value);
		return switch (key) {
			case "", "paspor", "passport" -> DocumentType.PASSPORT;
			case "buku_pelaut", "seaman_book", "seamans_book", "seaman_s_book", "sid" -> DocumentType.SEAMAN_BOOK;
			default -> {
				try {
					yield DocumentType.valueOf(key.toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException e) {
					throw new Refused("crewList.row.documentType", value);
				}
			}
		};
	}

	private static Sex sex(String value) {
		return switch (value.toUpperCase(Locale.ROOT)) {
			case "" -> null;
			case "M", "L", "LAKI-LAKI", "LAKI", "PRIA", "MALE" -> Sex.M;
			case "F", "P", "PEREMPUAN", "WANITA", "FEMALE", "W" -> Sex.F;
			case "X" -> Sex.X;
			default -> throw new Refused("import.row.sex", value);
		};
	}

	/** Duplicates within one list: the second row with a document already listed is refused. */
	static List<Result> refuseDuplicates(List<Result> results) {
		List<Result> checked = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Result result : results) {
			if (result.member() != null && !seen.add(result.member().documentKey())) {
				checked.add(new Result(null, new CrewListResult.Refusal(result.member().rowNumber(),
						"crewList.row.duplicate", result.member().documentNumber(), result.member().raw())));
			}
			else {
				checked.add(result);
			}
		}
		return checked;
	}

	private static final class Refused extends RuntimeException {

		private final String key;
		private final String argument;

		Refused(String key, String argument) {
			super(key, null, false, false);
			this.key = key;
			this.argument = argument;
		}
	}
}
